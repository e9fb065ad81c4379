import { useSyncExternalStore } from 'react'

export type ThemeChoice = 'system' | 'light' | 'dark'
const KEY = 'fanout-theme'
const listeners = new Set<() => void>()
const media = () => window.matchMedia('(prefers-color-scheme: dark)')

function stored(): ThemeChoice {
  try {
    const v = window.localStorage.getItem(KEY)
    return v === 'light' || v === 'dark' ? v : 'system'
  } catch {
    return 'system'
  }
}

let choice: ThemeChoice = typeof window === 'undefined' ? 'system' : stored()

/** The theme in effect: the user's choice, or the system's when they chose none. */
export function resolvedTheme(): 'light' | 'dark' {
  if (choice !== 'system') return choice
  return media().matches ? 'dark' : 'light'
}

function apply() {
  document.documentElement.dataset.theme = resolvedTheme()
  listeners.forEach((l) => l())
}

/** Applies the stored theme and follows the system's changes; call once at start. */
export function initTheme(): void {
  apply()
  media().addEventListener('change', apply)
}

export function setTheme(next: ThemeChoice): void {
  choice = next
  try {
    if (next === 'system') window.localStorage.removeItem(KEY)
    else window.localStorage.setItem(KEY, next)
  } catch {
    // Storage may be off (private mode): the choice still holds for this visit.
  }
  apply()
}

function subscribe(l: () => void) {
  listeners.add(l)
  return () => listeners.delete(l)
}
const snapshot = () => `${choice}:${resolvedTheme()}`

/** The choice and the theme in effect; re-renders when either changes. */
export function useTheme(): { choice: ThemeChoice; theme: 'light' | 'dark' } {
  const [c, t] = useSyncExternalStore(subscribe, snapshot, () => 'system:light').split(':')
  return { choice: c as ThemeChoice, theme: t as 'light' | 'dark' }
}
