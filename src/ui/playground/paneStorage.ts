import type { LayoutStorage } from 'react-resizable-panels'

/** A saved layout as the panels library writes it: pane id → percentage. */
function isLayout(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text)
    return (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.values(value).every((n) => typeof n === 'number' && Number.isFinite(n))
    )
  } catch {
    return false
  }
}

/**
 * `localStorage` for the panes' sizes, kept across reloads. Storage that is disabled or full (private
 * windows) forgets instead of failing, and a saved value that is not a layout (edited by hand, written by
 * another version) reads as nothing, so the panes open at their default sizes: the library parses what
 * it reads without a guard.
 */
export const paneStorage: LayoutStorage = {
  getItem(key) {
    try {
      const text = window.localStorage.getItem(key)
      return text !== null && isLayout(text) ? text : null
    } catch {
      return null
    }
  },
  setItem(key, value) {
    try {
      window.localStorage.setItem(key, value)
    } catch {
      // Storage refused: the sizes last for this visit only.
    }
  },
}
