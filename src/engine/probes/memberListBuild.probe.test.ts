import { describe, expect, it } from 'vitest'
import { createRandom } from '../random.ts'
import { createSimulation, type Simulation } from '../simulation.ts'
import type { Frame } from '../types.ts'

/**
 * A member list built in one go (the first op 14 of a guild whose members all exist: each group sorted
 * once) against the same list kept up to date member by member (a list already held while the members
 * join, get hoisted roles and change presence): once the world is the same, a new session's op 14
 * SYNC is the same (docs/design/semantics.md §6), and so are the ops both lists send for the same later
 * changes (roles given and taken, members leaving, presences). Ids of different lengths (a snowflake's order is numeric, not textual), equal names, names
 * that differ only in case or in non-ASCII letters.
 */
const G = '7'
const CHANNEL = '8'
const NAMES = ['ann', 'Ann', 'ann', 'Émile', 'emile', 'zoë', 'bob', 'b', '', 'ann ']

interface Plan {
  users: { id: string; name: string; roles: string[]; status: 'online' | 'idle' | 'dnd' | null }[]
}

function plan(seed: number, n: number): Plan {
  const generator = createRandom(seed)
  const random = (): number => generator.nextUint32() / 2 ** 32
  const ids = new Set<string>()
  while (ids.size < n) ids.add(String(100 + Math.floor(random() ** 3 * 1e7)))
  return {
    users: [...ids].map((id) => ({
      id,
      name: (NAMES[Math.floor(random() * NAMES.length)] as string) || `u${id.length}`,
      roles: ['20', '21', '22'].filter(() => random() < 0.3),
      status:
        random() < 0.5 ? null : (['online', 'idle', 'dnd'] as const)[Math.floor(random() * 3)]!,
    })),
  }
}

function base(): Simulation {
  const sim = createSimulation({ seed: 5 })
  sim.world.createUser({ id: '9', username: 'owner' })
  sim.world.createGuild({ id: G, name: 'g', ownerId: '9' })
  sim.world.createRole(G, { id: '20', name: 'top', position: 3, hoist: true })
  sim.world.createRole(G, { id: '21', name: 'mid', position: 2, hoist: true })
  sim.world.createRole(G, { id: '22', name: 'plain', position: 1 })
  sim.world.createChannel({ id: CHANNEL, guildId: G, name: 'c' })
  return sim
}

/**
 * Everything in `p`, in order, through the actions (the flows that keep member lists up to date,
 * docs/design/semantics.md §8; a raw `world.addMember` changes the world alone): members join and get
 * their roles, then those with a status come online.
 */
function populate(sim: Simulation, p: Plan): void {
  for (const u of p.users) {
    sim.world.createUser({ id: u.id, username: u.name })
    sim.actions.joinGuild(G, u.id)
    if (u.roles.length > 0) sim.actions.setMemberRoles(G, u.id, u.roles)
  }
  for (const u of p.users) {
    if (u.status === null) continue
    const s = sim.gateway.identify({ userId: u.id, intents: 0 })
    if (u.status !== 'online') sim.gateway.updatePresence(s.sessionId, { status: u.status })
  }
}

const listUpdates = (frames: readonly Frame[]): unknown[] =>
  frames.filter((f) => f.t === 'GUILD_MEMBER_LIST_UPDATE').map((f) => f.d)

describe('member lists built in one go and member by member agree', () => {
  it('same SYNC for a new session, and the same ops for the same later changes', () => {
    for (const [seed, n] of [
      [1, 5],
      [2, 40],
      [3, 150],
      [4, 400],
    ] as const) {
      const p = plan(seed, n)
      // Member by member: the owner holds the list before anyone joins.
      const kept = base()
      const keeper = kept.gateway.identify({ userId: '9' })
      kept.gateway.requestMemberList(keeper.sessionId, G, { [CHANNEL]: [[0, 99]] })
      populate(kept, p)
      // In one go: the first request comes after everyone joined.
      const built = base()
      populate(built, p)
      const late = built.gateway.identify({ userId: '9' })
      built.gateway.requestMemberList(late.sessionId, G, { [CHANNEL]: [[0, 99]] })

      const observe = (sim: Simulation) => {
        const observer = sim.gateway.identify({ userId: p.users[0]!.id })
        const before = observer.frames.length
        sim.gateway.requestMemberList(observer.sessionId, G, {
          [CHANNEL]: [
            [0, 99],
            [100, 199],
          ],
        })
        return { observer, sync: listUpdates(observer.frames.slice(before)) }
      }
      const a = observe(kept)
      const b = observe(built)
      expect(a.sync, `seed ${seed}`).toHaveLength(1)
      expect(b.sync, `seed ${seed}`).toEqual(a.sync)

      const fromA = a.observer.frames.length
      const fromB = b.observer.frames.length
      // The same later changes: a role hoist, a member leaving the hoisted group, presences.
      for (const sim of [kept, built]) {
        for (const u of p.users.slice(0, 10)) sim.actions.setMemberRoles(G, u.id, ['21'])
        for (const u of p.users.slice(10, 20)) sim.actions.setMemberRoles(G, u.id, [])
        for (const u of p.users.slice(20, 25)) sim.actions.leaveGuild(G, u.id)
        for (const u of p.users.slice(0, 15)) {
          const session = sim.states.userStates(u.id)[0]
          if (session) sim.gateway.updatePresence(session.sessionId, { status: 'dnd' })
          else sim.gateway.identify({ userId: u.id, intents: 0 })
        }
      }
      const after = (o: { observer: { frames: readonly Frame[] } }, from: number) =>
        listUpdates(o.observer.frames.slice(from))
      expect(after(a, fromA).length, `seed ${seed} later`).toBeGreaterThan(0)
      expect(after(b, fromB), `seed ${seed} later`).toEqual(after(a, fromA))
    }
  })
})
