import { useId, useState, type FormEvent } from 'react'
import type { BackendName } from '../../engine/index.ts'
import { BACKEND_REFERENCE } from '../../reference/reference.ts'
import { BACKEND_NAMES } from '../../store/engineInfo.ts'
import { useActions, useModel } from '../../store/hooks.ts'
import { validateComposer, type ComposerInput } from './composerValidation.ts'
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
  const set = (field: keyof ComposerInput) => (value: string) =>
    setInput((v) => ({ ...v, [field]: value }))
  const keys = model.topics.filter((t) => t.backend === input.backend).map((t) => [t.key, t.label])
  const keyPlaceholder = keys[0]?.[0] ?? model.guilds[0]?.id ?? ''

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const result = validateComposer(input.key ? input : { ...input, key: keyPlaceholder })
    if (!result.ok) return setErrors(result.errors)
    setErrors({})
    apply({ target: 'dispatcher', method: 'dispatch', args: result.args })
  }
  const describedBy = (field: keyof ComposerInput) =>
    errors[field] ? `${ids.error}-${field}` : undefined
  const message = (field: keyof ComposerInput) =>
    errors[field] && (
      <span className="field__error" id={`${ids.error}-${field}`} role="alert">
        {errors[field]}
      </span>
    )

  return (
    <form
      className="mini-form composer"
      aria-label="Dispatch composer"
      onSubmit={submit}
      noValidate
    >
      <h3 className="subheading">dispatcher.dispatch(…)</h3>
      <label className="field">
        <span>Backend</span>
        <select value={input.backend} onChange={(e) => set('backend')(e.currentTarget.value)}>
          {BACKEND_NAMES.map((b) => (
            <option key={b}>{b}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>
          Key <span className="muted">({BACKEND_REFERENCE[input.backend as BackendName].key})</span>
        </span>
        <input
          value={input.key}
          placeholder={keyPlaceholder}
          list={ids.keys}
          onChange={(e) => set('key')(e.currentTarget.value)}
          aria-invalid={errors.key ? true : undefined}
          aria-describedby={describedBy('key')}
          autoComplete="off"
        />
        <datalist id={ids.keys}>
          {keys.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </datalist>
        {message('key')}
      </label>
      <label className="field">
        <span>Event type</span>
        <input
          value={input.type}
          list={ids.types}
          onChange={(e) => set('type')(e.currentTarget.value)}
          aria-invalid={errors.type ? true : undefined}
          aria-describedby={describedBy('type')}
          autoComplete="off"
        />
        <datalist id={ids.types}>
          {COMMON_TYPES.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        {message('type')}
      </label>
      <label className="field">
        <span>Payload (JSON)</span>
        <textarea
          rows={4}
          value={input.payload}
          spellCheck={false}
          onChange={(e) => set('payload')(e.currentTarget.value)}
          aria-invalid={errors.payload ? true : undefined}
          aria-describedby={describedBy('payload')}
        />
        {message('payload')}
      </label>
      <button type="submit" className="button button--primary">
        Dispatch
      </button>
    </form>
  )
}
