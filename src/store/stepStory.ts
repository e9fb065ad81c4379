import type { SkipReason } from '../engine/index.ts'
import type { DirectRecord, Step } from './connectEngine.ts'
import type { GraphModel } from './graphModel.ts'
import { frameType, rowsOfStep, type DirectRow } from './logRows.ts'
import { explainRefusal } from './refusalText.ts'

const n = (count: number) => count.toLocaleString('en-US')

/** What one step did to one session, over all its dispatches and direct sends. */
export interface SessionTally {
  readonly sessionId: string
  /** Frames that reached its socket (dispatches delivered, direct frames delivered). */
  readonly delivered: number
  /** Frames kept in its resume buffer while it is disconnected. */
  readonly buffered: number
  /** Dispatches that skipped it, per reason (a failed send counts as `send-failed`). */
  readonly skipped: Readonly<Partial<Record<SkipReason, number>>>
}

/**
 * Per session, what a step sent it: the "bob 1×, carol 2×" of a step that made several dispatches or
 * direct sends, in the order sessions first appear. Sessions only reported not subscribed are left out
 * (they were sent nothing, and nothing was decided about them).
 */
export function tallyStep(step: Pick<Step, 'dispatches' | 'directs'>): SessionTally[] {
  const tallies = new Map<
    string,
    { delivered: number; buffered: number; skipped: Partial<Record<SkipReason, number>> }
  >()
  const of = (id: string) => {
    let t = tallies.get(id)
    if (!t) tallies.set(id, (t = { delivered: 0, buffered: 0, skipped: {} }))
    return t
  }
  const skip = (id: string, reason: SkipReason) => {
    const t = of(id)
    t.skipped[reason] = (t.skipped[reason] ?? 0) + 1
  }
  // In the order things happened, so the first session named is the first one reached.
  const events = [
    ...step.dispatches.map((d) => ({ order: d.order, dispatch: d, direct: null })),
    ...step.directs.map((d) => ({ order: d.order, dispatch: null, direct: d })),
  ].sort((a, b) => a.order - b.order)
  for (const { dispatch, direct } of events) {
    if (dispatch) {
      for (const id of dispatch.result.delivered) of(id).delivered += 1
      for (const id of dispatch.result.buffered) of(id).buffered += 1
      for (const s of dispatch.result.skipped) skip(s.sessionId, s.reason)
    } else if (direct) {
      if (direct.outcome === 'delivered') of(direct.sessionId).delivered += 1
      else if (direct.outcome === 'buffered') of(direct.sessionId).buffered += 1
      else skip(direct.sessionId, 'send-failed')
    }
  }
  return [...tallies].map(([sessionId, t]) => ({ sessionId, ...t }))
}

/** "carol #1 2×", "bob #1 1× (1 held)", "alice #1 1× (skipped: intents)", "bob #1 skipped: intents". */
export function tallyText(t: SessionTally, name: (sessionId: string) => string): string {
  const received = t.delivered + t.buffered
  const skips = Object.entries(t.skipped)
  const skipped = skips.length
    ? `skipped: ${skips.map(([reason, c]) => (c === 1 ? reason : `${reason} ${n(c)}×`)).join(', ')}`
    : ''
  if (received === 0) return `${name(t.sessionId)} ${skipped}`
  const notes: string[] = []
  if (t.buffered) notes.push(`${n(t.buffered)} held`)
  if (skipped) notes.push(skipped)
  return `${name(t.sessionId)} ${n(received)}×${notes.length ? ` (${notes.join('; ')})` : ''}`
}

/**
 * A step as a whole, in one line: "Step 4 made 2 dispatches and sent 2 frames directly: alice #1 1×,
 * bob #1 1×, carol #1 2×", or what it did when it sent nothing.
 */
export function narrateStep(
  step: Step,
  index: number,
  name: (sessionId: string) => string,
): string {
  const rows = rowsOfStep(step, index)
  const head = `Step ${n(index + 1)}`
  if (rows.length === 0) {
    return `${head} (${step.label}) sent nothing: it changed the world or subscriptions only.`
  }
  const what: string[] = []
  if (step.dispatches.length) {
    what.push(
      `made ${n(step.dispatches.length)} dispatch${step.dispatches.length === 1 ? '' : 'es'}`,
    )
  }
  const frames = step.directCounts?.frames ?? step.directs.length
  if (frames) what.push(`sent ${n(frames)} frame${frames === 1 ? '' : 's'} directly`)
  if (step.refusals.length) {
    what.push(
      `was answered with ${n(step.refusals.length)} refusal${step.refusals.length === 1 ? '' : 's'}`,
    )
  }
  const tallies = tallyStep(step)
  const shown = tallies.slice(0, 12).map((t) => tallyText(t, name))
  if (tallies.length > shown.length)
    shown.push(`and ${n(tallies.length - shown.length)} more sessions`)
  return `${head} ${what.join(', ')}${shown.length ? `: ${shown.join(', ')}` : ''}.`
}

/** A frame as a reader names it: "READY (s 1)", "INVALID_SESSION (op 9, d: false)". */
export function frameName(d: Pick<DirectRecord, 't' | 'op' | 's' | 'd'>): string {
  if (d.op === 9) return `INVALID_SESSION (op 9, d: ${JSON.stringify(d.d)})`
  return d.s === null ? frameType(d) : `${frameType(d)} (s ${d.s})`
}

/**
 * Why a session was sent this frame directly, outside any fan-out (docs/design/semantics.md §3): READY
 * and GUILD_CREATE at IDENTIFY, the frames a RESUME replays and the RESUMED after them, op 9.
 */
export function explainFrame(
  frame: DirectRecord,
  step: Pick<Step, 'refusals' | 'directs'>,
  model: GraphModel,
): string {
  const entry = model.directory.get(frame.sessionId)
  const shard = entry ? `shard ${entry.shard[0]} of ${entry.shard[1]}` : 'its shard'
  let why: string
  if (frame.op === 9) {
    const refusal = step.refusals.find((r) => r.sessionId === frame.sessionId)
    why = refusal
      ? `The server refused: ${explainRefusal(refusal, model)}`
      : 'The server refused the session: it must IDENTIFY again.'
  } else if (frame.replay) {
    const first = step.directs.find((d) => d.sessionId === frame.sessionId && d.replay)
    const from = first?.s !== null && first?.s !== undefined ? first.s - 1 : null
    why =
      'Replayed from its resume buffer: it was numbered and kept there while the session was ' +
      `disconnected, so the client never saw it. RESUME${from !== null ? ` from s ${from}` : ''} sends ` +
      'every frame after that seq again, in order, with its original s.'
  } else if (frame.t === 'READY') {
    why =
      `The first frame of every session: its user, session id, ${shard} and the guilds it serves ` +
      '(as unavailable stubs, filled in by the GUILD_CREATEs after it).'
  } else if (frame.t === 'GUILD_CREATE') {
    const data = frame.d as { name?: unknown; members?: unknown } | null
    const members = Array.isArray(data?.members) ? data.members.length : null
    why =
      `One per guild this session serves${typeof data?.name === 'string' ? ` (${data.name})` : ''}, ` +
      'sent after READY because it identified with GUILDS' +
      (members !== null
        ? `; it carries ${n(members)} member${members === 1 ? '' : 's'} (at most large_threshold, 50).`
        : '.')
  } else if (frame.t === 'RESUMED') {
    why =
      'Sent after the replayed frames: the resume is complete. Nothing was lost and nothing was sent twice.'
  } else {
    why = 'Sent straight to this session, outside any fan-out.'
  }
  if (frame.outcome === 'buffered') {
    why += ' The session is disconnected: the frame waits in its resume buffer.'
  } else if (frame.outcome === 'failed') {
    why += ' Its socket failed (fault injected): the frame keeps its s in the resume buffer.'
  }
  return why
}

/** The narration of a direct-send row: "READY, GUILD_CREATE → carol #1 (direct): 2 frames delivered". */
export function narrateDirect(row: DirectRow, name: (id: string) => string): string {
  const to = row.sessionId ? name(row.sessionId) : `${n(row.sessions)} sessions`
  const parts: string[] = []
  const arrived = row.frames - row.failed - row.buffered
  if (arrived) parts.push(`${n(arrived)} delivered`)
  if (row.buffered) parts.push(`${n(row.buffered)} buffered`)
  if (row.failed) parts.push(`${n(row.failed)} send-failed`)
  if (row.replayed) parts.push(`${n(row.replayed)} replayed from the resume buffer`)
  return `${row.types.join(', ')} → ${to} (sent directly): ${parts.join(', ')}`
}
