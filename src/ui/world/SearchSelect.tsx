import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { FieldError } from './FieldError.tsx'

/** Above this many options a select becomes a search: a list of 100,000 users would take seconds to draw. */
export const SEARCH_ABOVE = 300
/** How many matches the suggestion list offers at a time. */
const MATCHES = 50

type Option = readonly [value: string, label: string]

/** The options whose label or value contains `query` (case-insensitive), at most `limit`. */
export function matchOptions(options: readonly Option[], query: string, limit = MATCHES): Option[] {
  const q = query.trim().toLowerCase()
  const found: Option[] = []
  for (const option of options) {
    if (found.length >= limit) break
    if (q === '' || option[1].toLowerCase().includes(q) || option[0].includes(q)) found.push(option)
  }
  return found
}

/** The value of the option whose label or value is exactly `query`, if any. */
export function resolveOption(options: readonly Option[], query: string): string | undefined {
  const q = query.trim()
  if (q === '') return undefined
  return options.find(([value, label]) => label === q || value === q)?.[0]
}

/**
 * A select for thousands of options: type part of a name (or an id) and pick among the first matches.
 * The form gets the chosen option's value under `name`, as from a select; an entry that names no
 * option is invalid, with the reason (the form's own check, formErrors.ts, reports it at the field).
 */
export function SearchSelect({
  label,
  name,
  options,
  onChange,
  required,
  error,
}: {
  label: string
  name: string
  options: readonly Option[]
  onChange?: (value: string) => void
  required: boolean
  /** The form's message for this field, if it was refused, and the id to describe it by. */
  error?: { message: string | undefined; id: string }
}) {
  const [query, setQuery] = useState('')
  const listId = useId()
  const input = useRef<HTMLInputElement>(null)
  const matches = useMemo(() => matchOptions(options, query), [options, query])
  const value = resolveOption(options, query) ?? ''
  useEffect(() => {
    const el = input.current
    el?.setCustomValidity(
      query.trim() !== '' && value === '' ? `No ${label.toLowerCase()} is called "${query}".` : '',
    )
  }, [query, value, label])
  useEffect(() => {
    // The form resets after each call it makes: start the next search afresh.
    const form = input.current?.form
    const clear = () => setQuery('')
    form?.addEventListener('reset', clear)
    return () => form?.removeEventListener('reset', clear)
  }, [])
  return (
    <label className="field">
      <span>{label}</span>
      <input
        ref={input}
        type="search"
        data-name={name}
        aria-invalid={error?.message ? true : undefined}
        aria-describedby={error?.message ? error.id : undefined}
        list={listId}
        value={query}
        required={required}
        autoComplete="off"
        placeholder={`Search ${options.length.toLocaleString('en-US')} by name or id`}
        onChange={(e) => {
          setQuery(e.currentTarget.value)
          const chosen = resolveOption(options, e.currentTarget.value)
          if (chosen !== undefined) onChange?.(chosen)
        }}
      />
      <datalist id={listId}>
        {matches.map(([v, l]) => (
          <option key={v} value={l}>
            {v}
          </option>
        ))}
      </datalist>
      <input type="hidden" name={name} value={value} />
      {error && <FieldError id={error.id} message={error.message} />}
    </label>
  )
}
