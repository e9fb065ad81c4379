import type { CSSProperties } from 'react'
import type { DocScenario } from '../../scenarios/types.ts'
import {
  useActions,
  useCode,
  useCodeMark,
  useConsoleEntries,
  useRunning,
} from '../../store/hooks.ts'
import { ConsoleLines } from '../../ui/editor/ConsoleLines.tsx'
import { EditorSlot } from '../../ui/editor/EditorSlot.tsx'
import { RUN_SHORTCUT } from '../../ui/editor/RunButton.tsx'
import '../../ui/editor/editor.css'

/** The docs' code blocks' text (0.86rem at 16 px, line height 1.55), so Monaco reads like them. */
const TEXT = { fontSize: 13.76, lineHeight: 1.55 }

/**
 * The example's code in the playground's editor (the textarea, then Monaco when pointed at or
 * focused), with Run: it runs in the sandbox on the example's world as it starts (`from`), and each
 * engine call it makes becomes a step on the graph above. Restore code brings back the example's code.
 */
export function ExampleCode({ example, from }: { example: DocScenario; from: number }) {
  const code = useCode()
  const mark = useCodeMark()
  const running = useRunning()
  const { setCode, runCode } = useActions()
  const run = () => void runCode({ from })
  const lines = example.code.split('\n').length
  return (
    <section className="live-example__code" aria-label="The same in code">
      <div className="live-example__code-bar">
        <span className="live-example__code-title">The same in code</span>
        <button
          type="button"
          className="button button--primary live-example__run"
          onClick={run}
          disabled={running}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          title={`Run the code on the example’s world as it starts (${RUN_SHORTCUT})`}
        >
          <span aria-hidden="true">▶</span> Run
          {running && <span className="visually-hidden"> (running)</span>}
        </button>
        <span className="live-example__code-hint">{RUN_SHORTCUT}</span>
        <span className="live-example__spacer" />
        <button
          type="button"
          className="button button--small"
          onClick={() => setCode(example.code)}
          disabled={code === example.code}
        >
          Restore code
        </button>
      </div>
      {/* As tall as the read-only code it replaces, so the page does not move when it loads. */}
      <div className="live-example__editor" style={{ '--lines': lines } as CSSProperties}>
        <EditorSlot
          value={code}
          onChange={setCode}
          onRun={run}
          mark={mark}
          label={`Code of the example: ${example.title}`}
          whenIdle={false}
          text={TEXT}
        />
      </div>
      <ExampleConsole />
    </section>
  )
}

/** What the last run printed, its errors (with their line) and what it did; absent before any run. */
function ExampleConsole() {
  const entries = useConsoleEntries()
  const running = useRunning()
  const { clearConsole } = useActions()
  if (entries.length === 0 && !running) return null
  return (
    <div className="live-example__console" data-testid="example-console">
      <div className="live-example__console-bar">
        <span className="live-example__code-title">Console</span>
        {running && <span className="live-example__code-hint">Running…</span>}
        <span className="live-example__spacer" />
        <button
          type="button"
          className="button button--small"
          onClick={clearConsole}
          disabled={entries.length === 0}
        >
          Clear
        </button>
      </div>
      <ConsoleLines
        entries={entries}
        className="live-example__console-lines"
        label="Console"
        focusable
      />
    </div>
  )
}
