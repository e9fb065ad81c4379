import { describe, expect, it } from 'vitest'
import { createSimulation, internalsOf } from '../simulation.ts'
import { ALICE, BOB, G, GENERAL } from '../testing/fixtures.ts'
import type { Frame, GatewayState, ResumeResult } from '../types.ts'

/**
 * Closing a session lets go of what it holds without building the frames it was sent and nobody read
 * yet: they are built when a view handed out before the close is read. Whether the frames were read
 * before the close, and when, must change nothing a reader sees: the same frames, in the same order,
 * with the same `s`, for the closed view, the inspection's close event and every RESUME's replay.
 */
function world() {
  const sim = createSimulation({ resumeBufferSize: 3 })
  sim.world.createUser({ id: ALICE, username: 'alice' })
  sim.world.createUser({ id: BOB, username: 'bob' })
  sim.world.createGuild({ id: G, name: 'G', ownerId: ALICE })
  sim.world.addMember(G, BOB)
  sim.world.createChannel({ id: GENERAL, guildId: G, name: 'general' })
  return sim
}

interface Run {
  /** Bob's view, read only after the history ended. */
  readonly frames: readonly Frame[]
  readonly resumes: readonly ResumeResult[]
  readonly closeEvents: readonly (readonly Frame[] | undefined)[]
  readonly records: number
}

/**
 * One history for bob's session: sends, a disconnect with buffered frames, a resume, a refused resume,
 * direct sends, a second session closed by `events-lost`, then op 9. `readAt` names the steps after
 * which the frames are read (a reader in the middle splits the socket log).
 */
function history(readAt: ReadonlySet<number>, inspect: boolean): Run {
  const sim = world()
  const closeEvents: (readonly Frame[] | undefined)[] = []
  if (inspect) {
    sim.inspect((e) => {
      if (e.type === 'session' && e.change === 'close') closeEvents.push(e.frames)
    })
  }
  const bob = sim.gateway.identify({ userId: BOB })
  const other = sim.gateway.identify({ userId: BOB })
  const resumes: ResumeResult[] = []
  const states: GatewayState[] = [bob, other]
  let step = 0
  const maybeRead = () => {
    if (readAt.has(step++)) for (const s of states) void s.frames
  }
  const send = (n: number) => {
    for (let i = 0; i < n; i++) {
      sim.actions.sendMessage(GENERAL, ALICE, `m${step}-${i}`)
      maybeRead()
    }
  }
  send(4)
  sim.gateway.disconnect(bob.sessionId)
  sim.gateway.disconnect(other.sessionId)
  send(2)
  resumes.push(sim.gateway.resume(bob.sessionId, bob.seq - 2))
  maybeRead()
  send(5)
  // `other` missed more than its buffer holds: op 9, closed (events-lost).
  resumes.push(sim.gateway.resume(other.sessionId, 1))
  maybeRead()
  sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { id: G, name: 'renamed' })
  maybeRead()
  send(3)
  sim.gateway.invalidate(bob.sessionId)
  resumes.push(sim.gateway.resume(bob.sessionId, bob.seq))
  return {
    frames: [...bob.frames, ...other.frames],
    resumes,
    closeEvents,
    records: internalsOf(sim).dispatcher.retainedRecords(),
  }
}

describe('closing a session keeps what a reader sees', () => {
  const unread = history(new Set(), false)

  it('shows every frame the socket was sent after the close, none of them read before', () => {
    const types = unread.frames.map((f) => f.t ?? `op ${f.op}`)
    expect(types.filter((t) => t === 'MESSAGE_CREATE').length).toBeGreaterThan(10)
    expect(types).toContain('GUILD_UPDATE')
    expect(types.filter((t) => t === 'RESUMED')).toHaveLength(1)
    expect(types.filter((t) => t === 'op 9')).toHaveLength(2)
    expect(unread.frames.every((f) => Object.isFrozen(f))).toBe(true)
    // The records the closed sessions held are let go all the same.
    expect(unread.records).toBe(0)
  })

  it('is the same whenever the frames were read before the close', () => {
    for (const readAt of [[0], [3, 4], [5], [6, 7], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]]) {
      const run = history(new Set(readAt), false)
      expect(run.frames).toEqual(unread.frames)
      expect(run.resumes).toEqual(unread.resumes)
      expect(run.records).toBe(0)
    }
  })

  it('gives the inspection close event the frames the closed view shows', () => {
    const inspected = history(new Set([2]), true)
    expect(inspected.frames).toEqual(unread.frames)
    expect(inspected.closeEvents).toHaveLength(2)
    expect([...(inspected.closeEvents[1] ?? []), ...(inspected.closeEvents[0] ?? [])]).toEqual(
      unread.frames,
    )
  })

  it('replays the same frames on RESUME', () => {
    const [resumed, lost, closed] = unread.resumes
    expect(resumed?.resumed).toBe(true)
    expect(resumed?.resumed && resumed.replayed.map((f) => f.s)).toEqual([7, 8])
    expect(lost).toMatchObject({ resumed: false })
    expect(closed).toEqual({ resumed: false, reason: 'closed' })
  })

  it('reads the same frames from a view read part-way and again after the close', () => {
    const sim = world()
    const bob = sim.gateway.identify({ userId: BOB })
    sim.actions.sendMessage(GENERAL, ALICE, 'one')
    const before = bob.frames
    sim.actions.sendMessage(GENERAL, ALICE, 'two')
    sim.gateway.invalidate(bob.sessionId)
    const after = bob.frames
    expect(after.slice(0, before.length)).toEqual(before)
    // Frames read before the close are the same objects; a second read gives the same list.
    expect(after[before.length - 1]).toBe(before[before.length - 1])
    expect(bob.frames).toBe(after)
    expect(after.map((f) => f.s)).toEqual([...before.map((f) => f.s), before.length + 1, null])
  })
})
