import { useActions, useTimeLimit } from '../../store/hooks.ts'

const LIMITS = [1_000, 2_000, 5_000, 10_000, 30_000]

/**
 * How long code may run before the sandbox stops it (an endless loop, say): its label says so, not
 * just "Limit".
 */
export function TimeLimitPicker() {
  const limit = useTimeLimit()
  const { setTimeLimit } = useActions()
  return (
    <label
      className="code-panel__field"
      title="Code still running after this long is stopped, and nothing it did is applied"
    >
      <span className="code-panel__field-label">Stop code after</span>
      <select
        value={limit}
        aria-label="Stop code after (time limit)"
        onChange={(e) => setTimeLimit(Number(e.currentTarget.value))}
      >
        {LIMITS.map((ms) => (
          <option key={ms} value={ms}>
            {ms / 1000} s
          </option>
        ))}
      </select>
    </label>
  )
}
