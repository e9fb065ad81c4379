import { setTheme, useTheme, type ThemeChoice } from './theme.ts'

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' }
const ICON: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' }

/** Cycles system → light → dark; the label says what it is now and what a click does. */
export function ThemeToggle() {
  const { choice } = useTheme()
  const label = `Theme: ${choice}. Switch to ${NEXT[choice]}`
  return (
    <button
      type="button"
      className="icon-button"
      onClick={() => setTheme(NEXT[choice])}
      aria-label={label}
      title={label}
    >
      <span aria-hidden="true">{ICON[choice]}</span>
      <span className="icon-button__text">{choice}</span>
    </button>
  )
}
