import { useEffect, useRef } from 'react'
import { useActions, useConsoleEntries, useRunning } from '../../store/hooks.ts'

/** What the code printed and what became of the run, newest at the bottom. */
export function ConsolePanel() {
  const entries = useConsoleEntries()
  const running = useRunning()
  const { clearConsole } = useActions()
  const list = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = list.current
    if (el) el.scrollTop = el.scrollHeight
  }, [entries])
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
      <div className="console__lines" ref={list} role="log" aria-live="polite">
        {entries.length === 0 && !running && (
          <p className="console__empty">console.log output and run results appear here.</p>
        )}
        {entries.map((entry, i) => (
          <p key={i} className={`console__line console__line--${entry.level}`}>
            {entry.text}
          </p>
        ))}
      </div>
    </section>
  )
}
