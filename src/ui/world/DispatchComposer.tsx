import { useId, useState, type FormEvent } from 'react'
import type { BackendName } from '../../engine/index.ts'
import { BACKEND_REFERENCE } from '../../reference/reference.ts'
import { BACKEND_NAMES } from '../../store/engineInfo.ts'
import { useActions, useModel } from '../../store/hooks.ts'
import { BackendReferenceButton } from '../reference/BackendReference.tsx'
import { validateComposer, type ComposerInput } from './composerValidation.ts'
import { FieldError } from './FieldError.tsx'
import { keyChoices, keyExample } from './keyExamples.ts'
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

/** A raw `dispatcher.dispatch(backend, key, type, payload)`, validated field by field. */
export function DispatchComposer() {
  const model = useModel()
  const { apply } = useActions()
  const ids = { types: useId(), keys: useId(), error: useId() }
  const [input, setInput] = useState<ComposerInput>({
    backend: 'guild',
    key: '',
    type: 'GUILD_UPDATE',
    payload: '{}',
  })
  const [errors, setErrors] = useState<Partial<Record<keyof ComposerInput, string>>>({})
  const set = (field: keyof ComposerInput, value: string) =>
    setInput((v) => ({ ...v, [field]: value }))
  const backend = input.backend as BackendName
  const example = keyExample(backend, model, false)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const result = validateComposer(input, example)
    if (!result.ok) return setErrors(result.errors)
    setErrors({})
    apply({ target: 'dispatcher', method: 'dispatch', args: result.args })
  }
  const invalid = (field: keyof ComposerInput) =>
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
      <h3 className="subheading">dispatcher.dispatch(…)</h3>
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
          Key <span className="muted">({BACKEND_REFERENCE[backend].key})</span>
        </span>
        <input
          value={input.key}
          placeholder={example ? `e.g. ${example}` : ''}
          list={ids.keys}
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
          rows={4}
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
