import { useActions, useConsoleEntries, useRunning } from '../../store/hooks.ts'
import { ConsoleLines } from './ConsoleLines.tsx'

/**
 * What the code printed and what became of the run, newest at the bottom. `inline`: under a docs
 * example, as tall as its lines up to a cap, absent before the first run, its title no heading of the
 * page's outline. Its log is reachable with Tab either way, to scroll it from the keyboard (it scrolls
 * in the playground's Code pane too).
 */
export function ConsolePanel({ inline = false }: { inline?: boolean } = {}) {
  const entries = useConsoleEntries()
  const running = useRunning()
  const { clearConsole } = useActions()
  if (inline && entries.length === 0 && !running) return null
  const Title = inline ? 'span' : 'h2'
  return (
    <section className={inline ? 'console console--inline' : 'console'} aria-label="Console">
      <header className="console__header">
        <Title className="console__title">Console</Title>
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
        label={inline ? 'Console' : 'Console output'}
        focusable
        empty={
          !running && (
            <p className="console__empty">console.log output and run results appear here.</p>
          )
        }
      />
    </section>
  )
}
