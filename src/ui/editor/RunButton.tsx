import { useEffect } from 'react'
import { useActions, useRunning } from '../../store/hooks.ts'

/** How long after the button appears the sandbox starts loading: the page paints first. */
const WARM_AFTER_MS = 800

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
/** The Run shortcut as this keyboard spells it. */
export const RUN_SHORTCUT = isMac ? '⌘↵' : 'Ctrl+Enter'
/**
 * The key that makes Tab move focus instead of indenting (Monaco's "toggle Tab key moves focus"; the
 * textarea that stands in for it answers the same key), as this keyboard spells it.
 */
export const TAB_FOCUS_SHORTCUT = isMac ? '⌃⇧M' : 'Ctrl+M'

/**
 * Runs the editor's code (also Ctrl/Cmd+Enter in the editor): the playground's Code panel, and a docs
 * example's, which runs on its world as it starts (`onRun`, `from`). Both make the next run's worker a
 * moment after they appear, so the first Run only sends code; a docs example appears only once the
 * reader reaches it, so a page of several examples warms those read, one worker each.
 */
export function RunButton({
  onRun,
  title = 'Run the code',
  warm = true,
  from,
  className = 'code-panel__run',
}: {
  /** What Run does; `runCode()` at the cursor by default. */
  onRun?: () => void
  title?: string
  /** Start the sandbox's worker a moment after the button appears. */
  warm?: boolean
  /** Where `onRun` runs (`runCode({ from })`): the worker is made there rather than at the cursor. */
  from?: number
  className?: string
} = {}) {
  const running = useRunning()
  const { runCode, warmSandbox } = useActions()
  // The next run's worker is made while the reader looks: Run then only sends code.
  useEffect(() => {
    if (!warm) return
    const timer = setTimeout(() => warmSandbox(from === undefined ? {} : { from }), WARM_AFTER_MS)
    return () => clearTimeout(timer)
  }, [warm, warmSandbox, from])
  const headForRun = () => warmSandbox({ large: true, ...(from === undefined ? {} : { from }) })
  return (
    <button
      type="button"
      className={`button button--primary ${className}`}
      onClick={onRun ?? (() => void runCode())}
      // Heading for Run: a timeline too big to keep warm as it moves gets its worker now.
      {...(warm ? { onPointerEnter: headForRun, onFocus: headForRun } : {})}
      disabled={running}
      aria-keyshortcuts="Control+Enter Meta+Enter"
      title={`${title} (${RUN_SHORTCUT})`}
    >
      <span aria-hidden="true">▶</span> Run
      {running && <span className="visually-hidden"> (running)</span>}
    </button>
  )
}
