import { useActions, useConsoleEntries, useRunning } from '../../store/hooks.ts'
import { ConsoleLines } from './ConsoleLines.tsx'

/** What the code printed and what became of the run, newest at the bottom. */
export function ConsolePanel() {
  const entries = useConsoleEntries()
  const running = useRunning()
  const { clearConsole } = useActions()
  return (
    <section className="console" aria-label="Console">
      <header className="console__header">
        <h2 className="console__title">Console</h2>
        {running && <span className="console__status">Running…</span>}
        <button
          type="button"
          className="button button--small"
          onClick={clearConsole}
          disabled={entries.length === 0}
        >
          Clear
        </button>
      </header>
      <ConsoleLines
        entries={entries}
        className="console__lines"
        empty={
          !running && (
            <p className="console__empty">console.log output and run results appear here.</p>
          )
        }
      />
    </section>
  )
}
