import { describe, expect, it } from 'vitest'
import { createSimulation, requestMemberListInSteps } from '../simulation.ts'
import { MEMBERS_PER_STEP } from './service.ts'

const GUILD = '5000'
const GENERAL = '6000'

/** A guild of `members` members (user 101 owns it), one public channel, the owner connected. */
function guildOf(members: number) {
  const sim = createSimulation({ seed: 3 })
  for (let i = 1; i <= members; i++)
    sim.world.createUser({ id: String(100 + i), username: `user${i}` })
  sim.world.createGuild({ id: GUILD, name: 'G', ownerId: '101' })
  for (let i = 2; i <= members; i++) sim.world.addMember(GUILD, String(100 + i))
  sim.world.createChannel({ id: GENERAL, guildId: GUILD, name: 'general' })
  const me = sim.gateway.identify({ userId: '101' })
  const other = sim.gateway.identify({ userId: '102' })
  return { sim, me, other }
}

const REQUEST: Record<string, [number, number][]> = {
  [GENERAL]: [
    [0, 99],
    [1000, 1099],
  ],
}

/** Runs a job to its end; returns how many times it yielded. */
function run(job: Generator<void, void>): number {
  let yields = 0
  while (!job.next().done) yields++
  return yields
}

describe('requestMemberListInSteps (op 14 in steps)', () => {
  const members = 3 * MEMBERS_PER_STEP + 7

  it('reads a new list a few hundred members per step, then answers exactly as requestMemberList', () => {
    const once = guildOf(members)
    const steps = guildOf(members)
    once.sim.gateway.requestMemberList(once.me.sessionId, GUILD, REQUEST)
    const job = requestMemberListInSteps(steps.sim, steps.me.sessionId, GUILD, REQUEST)
    const before = steps.me.frames.length
    let yields = 0
    while (!job.next().done) {
      yields++
      // Nothing changes before the last step.
      expect(steps.me.frames).toHaveLength(before)
      expect(steps.sim.memberLists(GUILD)).toEqual([])
    }
    expect(yields).toBe(3)
    expect(steps.me.frames).toEqual(once.me.frames)
    expect(steps.sim.memberLists(GUILD)).toEqual(once.sim.memberLists(GUILD))
  })

  it('does not rebuild a list that exists: a second holder is served in one step', () => {
    const { sim, me, other } = guildOf(members)
    sim.gateway.requestMemberList(me.sessionId, GUILD, REQUEST)
    expect(run(requestMemberListInSteps(sim, other.sessionId, GUILD, REQUEST))).toBe(0)
    expect(sim.memberLists(GUILD)[0]?.holders.map((h) => h.sessionId)).toEqual([
      me.sessionId,
      other.sessionId,
    ])
  })

  it('refuses a bad request on its first step, as requestMemberList does, and changes nothing', () => {
    const { sim, me } = guildOf(members)
    const before = me.frames.length
    const bad = requestMemberListInSteps(sim, me.sessionId, GUILD, {
      [GENERAL]: [[0, 99]],
      '6999': [[0, 99]],
    })
    expect(() => bad.next()).toThrow(/6999/)
    const badRange = requestMemberListInSteps(sim, me.sessionId, GUILD, {
      [GENERAL]: [[99, 0]],
    })
    expect(() => badRange.next()).toThrow(expect.objectContaining({ code: 'INVALID_RANGE' }))
    expect(me.frames).toHaveLength(before)
    expect(sim.memberLists(GUILD)).toEqual([])
  })

  it('stopped half way, changes nothing; the same request later is served in full', () => {
    const once = guildOf(members)
    const { sim, me } = guildOf(members)
    once.sim.gateway.requestMemberList(once.me.sessionId, GUILD, REQUEST)
    const job = requestMemberListInSteps(sim, me.sessionId, GUILD, REQUEST)
    job.next()
    job.return()
    expect(sim.memberLists(GUILD)).toEqual([])
    sim.gateway.requestMemberList(me.sessionId, GUILD, REQUEST)
    expect(me.frames).toEqual(once.me.frames)
  })

  it('is interrupted by a change between its steps: the next step throws INTERRUPTED, nothing is served (§10)', () => {
    // The repro: a member leaves between two steps. Finishing would serve a list that still shows them
    // (and a member_count off by one) in every later update.
    const { sim, me } = guildOf(members)
    const before = me.frames.length
    const job = requestMemberListInSteps(sim, me.sessionId, GUILD, REQUEST)
    job.next()
    sim.actions.leaveGuild(GUILD, '150')
    let error: unknown
    try {
      while (!job.next().done);
    } catch (e) {
      error = e
    }
    expect(error).toMatchObject({ code: 'INTERRUPTED' })
    expect((error as Error).message).toContain('actions.leaveGuild')
    expect(job.next().done).toBe(true)
    expect(sim.memberLists(GUILD)).toEqual([])
    expect(me.frames.slice(before).map((f) => f.t)).not.toContain('GUILD_MEMBER_LIST_UPDATE')
    // Started again, it serves the list as it is now.
    run(requestMemberListInSteps(sim, me.sessionId, GUILD, REQUEST))
    const sync = me.frames.at(-1)?.d as { member_count: number }
    expect(sync.member_count).toBe(members - 1)
    expect(sim.memberLists(GUILD)[0]?.memberCount).toBe(members - 1)
  })

  it('is interrupted by any changing call between steps, even one the engine refuses, but not by reads', () => {
    const { sim, me } = guildOf(members)
    const refused = requestMemberListInSteps(sim, me.sessionId, GUILD, REQUEST)
    refused.next()
    expect(() => sim.gateway.disconnect('no-such-session')).toThrow()
    expect(() => run(refused)).toThrow(expect.objectContaining({ code: 'INTERRUPTED' }))
    const reading = requestMemberListInSteps(sim, me.sessionId, GUILD, REQUEST)
    reading.next()
    sim.states.all()
    sim.world.members(GUILD)
    sim.dispatcher.subscribers('guild', GUILD)
    sim.snapshot()
    expect(run(reading)).toBeGreaterThan(0)
    expect(sim.memberLists(GUILD)[0]?.holders).toHaveLength(1)
  })

  it('runs each step to completion: a listener cannot change the engine while the last step serves', () => {
    const errors: unknown[] = []
    const { sim, me, other } = guildOf(members)
    sim.inspect((event) => {
      if (event.type === 'subscribe' && event.backend === 'lazy_guild') {
        try {
          sim.gateway.invalidate(other.sessionId)
        } catch (e) {
          errors.push(e)
        }
      }
    })
    run(requestMemberListInSteps(sim, me.sessionId, GUILD, REQUEST))
    expect(errors).toEqual([expect.objectContaining({ code: 'REENTRANT_CALL' })])
    expect((errors[0] as Error).message).toContain(
      'while requestMemberListInSteps is still running',
    )
    expect(other.status).toBe('connected')
  })

  it('reads its arguments as every public call does: a getter in the request is refused, never run', () => {
    const { sim, me } = guildOf(members)
    let runs = 0
    const channels = Object.defineProperty({}, GENERAL, {
      get: () => {
        runs++
        return [[0, 99]]
      },
      enumerable: true,
    }) as Record<string, [number, number][]>
    const job = requestMemberListInSteps(sim, me.sessionId, GUILD, channels)
    expect(() => job.next()).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
    expect(runs).toBe(0)
    expect(sim.memberLists(GUILD)).toEqual([])
  })
})
