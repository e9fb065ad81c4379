import type { ReactNode } from 'react'
import type { CodeMark } from '../../store/types.ts'

/**
 * What every editor takes (vuejs/repl's EditorProps): Monaco on desktops, a textarea on phones and
 * while Monaco loads. Nothing here knows the playground, so a docs page can embed an editor too.
 */
export interface EditorProps {
  readonly value: string
  readonly onChange: (value: string) => void
  readonly readOnly?: boolean
  /** CSS height; the editor fills its box when absent. */
  readonly height?: string
  /** Ctrl/Cmd+Enter. */
  readonly onRun?: () => void
  /** A line to mark as the cause of the last failure. */
  readonly mark?: CodeMark | null
  /** The accessible name of the text field. */
  readonly label?: string
  /**
   * Monaco's text size in px and line height (a multiple of it), when the page around it sets its own
   * (a docs page's code); the textarea takes the same from its CSS.
   */
  readonly text?: { readonly fontSize: number; readonly lineHeight: number }
  /**
   * Colours for the textarea (Monaco has its own): the code as highlighted nodes, drawn under a
   * textarea whose own text is transparent, so the code keeps its colours before Monaco loads.
   */
  readonly paint?: (code: string) => ReactNode
  /** Scrollbars always drawn (Monaco's fade until hovered), so a cut line shows that it scrolls. */
  readonly visibleScrollbars?: boolean
  /** Long lines wrap (indented under their start) instead of scrolling sideways: the playground's. */
  readonly wrap?: boolean
}

/** Where the textarea's cursor was when Monaco took over, so typing carries on there. */
export interface Handoff {
  focused: boolean
  offset: number
}
