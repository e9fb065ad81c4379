import type { CSSProperties } from 'react'
import type { DocScenario } from '../../scenarios/types.ts'
import { useActions, useCode, useCodeMark } from '../../store/hooks.ts'
import { ConsolePanel } from '../../ui/editor/ConsolePanel.tsx'
import { EditorSlot } from '../../ui/editor/EditorSlot.tsx'
import { RUN_SHORTCUT, RunButton } from '../../ui/editor/RunButton.tsx'
import '../../ui/editor/editor.css'
import { highlighted } from './CodeSnippet.tsx'

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
  const { setCode, runCode } = useActions()
  const run = () => void runCode({ from })
  const lines = example.code.split('\n').length
  return (
    <section className="live-example__code" aria-label="The same in code">
      <div className="live-example__code-bar">
        <span className="live-example__code-title">The same in code</span>
        <RunButton
          onRun={run}
          title="Run the code on the example’s world as it starts"
          from={from}
          className="live-example__run"
        />
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
          paint={highlighted}
          visibleScrollbars
        />
      </div>
      <ConsolePanel inline />
    </section>
  )
}
