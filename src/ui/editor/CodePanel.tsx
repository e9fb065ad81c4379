import { useActions, useBusy, useCode, useCodeMark } from '../../store/hooks.ts'
import { ConsolePanel } from './ConsolePanel.tsx'
import { EditorSlot } from './EditorSlot.tsx'
import { RUN_SHORTCUT, RunButton, TAB_FOCUS_SHORTCUT } from './RunButton.tsx'
import { SharePanel } from './SharePanel.tsx'
import { SnippetPicker } from './SnippetPicker.tsx'
import { TimeLimitPicker } from './TimeLimitPicker.tsx'
import './editor.css'

/** The code's place on the page, for the playground's skip link. */
export const CODE_ID = 'playground-code'

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
      <section className="code-panel__editor" aria-label="Code" id={CODE_ID} tabIndex={-1}>
        <div className="code-panel__toolbar">
          <RunButton />
          <span className="code-panel__hint">
            {RUN_SHORTCUT} runs · {TAB_FOCUS_SHORTCUT}, then Tab, moves focus out
          </span>
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
          wrap
        />
      </section>
      <ConsolePanel />
      <SharePanel />
    </div>
  )
}
