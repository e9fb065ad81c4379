import { SNIPPETS } from '../../scenarios/snippets.ts'
import { useActions } from '../../store/hooks.ts'

/** Replaces the code with an example (undo brings the previous code back in Monaco). */
export function SnippetPicker() {
  const { setCode } = useActions()
  return (
    <label className="code-panel__field">
      <span className="visually-hidden">Examples</span>
      <select
        value=""
        aria-label="Examples"
        onChange={(e) => {
          const snippet = SNIPPETS.find((s) => s.id === e.currentTarget.value)
          if (snippet) setCode(snippet.code)
        }}
      >
        <option value="" disabled>
          Examples…
        </option>
        {SNIPPETS.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
    </label>
  )
}
