import { useActions, useBusy, useCode, useCodeMark } from '../../store/hooks.ts'
import { ConsolePanel } from './ConsolePanel.tsx'
import { EditorSlot } from './EditorSlot.tsx'
import { RUN_SHORTCUT, RunButton } from './RunButton.tsx'
import { SharePanel } from './SharePanel.tsx'
import { SnippetPicker } from './SnippetPicker.tsx'
import { TimeLimitPicker } from './TimeLimitPicker.tsx'
import './editor.css'

/**
 * The playground's code: a toolbar (Run, examples, time limit), the editor and the Console. Every
 * engine call the code makes becomes a timeline step.
 */
export function CodePanel() {
  const code = useCode()
  const mark = useCodeMark()
  const busy = useBusy()
  const { setCode, runCode } = useActions()
  return (
    <div className="code-panel">
      <section className="code-panel__editor" aria-label="Code">
        <div className="code-panel__toolbar">
          <RunButton />
          <span className="code-panel__hint">{RUN_SHORTCUT}</span>
          <SnippetPicker />
          <TimeLimitPicker />
        </div>
        <EditorSlot
          value={code}
          onChange={setCode}
          onRun={() => void runCode()}
          mark={mark}
          label="Code editor"
          busy={busy}
        />
      </section>
      <ConsolePanel />
      <SharePanel />
    </div>
  )
}
