import { SNIPPETS } from '../../scenarios/snippets.ts'
import { useActions } from '../../store/hooks.ts'
import { SCOPE_SNIPPET } from './scopeSnippet.ts'

// First, what code can use at all; then one example per backend and per lesson.
const EXAMPLES = [SCOPE_SNIPPET, ...SNIPPETS]

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
          const snippet = EXAMPLES.find((s) => s.id === e.currentTarget.value)
          if (snippet) setCode(snippet.code)
        }}
      >
        <option value="" disabled>
          Examples…
        </option>
        {EXAMPLES.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
    </label>
  )
}
