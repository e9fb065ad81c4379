import type { Simulation } from '../../engine/index.ts'
import { summarize, type Summary } from '../stats.ts'
import type { Clock } from '../timing.ts'
import { CLIFF_IDS, type CliffId } from './cliffTitles.ts'
import {
  listHoldersWorld,
  heldFramesWorld,
  permissionWorld,
  sameListWorld,
  sameUserWorld,
  VIEW,
  type GuildWorld,
} from './cliffWorlds.ts'

/**
 * W8, the cost cliffs of issue 23: operations whose cost must be proportional to the change, each
 * measured at several sizes so that its growth shows. Where an operation also fans an event out to the
 * whole guild (GUILD_ROLE_CREATE reaches every session), the same world's guild-wide GUILD_UPDATE is
 * timed beside it: an operation proportional to its change costs about one such dispatch, whatever
 * the size.
 */
export { CLIFF_IDS, CLIFF_TITLES, type CliffId } from './cliffTitles.ts'

export interface CliffRow {
  readonly id: CliffId
  readonly size: number
  /** Milliseconds per operation, one sample per repetition. */
  readonly ms: Summary
  /** The same world's guild-wide GUILD_UPDATE, ms (the fan-out the operation contains), or null. */
  readonly dispatchMs: Summary | null
  /** Byte figures of the cliff (frame sizes, bytes retained per recipient), when it has any. */
  readonly bytes: Readonly<Record<string, number>> | null
}

export interface CliffOptions {
  readonly now: Clock
  readonly sizes?: readonly number[]
  /** Which cliffs to run (default all). */
  readonly only?: readonly CliffId[]
  /**
   * Settled heap bytes (Node: two full GCs, then heapUsed). Without it, retained-memory figures are
   * left out (a browser has no `gc()`).
   */
  readonly heapBytes?: () => number
  readonly onProgress?: (message: string) => void
}

export const DEFAULT_CLIFF_SIZES: readonly number[] = [1_000, 10_000, 100_000]

/** Repetitions of an operation at a size: fewer where each may take seconds. */
function repsAt(size: number): number {
  return size >= 100_000 ? 5 : size >= 10_000 ? 9 : 21
}

/** Runs every cliff at every size; worlds are built one at a time and dropped after use. */
export function runCliffs(options: CliffOptions): CliffRow[] {
  const sizes = options.sizes ?? DEFAULT_CLIFF_SIZES
  const only = new Set(options.only ?? CLIFF_IDS)
  const progress = options.onProgress ?? (() => {})
  const rows: CliffRow[] = []
  for (const size of sizes) {
    if (only.has('identify-same-user') || only.has('close-same-user')) {
      progress(`cliffs: ${size} sessions of one user`)
      rows.push(...sameUser(size, options))
    }
    if (only.has('close-after-dispatches')) {
      progress(`cliffs: closing sessions that hold ${size} frames`)
      rows.push(closeAfterDispatches(size, options))
    }
    if (only.has('presence-list-holders')) {
      progress(`cliffs: presence change to ${size} list holders`)
      rows.push(presenceToHolders(size, options))
    }
    if (only.has('op14-same-list')) {
      progress(`cliffs: op 14 over 100 channels of one list, ${size} members`)
      rows.push(sameList(size, options))
    }
    const permission = ['update-channel', 'create-role', 'toggle-hoist'] as const
    if (permission.some((id) => only.has(id))) {
      progress(`cliffs: permission changes with ${size} sessions`)
      rows.push(...permissionChanges(size, options, only))
    }
  }
  return rows
}

/** Times `op(i)` for each repetition, one sample each. */
function timeEach(now: Clock, reps: number, op: (i: number) => void): number[] {
  const samples: number[] = []
  for (let i = 0; i < reps; i++) {
    const t = now()
    op(i)
    samples.push(now() - t)
  }
  return samples
}

/** A guild-wide GUILD_UPDATE, timed `reps` times (after one untimed, which builds the snapshot). */
function guildDispatches(w: GuildWorld, now: Clock, reps: number): Summary {
  const send = (i: number) =>
    w.sim.dispatcher.dispatch('guild', w.guildId, 'GUILD_UPDATE', { id: w.guildId, name: `g${i}` })
  send(-1)
  return summarize(timeEach(now, reps, send))
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(`benchmark self-check failed: ${message}`)
}

function sameUser(size: number, o: CliffOptions): CliffRow[] {
  const { sim, userId } = sameUserWorld()
  const ids: string[] = []
  const t0 = o.now()
  for (let i = 0; i < size; i++) {
    ids.push(
      sim.gateway.identify({ userId, intents: 0, presence: { status: 'offline' } }).sessionId,
    )
  }
  const identifyMs = o.now() - t0
  check(sim.states.userStates(userId).length === size, 'every session of the user is open')
  const t1 = o.now()
  for (const id of ids) sim.gateway.invalidate(id)
  const closeMs = o.now() - t1
  check(sim.states.count() === 0, 'every session closed')
  // One sample: the mean over `size` operations (each is microseconds, the total is what grows).
  const row = (id: CliffId, ms: number): CliffRow => ({
    id,
    size,
    ms: summarize([ms / size]),
    dispatchMs: null,
    bytes: null,
  })
  return [row('identify-same-user', identifyMs), row('close-same-user', closeMs)]
}

/**
 * Sessions that were sent `size` guild dispatches and never read them, closed one at a time. Closing
 * lets go of what the session holds; it must not build the frames a reader might ask for later.
 */
function closeAfterDispatches(size: number, o: CliffOptions): CliffRow {
  const { sim, guildId, sessionIds } = heldFramesWorld(repsAt(size))
  for (let i = 0; i < size; i++) {
    sim.dispatcher.dispatch('guild', guildId, 'GUILD_UPDATE', { id: guildId, name: `g${i}` })
  }
  const view = sim.states.fetchRaw(sessionIds[0] as string)
  const samples = timeEach(o.now, sessionIds.length, (i) =>
    sim.gateway.invalidate(sessionIds[i] as string),
  )
  check(sim.states.count() === 0, 'every session closed')
  // Read after the timing: a view handed out before the close still shows every frame it was sent
  // (READY, GUILD_CREATE, the dispatches, then op 9).
  check(view?.frames.at(-2)?.s === size + 2, 'the last dispatch is still readable after close')
  return {
    id: 'close-after-dispatches',
    size,
    ms: summarize(samples),
    dispatchMs: null,
    bytes: null,
  }
}

/**
 * Changes over which the bytes kept per holder are measured: one whole chunk of a session's frame log
 * (32 frame ids, session.ts), so that the chunk each holder allocates when its log fills is spread over
 * the frames it holds, as in a long run. Over the timed repetitions alone (5 at 100k) that allocation
 * was most of the figure, and it is the same for any frame, a guild dispatch's included.
 */
const BYTES_CHANGES = 32

function presenceToHolders(size: number, o: CliffOptions): CliffRow {
  const w = listHoldersWorld(size)
  const reps = repsAt(size)
  // Member 1 (first by name) goes online and back: it moves to the top of the list each time.
  const mover = w.sessionIds[1] as string
  const change = (i: number) =>
    w.sim.gateway.updatePresence(mover, { status: i % 2 === 0 ? 'online' : 'offline' })
  const samples = timeEach(o.now, reps, change)
  const heap = o.heapBytes
  let retainedPerHolder: number | null = null
  if (heap) {
    const before = heap()
    for (let i = reps; i < reps + BYTES_CHANGES; i++) change(i)
    retainedPerHolder = (heap() - before) / (BYTES_CHANGES * size)
  }
  const afterPresence = heap?.() ?? 0
  const dispatchMs = guildDispatches(w, o.now, reps)
  const afterDispatch = heap?.() ?? 0
  const last = w.sim.states.fetchRaw(w.sessionIds[size - 1] as string)?.frames.at(-reps - 2)
  check(last?.t === 'GUILD_MEMBER_LIST_UPDATE', 'the last holder got the list update')
  const bytes =
    retainedPerHolder !== null
      ? {
          retainedPerHolder,
          // reps + 1 dispatches (one untimed), to every session.
          retainedPerDispatchRecipient: (afterDispatch - afterPresence) / ((reps + 1) * size),
        }
      : null
  return { id: 'presence-list-holders', size, ms: summarize(samples), dispatchMs, bytes }
}

/** JSON size of the `d` of a session's last frame, which must be a member-list update. */
function lastListFrameBytes(sim: Simulation, sessionId: string): number {
  const frame = sim.states.fetchRaw(sessionId)?.frames.at(-1)
  check(frame?.t === 'GUILD_MEMBER_LIST_UPDATE', `${sessionId} got a member-list update`)
  return JSON.stringify(frame?.d).length
}

function sameList(size: number, o: CliffOptions): CliffRow {
  const w = sameListWorld(size)
  const { gateway } = w.sim
  const t0 = o.now()
  gateway.requestMemberList(
    w.many,
    w.guildId,
    Object.fromEntries(w.textChannels.map((c) => [c, w.ranges])),
  )
  const requestMs = o.now() - t0
  const firstSync = lastListFrameBytes(w.sim, w.many)
  gateway.requestMemberList(w.once, w.guildId, { [w.textChannels[0] as string]: w.ranges })
  const firstSyncOnce = lastListFrameBytes(w.sim, w.once)
  const reps = repsAt(size)
  const samples = timeEach(o.now, reps, (i) =>
    gateway.updatePresence(w.once, { status: i % 2 === 0 ? 'online' : 'offline' }),
  )
  return {
    id: 'op14-same-list',
    size,
    ms: summarize(samples),
    dispatchMs: null,
    bytes: {
      requestMs,
      firstSyncBytes: firstSync,
      changeBytes: lastListFrameBytes(w.sim, w.many),
      firstSyncBytesHeldOnce: firstSyncOnce,
      changeBytesHeldOnce: lastListFrameBytes(w.sim, w.once),
    },
  }
}

function permissionChanges(size: number, o: CliffOptions, only: ReadonlySet<CliffId>): CliffRow[] {
  const w = permissionWorld(size)
  const { actions } = w.sim
  const reps = repsAt(size)
  const dispatchMs = guildDispatches(w, o.now, reps)
  const rows: CliffRow[] = []
  const row = (id: CliffId, samples: number[]): CliffRow => ({
    id,
    size,
    ms: summarize(samples),
    dispatchMs,
    bytes: null,
  })
  if (only.has('update-channel')) {
    // Channel 1 hides itself from the moderators and shows itself again, renamed each time.
    const channel = w.textChannels[1] as string
    const samples = timeEach(o.now, reps, (i) =>
      actions.updateChannel(channel, {
        name: `text-1-${i}`,
        overwrites: i % 2 === 0 ? [{ id: w.moderators, type: 0, deny: VIEW }] : [],
      }),
    )
    rows.push(row('update-channel', samples))
  }
  if (only.has('create-role')) {
    const samples = timeEach(o.now, reps, (i) =>
      actions.createRole(w.guildId, { name: `empty-${i}` }),
    )
    rows.push(row('create-role', samples))
  }
  if (only.has('toggle-hoist')) {
    const samples = timeEach(o.now, reps, (i) =>
      actions.updateRole(w.guildId, w.solo, { hoist: i % 2 === 0 }),
    )
    rows.push(row('toggle-hoist', samples))
  }
  return rows
}
