import { useEffect } from 'react'
import { useActions, useRunning } from '../../store/hooks.ts'

/** How long after the button appears the sandbox starts loading: the page paints first. */
const WARM_AFTER_MS = 800

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
/** The Run shortcut as this keyboard spells it. */
export const RUN_SHORTCUT = isMac ? '⌘↵' : 'Ctrl+Enter'

/** Runs the editor's code (also Ctrl/Cmd+Enter in the editor). */
export function RunButton() {
  const running = useRunning()
  const { runCode, warmSandbox } = useActions()
  // The next run's worker is made while the reader looks: Run then only sends code.
  useEffect(() => {
    const timer = setTimeout(warmSandbox, WARM_AFTER_MS)
    return () => clearTimeout(timer)
  }, [warmSandbox])
  return (
    <button
      type="button"
      className="button button--primary code-panel__run"
      onClick={() => void runCode()}
      disabled={running}
      aria-keyshortcuts="Control+Enter Meta+Enter"
      title={`Run the code (${RUN_SHORTCUT})`}
    >
      <span aria-hidden="true">▶</span> Run
      {running && <span className="visually-hidden"> (running)</span>}
    </button>
  )
}
