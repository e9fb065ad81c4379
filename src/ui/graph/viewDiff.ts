import type { GraphView, ViewLink } from './graphView.ts'

/** The graph's links against a marked step's: which are new, and which are gone but still drawable. */
export interface ViewDiff {
  readonly added: ReadonlySet<string>
  /** Links of the marked step whose topic and session are both still on the graph. */
  readonly removed: readonly ViewLink[]
}

/**
 * Compares links by id (topic → node). A removed link is drawn as a ghost only when both its ends are
 * still drawn; the Changes panel lists every change, including those of sessions no longer open.
 */
export function diffViews(before: GraphView, after: GraphView): ViewDiff {
  const then = new Set(before.links.map((l) => l.id))
  const now = new Set(after.links.map((l) => l.id))
  const drawn = new Set([
    ...after.topics.map((t) => t.id),
    ...after.sessions.map((s) => s.id),
    ...after.summaries.map((s) => s.id),
  ])
  return {
    added: new Set([...now].filter((id) => !then.has(id))),
    removed: before.links.filter(
      (l) => !now.has(l.id) && drawn.has(l.source) && drawn.has(l.target),
    ),
  }
}
