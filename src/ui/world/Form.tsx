import { useId, type FormEvent, type ReactNode } from 'react'
import { SEARCH_ABOVE, SearchSelect } from './SearchSelect.tsx'
import './forms.css'

/**
 * A small titled, uncontrolled form (no re-render per keystroke). `onSubmit` gets its fields and returns
 * whether the call went through; then the form resets.
 */
export function Form({
  title,
  submit,
  onSubmit,
  children,
  hint,
}: {
  title: string
  submit: string
  onSubmit: (data: FormData) => boolean
  children: ReactNode
  hint?: string
}) {
  const id = useId()
  const handle = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    if (onSubmit(new FormData(form))) form.reset()
  }
  return (
    <form className="mini-form" aria-labelledby={id} onSubmit={handle}>
      <h3 id={id} className="subheading">
        {title}
      </h3>
      {hint && <p className="panel__hint">{hint}</p>}
      <div className="mini-form__fields">{children}</div>
      <button type="submit" className="button">
        {submit}
      </button>
    </form>
  )
}

/** A labelled select of options `[value, label]` (a search, past a few hundred: see SearchSelect). */
export function Select({
  label,
  name,
  options,
  value,
  onChange,
  required = true,
}: {
  label: string
  required?: boolean
  name: string
  options: readonly (readonly [string, string])[]
  value?: string
  onChange?: (value: string) => void
}) {
  if (options.length > SEARCH_ABOVE && value === undefined) {
    return (
      <SearchSelect
        label={label}
        name={name}
        options={options}
        required={required}
        {...(onChange ? { onChange } : {})}
      />
    )
  }
  return (
    <label className="field">
      <span>{label}</span>
      <select
        name={name}
        required={required}
        {...(value !== undefined ? { value } : {})}
        {...(onChange ? { onChange: (e) => onChange(e.currentTarget.value) } : {})}
      >
        {options.length === 0 && <option value="">(none yet)</option>}
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  )
}

/** A trimmed text field of a form's data. */
export function text(data: FormData, name: string): string {
  const v = data.get(name)
  return typeof v === 'string' ? v.trim() : ''
}
