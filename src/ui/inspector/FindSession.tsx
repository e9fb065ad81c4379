import { useId, useMemo, useState, type FormEvent } from 'react'
import { useActions, useModel } from '../../store/hooks.ts'
import { sessionOptions } from '../world/options.ts'
import { matchOptions, resolveOption } from '../world/SearchSelect.tsx'

/** How many matches the suggestions offer while typing. */
const MATCHES = 20

/**
 * Finds one session among thousands by its user's name ("alice", "alice #2") or its session id, and
 * inspects it: picking a suggestion, or Enter on the first match.
 */
export function FindSession() {
  const model = useModel()
  const { select } = useActions()
  const [query, setQuery] = useState('')
  const [message, setMessage] = useState('')
  const listId = useId()
  const options = sessionOptions(model)
  const matches = useMemo(() => matchOptions(options, query, MATCHES), [options, query])

  const inspect = (id: string) => {
    setMessage('')
    select({ kind: 'session', id })
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    if (query.trim() === '') return
    const id = resolveOption(options, query) ?? matches[0]?.[0]
    if (id) inspect(id)
    else setMessage(`No session’s user name or id contains “${query.trim()}”.`)
  }
  if (options.length === 0) return null
  return (
    <form role="search" aria-label="Find a session" className="find-session" onSubmit={onSubmit}>
      <input
        type="search"
        aria-label="Find a session by user name or session id"
        placeholder="Find a session: user name or id"
        title={`Search ${options.length.toLocaleString('en-US')} sessions by user name or session id`}
        list={listId}
        value={query}
        autoComplete="off"
        onChange={(e) => {
          const value = e.currentTarget.value
          setQuery(value)
          setMessage('')
          // Picking a suggestion puts its exact label in the box: inspect it straight away.
          const picked = resolveOption(options, value)
          if (picked !== undefined && matches.some(([v]) => v === picked)) inspect(picked)
        }}
      />
      <datalist id={listId}>
        {matches.map(([value, label]) => (
          <option key={value} value={label}>
            {value}
          </option>
        ))}
      </datalist>
      <p className="find-session__message" role="status">
        {message}
      </p>
    </form>
  )
}
