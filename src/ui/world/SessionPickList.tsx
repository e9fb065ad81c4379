import type { GraphModel } from '../../store/graphModel.ts'
import { sessionOptions } from './options.ts'

/** A pick-list of the open sessions: checkboxes, in IDENTIFY order. */
export function SessionPickList({
  legend,
  model,
  value,
  onChange,
}: {
  legend: string
  model: GraphModel
  value: readonly string[]
  onChange: (sessions: string[]) => void
}) {
  const options = sessionOptions(model)
  const picked = new Set(value)
  const toggle = (id: string) =>
    onChange(options.map(([s]) => s).filter((s) => (s === id ? !picked.has(s) : picked.has(s))))
  return (
    <fieldset className="intents session-picks">
      <legend>{legend}</legend>
      {options.length === 0 && <p className="panel__hint">No session yet: IDENTIFY one first.</p>}
      {options.map(([id, label]) => (
        <label key={id} className="check check--small">
          <input type="checkbox" checked={picked.has(id)} onChange={() => toggle(id)} />
          {label}
        </label>
      ))}
    </fieldset>
  )
}
