import { useId, useState, type FormEvent } from 'react'
import type { BackendName } from '../../engine/index.ts'
import { BACKEND_REFERENCE } from '../../reference/reference.ts'
import { BACKEND_NAMES } from '../../store/engineValues.ts'
import { useActions, useModel } from '../../store/hooks.ts'
import { BackendReferenceButton } from '../reference/BackendReference.tsx'
import {
  HELPERS,
  takesKeys,
  takesSessions,
  validateComposer,
  type ComposerInput,
  type Helper,
} from './composerValidation.ts'
import { FieldError } from './FieldError.tsx'
import { keyChoices, keyExample } from './keyExamples.ts'
import { SessionPickList } from './SessionPickList.tsx'
import './forms.css'

const COMMON_TYPES = [
  'GUILD_UPDATE',
  'MESSAGE_CREATE',
  'PRESENCE_UPDATE',
  'TYPING_START',
  'GUILD_MEMBER_UPDATE',
  'CHANNEL_UPDATE',
  'GUILD_ROLE_CREATE',
]

/** What each helper's session list means, and its signature (docs/design/semantics.md §4). */
const HELPER_INFO: Record<Helper, { signature: string; sessions?: string; hint: string }> = {
  dispatch: {
    signature: 'dispatch(backend, key, type, payload)',
    hint: 'One topic key: the backend decides who receives it.',
  },
  dispatchMany: {
    signature: 'dispatchMany(backend, keys, type, payload)',
    hint: 'One dispatch per key, in order, without de-duplication: a session under two keys gets it twice.',
  },
  dispatchFilter: {
    signature: 'dispatchFilter(backend, key, filter, type, payload)',
    sessions: 'Only these sessions',
    hint: 'Like dispatch, but only the sessions picked pass the filter; the others are skipped: filter.',
  },
  dispatchManyFilterList: {
    signature: 'dispatchManyFilterList(backend, keys, sessionIds, type, payload)',
    sessions: 'Already reached (sessionIds)',
    hint: 'Each key in order reaches only sessions not yet in the list, and adds them: each gets it once.',
  },
}

/** The dispatcher by hand: `dispatch` and its helpers, validated field by field. */
export function DispatchComposer() {
  const model = useModel()
  const { apply } = useActions()
  const ids = { types: useId(), keys: useId(), error: useId(), hint: useId() }
  const [input, setInput] = useState<ComposerInput>({
    helper: 'dispatch',
    backend: 'guild',
    key: '',
    sessions: [],
    type: 'GUILD_UPDATE',
    payload: '{}',
  })
  const [errors, setErrors] = useState<Partial<Record<'key' | 'type' | 'payload', string>>>({})
  const set = <K extends keyof ComposerInput>(field: K, value: ComposerInput[K]) =>
    setInput((v) => ({ ...v, [field]: value }))
  const backend = input.backend as BackendName
  const many = takesKeys(input.helper)
  const example = keyExample(backend, model, many)
  const info = HELPER_INFO[input.helper]

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const result = validateComposer(input, example)
    if (!result.ok) return setErrors(result.errors)
    setErrors({})
    apply({ target: 'dispatcher', method: input.helper, args: result.args })
  }
  const invalid = (field: 'key' | 'type' | 'payload') =>
    errors[field]
      ? { 'aria-invalid': true as const, 'aria-describedby': `${ids.error}-${field}` }
      : {}

  return (
    <form
      className="mini-form composer"
      aria-label="Dispatch composer"
      onSubmit={submit}
      noValidate
    >
      <h3 className="subheading">dispatcher.{input.helper}(…)</h3>
      <label className="field">
        <span>Call</span>
        <select
          value={input.helper}
          onChange={(e) => set('helper', e.currentTarget.value as Helper)}
          aria-describedby={ids.hint}
        >
          {HELPERS.map((h) => (
            <option key={h}>{h}</option>
          ))}
        </select>
      </label>
      <p className="panel__hint" id={ids.hint}>
        <code>{info.signature}</code>: {info.hint}
      </p>
      <div className="field">
        <label className="field__with-action">
          <span>Backend</span>
          <select value={input.backend} onChange={(e) => set('backend', e.currentTarget.value)}>
            {BACKEND_NAMES.map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        </label>
        <BackendReferenceButton focus={backend}>What does {backend} do?</BackendReferenceButton>
      </div>
      <label className="field">
        <span>
          {many ? 'Keys' : 'Key'}{' '}
          <span className="muted">
            ({BACKEND_REFERENCE[backend].key}
            {many ? ', comma-separated' : ''})
          </span>
        </span>
        <input
          value={input.key}
          placeholder={example ? `e.g. ${example}` : ''}
          list={many ? undefined : ids.keys}
          onChange={(e) => set('key', e.currentTarget.value)}
          autoComplete="off"
          {...invalid('key')}
        />
        <datalist id={ids.keys}>
          {keyChoices(backend, model).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </datalist>
        <FieldError id={`${ids.error}-key`} message={errors.key} />
      </label>
      {takesSessions(input.helper) && info.sessions && (
        <SessionPickList
          legend={info.sessions}
          model={model}
          value={input.sessions}
          onChange={(sessions) => set('sessions', sessions)}
        />
      )}
      <label className="field">
        <span>Event type</span>
        <input
          value={input.type}
          list={ids.types}
          onChange={(e) => set('type', e.currentTarget.value)}
          autoComplete="off"
          {...invalid('type')}
        />
        <datalist id={ids.types}>
          {COMMON_TYPES.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <FieldError id={`${ids.error}-type`} message={errors.type} />
      </label>
      <label className="field">
        <span>Payload (JSON)</span>
        <textarea
          rows={3}
          value={input.payload}
          spellCheck={false}
          onChange={(e) => set('payload', e.currentTarget.value)}
          {...invalid('payload')}
        />
        <FieldError id={`${ids.error}-payload`} message={errors.payload} />
      </label>
      <button type="submit" className="button button--primary">
        Dispatch
      </button>
    </form>
  )
}
