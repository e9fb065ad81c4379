import { describe, expect, it } from 'vitest'
import { createSimulation, type Simulation } from '../simulation.ts'
import type { Frame } from '../types.ts'

/**
 * IDENTIFY's fast paths (READY parts shared between sessions, GUILD_CREATE parts cached per guild, a
 * session's member record read back while the guild's members are unchanged) against a cold engine: a
 * user identifying after many others did, with the world changed in between through the actions, gets
 * the same READY and GUILD_CREATE as the same user identifying first in a simulation where the same
 * changes were made with no session open (docs/design/semantics.md §2, §8). Session ids differ (they
 * are drawn in order), so READY's `session_id` and `resume_gateway_url` are left out.
 */
const G1 = '70'
const G2 = '71'
const USERS = Array.from({ length: 30 }, (_, i) => String(100 + i * 37))
const X = USERS[7] as string

function world(): Simulation {
  const sim = createSimulation({ seed: 11 })
  for (const id of USERS) sim.world.createUser({ id, username: `user${id}` })
  sim.world.createGuild({ id: G1, name: 'one', ownerId: USERS[0] as string })
  sim.world.createGuild({ id: G2, name: 'two', ownerId: USERS[1] as string })
  sim.world.createRole(G1, { id: '80', name: 'hoisted', position: 1, hoist: true })
  sim.world.createChannel({ id: '90', guildId: G1, name: 'a' })
  sim.world.createChannel({ id: '91', guildId: G2, name: 'b' })
  for (const id of USERS.slice(1)) sim.world.addMember(G1, id)
  for (const id of USERS.slice(0, 12)) if (id !== USERS[1]) sim.world.addMember(G2, id)
  for (const id of USERS.slice(1, 6)) sim.world.addFriendship(X, id)
  return sim
}

/** The world changes, made through the actions. */
function changes(sim: Simulation): void {
  sim.actions.setNick(G1, X, 'x-nick')
  sim.actions.setMemberRoles(G1, X, ['80'])
  sim.actions.createRole(G1, { id: '81', name: 'new', position: 2, hoist: true })
  sim.actions.setMemberRoles(G1, USERS[3] as string, ['81'])
  sim.actions.leaveGuild(G2, USERS[4] as string)
  sim.actions.joinGuild(G2, USERS[20] as string)
  sim.actions.updateUser(USERS[2] as string, { username: 'renamed' })
  sim.actions.addFriend(X, USERS[9] as string)
  sim.actions.openDm(X, USERS[10] as string)
  sim.actions.setNick(G2, X, 'x-two')
}

/** READY and GUILD_CREATEs of `x`'s IDENTIFY, without what depends on the session id. */
function identifyFrames(sim: Simulation): unknown[] {
  const state = sim.gateway.identify({ userId: X })
  return state.frames
    .filter((f: Frame) => f.t === 'READY' || f.t === 'GUILD_CREATE')
    .map((f) => {
      if (f.t !== 'READY') return [f.t, f.s, f.d]
      const { session_id: _id, resume_gateway_url: _url, ...rest } = f.d as Record<string, unknown>
      return [f.t, f.s, rest]
    })
}

describe('IDENTIFY after many others, caches warm, equals IDENTIFY on a cold engine', () => {
  it('same READY and GUILD_CREATE for the same world', () => {
    // Warm: everyone else identifies (offline: no presence in anyone's frames), X twice, then the
    // world changes and X identifies again.
    const warm = world()
    for (const id of USERS)
      if (id !== X) warm.gateway.identify({ userId: id, presence: { status: 'offline' } })
    identifyFrames(warm)
    identifyFrames(warm)
    for (const s of warm.states.userStates(X)) warm.gateway.invalidate(s.sessionId)
    changes(warm)
    const got = identifyFrames(warm)
    // Cold: the same changes with no session open, X identifies first.
    const cold = world()
    changes(cold)
    const want = identifyFrames(cold)
    expect(got).toEqual(want)
  })
})
