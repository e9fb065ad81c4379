import { describe, expect, it } from 'vitest'
import { createSimulation, Intents, type Frame, type GatewayState } from '../index.ts'

/**
 * What the engine hands out cannot change it, and what callers pass in is never kept by reference
 * (docs/design/semantics.md §3 "Payloads are never mutated", §10 "read-only views"). Written against
 * the optimisations that now share frozen objects between frames (READY's relationships,
 * GUILD_CREATE's members, presences) and cache GUILD_CREATE's member sample.
 */
const G = '4194304'
function world() {
  const sim = createSimulation({ seed: 3 })
  for (const id of ['11', '12', '13']) sim.world.createUser({ id, username: `u${id}` })
  sim.world.createGuild({ id: G, name: 'g', ownerId: '11' })
  sim.world.addMember(G, '12')
  sim.world.addMember(G, '13')
  sim.world.createChannel({ id: '500', guildId: G, name: 'c' })
  sim.world.addFriendship('11', '12')
  const a = sim.gateway.identify({ userId: '11' })
  const b = sim.gateway.identify({ userId: '12' })
  return { sim, a, b }
}
const last = (s: GatewayState): string => JSON.stringify(s.frames[s.frames.length - 1])
const d = (s: GatewayState, t: string): Record<string, unknown> =>
  s.frames.find((f: Frame) => f.t === t)!.d as Record<string, unknown>

/** Every object reachable from `root` that is not frozen, by path. */
function unfrozen(root: unknown, path = '', seen = new Set<object>()): string[] {
  if (root === null || typeof root !== 'object' || seen.has(root)) return []
  seen.add(root)
  const own = Object.isFrozen(root) ? [] : [path || '(root)']
  return own.concat(
    ...Object.keys(root).map((k) =>
      unfrozen((root as Record<string, unknown>)[k], `${path}.${k}`, seen),
    ),
  )
}

describe('payload isolation (semantics.md §3, §10)', () => {
  it('frames, results and replays are deeply frozen, so strict code that writes to one throws', () => {
    const { sim, a, b } = world()
    sim.gateway.requestMemberList(a.sessionId, G, { '500': [[0, 9]] })
    const result = sim.dispatcher.dispatch('guild', G, 'X_ONE', { a: { b: [1] } })
    const nobody = sim.dispatcher.dispatch('user', '13', 'X_NOBODY', {})
    sim.gateway.disconnect(b.sessionId)
    sim.dispatcher.dispatch('user', '12', 'X_TWO', { n: 1 })
    const resumed = sim.gateway.resume(b.sessionId, 1)
    const handed = { a: a.frames, b: b.frames, result, nobody, resumed }
    expect(Object.entries(handed).flatMap(([name, value]) => unfrozen(value, name))).toEqual([])
    const ready = d(a, 'READY') as { relationships: { user: { username: string } }[] }
    expect(() => {
      'use strict'
      ready.relationships[0]!.user.username = 'changed'
    }).toThrow(TypeError)
    expect(() => (nobody.delivered as string[]).push('x')).toThrow(TypeError)
  })

  it('lists the engine returns are copies: changing one changes nothing', () => {
    const { sim, a } = world()
    const before = JSON.stringify([sim.states.all().map((s) => s.frames), sim.world.members(G)])
    const lists = [
      sim.world.users(),
      sim.world.members(G),
      sim.world.channels(),
      sim.dispatcher.subscribers('guild', G),
      sim.states.userStates('11'),
      sim.states.all(),
    ] as unknown[][]
    for (const list of lists) if (!Object.isFrozen(list)) list.reverse().push('x')
    expect(JSON.stringify([sim.states.all().map((s) => s.frames), sim.world.members(G)])).toBe(
      before,
    )
    expect(sim.dispatcher.subscribers('guild', G)[0]).toBe(a.sessionId)
  })

  it('never keeps a caller object: a payload changed after the call, even a shallow-frozen one', () => {
    const { sim, a } = world()
    const inner = { y: [1] }
    const payloads = [{ x: inner }, Object.freeze({ x: inner }), Object.freeze([inner])]
    for (const p of payloads) {
      sim.dispatcher.dispatch('guild', G, 'X_P', p)
      const sent = last(a)
      inner.y.push(2)
      expect(last(a)).toBe(sent)
      expect(Object.isFrozen(inner)).toBe(false)
    }
    const mentions = ['12']
    sim.actions.sendMessage('500', '11', 'hi', { mentions })
    const sent = last(a)
    mentions.push('13')
    expect(last(a)).toBe(sent)
    const activities: { name: string; type: number }[] = [{ name: 'game', type: 0 }]
    sim.gateway.updatePresence(a.sessionId, { status: 'idle', activities })
    activities[0]!.name = 'changed'
    const c = sim.gateway.identify({ userId: '13', intents: Intents.ALL })
    expect(JSON.stringify(c.frames)).not.toContain('changed')
  })

  it('shared and cached objects follow the world: a later IDENTIFY sees every change', () => {
    const { sim, a } = world()
    const oldGuildCreate = JSON.stringify(d(a, 'GUILD_CREATE'))
    sim.world.updateMember(G, '12', { nick: 'worldnick' })
    sim.actions.updateUser('13', { username: 'renamed' })
    sim.world.createUser({ id: '5', username: 'lowest' })
    sim.world.addMember(G, '5')
    sim.actions.removeFriend('11', '12')
    sim.world.addFriendship('11', '13')
    const c = sim.gateway.identify({ userId: '11' })
    const guildCreate = JSON.stringify(d(c, 'GUILD_CREATE'))
    expect(guildCreate).toContain('worldnick')
    expect(guildCreate).toContain('renamed')
    expect(guildCreate).toContain('"lowest"')
    const relationships = (d(c, 'READY') as { relationships: { id: string }[] }).relationships
    expect(relationships.map((r) => r.id)).toEqual(['13'])
    expect(JSON.stringify(relationships)).toContain('renamed')
    // and what was sent before keeps what it said then
    expect(JSON.stringify(d(a, 'GUILD_CREATE'))).toBe(oldGuildCreate)
  })
})
