import { createContext, useContext, useId, useState, type FormEvent, type ReactNode } from 'react'
import { FieldError } from './FieldError.tsx'
import { fieldNamed, formErrors, type FormErrors } from './formErrors.ts'
import { SEARCH_ABOVE, SearchSelect } from './SearchSelect.tsx'
import './forms.css'

const ErrorsContext = createContext<{ errors: FormErrors; formId: string }>({
  errors: {},
  formId: '',
})

/** The message for a field of the enclosing form, and the id to describe it by. */
export function useFieldError(name: string): { message: string | undefined; id: string } {
  const { errors, formId } = useContext(ErrorsContext)
  return { message: errors[name], id: `${formId}-${name}-error` }
}

/**
 * A small titled, uncontrolled form (no re-render per keystroke). Empty required fields and numbers out
 * of range are refused with a message at the field (formErrors.ts), never sent; otherwise `onSubmit`
 * gets its fields and returns whether the call went through, and then the form resets.
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
  hint?: ReactNode
}) {
  const id = useId()
  const [errors, setErrors] = useState<FormErrors>({})
  const handle = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    const found = formErrors(form)
    setErrors(found)
    const first = Object.keys(found)[0]
    if (first !== undefined) {
      fieldNamed(form, first)?.focus()
      return
    }
    if (onSubmit(new FormData(form))) form.reset()
  }
  return (
    <form className="mini-form" aria-labelledby={id} onSubmit={handle} noValidate>
      <h3 id={id} className="subheading">
        {title}
      </h3>
      {hint && <p className="panel__hint">{hint}</p>}
      <ErrorsContext.Provider value={{ errors, formId: id }}>
        <div className="mini-form__fields">{children}</div>
      </ErrorsContext.Provider>
      <button type="submit" className="button">
        {submit}
      </button>
    </form>
  )
}

/** A labelled text or number input of a Form, with its message when refused. */
export function Input({
  label,
  name,
  type = 'text',
  required = true,
  ...rest
}: {
  label: string
  name: string
  type?: 'text' | 'number'
  required?: boolean
  placeholder?: string
  min?: number
  max?: number
  step?: number
  defaultValue?: string | number
}) {
  const { message, id } = useFieldError(name)
  return (
    <label className="field">
      <span>{label}</span>
      <input
        name={name}
        type={type}
        required={required}
        autoComplete="off"
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? id : undefined}
        {...rest}
      />
      <FieldError id={id} message={message} />
    </label>
  )
}

/** A labelled select of options `[value, label]` (a search, past a few hundred: see SearchSelect). */
export function Select({
  label,
  name,
  options,
  value,
  defaultValue,
  onChange,
  required = true,
}: {
  label: string
  required?: boolean
  name: string
  options: readonly (readonly [string, string])[]
  value?: string
  /** The option chosen at first (uncontrolled), when it is not the first. */
  defaultValue?: string | undefined
  onChange?: (value: string) => void
}) {
  const { message, id } = useFieldError(name)
  if (options.length > SEARCH_ABOVE && value === undefined) {
    return (
      <SearchSelect
        label={label}
        name={name}
        options={options}
        required={required}
        error={{ message, id }}
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
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? id : undefined}
        {...(value !== undefined ? { value } : {})}
        {...(value === undefined && defaultValue !== undefined ? { defaultValue } : {})}
        {...(onChange ? { onChange: (e) => onChange(e.currentTarget.value) } : {})}
      >
        {options.length === 0 && <option value="">(none yet)</option>}
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      <FieldError id={id} message={message} />
    </label>
  )
}

/** A trimmed text field of a form's data. */
export function text(data: FormData, name: string): string {
  const v = data.get(name)
  return typeof v === 'string' ? v.trim() : ''
}
