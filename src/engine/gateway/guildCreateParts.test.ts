import { describe, expect, it } from 'vitest'
import { createSimulation, internalsOf, restoreSimulation, type Simulation } from '../simulation.ts'
import { addUsers, ALICE, BOB, CAROL, G, GENERAL, SECRET } from '../testing/fixtures.ts'
import type { GatewayState } from '../types.ts'

/** The world's full mutator set (the public `World` type lists only the creators). */
const worldOf = (sim: Simulation) => internalsOf(sim).world

interface GuildCreate {
  roles: { id: string; name: string }[]
  channels: { id: string; name: string }[]
  members: { user: { id: string; username: string }; nick: string | null; roles: string[] }[]
}

function guildCreate(state: GatewayState): GuildCreate {
  const frame = state.frames.find((f) => f.t === 'GUILD_CREATE')
  if (!frame) throw new Error(`${state.sessionId} got no GUILD_CREATE`)
  return frame.d as GuildCreate
}

function world(): Simulation {
  const sim = createSimulation()
  addUsers(sim, ALICE, BOB, CAROL)
  sim.world.createGuild({ id: G, name: 'G', ownerId: ALICE })
  sim.world.addMember(G, BOB)
  sim.world.addMember(G, CAROL)
  sim.world.createRole(G, { id: '500', name: 'Mods', position: 1 })
  sim.world.createChannel({ id: GENERAL, guildId: G, name: 'general' })
  return sim
}

describe('GUILD_CREATE parts shared between sessions', () => {
  it('gives every session the same frozen roles, channels and member objects', () => {
    const sim = world()
    const a = guildCreate(sim.gateway.identify({ userId: ALICE }))
    const b = guildCreate(sim.gateway.identify({ userId: BOB }))
    expect(b.roles).toBe(a.roles)
    expect(b.channels).toBe(a.channels)
    const carolIn = (g: GuildCreate) => g.members.find((m) => m.user.id === CAROL)
    expect(carolIn(b)).toBe(carolIn(a))
    expect(Object.isFrozen(a.channels[0])).toBe(true)
    // Each session's own member still comes first.
    expect(a.members[0]?.user.id).toBe(ALICE)
    expect(b.members[0]?.user.id).toBe(BOB)
  })

  it('shows every change to a role, channel, member or user in the next IDENTIFY, never a stale copy', () => {
    const sim = world()
    const before = guildCreate(sim.gateway.identify({ userId: ALICE }))
    worldOf(sim).updateRole(G, '500', { name: 'Moderators' })
    worldOf(sim).updateChannel(GENERAL, { name: 'lobby' })
    sim.world.createChannel({ id: SECRET, guildId: G, name: 'secret' })
    worldOf(sim).setNick(G, CAROL, 'caz')
    worldOf(sim).setMemberRoles(G, CAROL, ['500'])
    worldOf(sim).updateUser(BOB, { username: 'robert' })
    const after = guildCreate(sim.gateway.identify({ userId: ALICE }))

    expect(before.roles.find((r) => r.id === '500')?.name).toBe('Mods')
    expect(after.roles.find((r) => r.id === '500')?.name).toBe('Moderators')
    expect(after.channels.map((c) => c.name)).toEqual(['lobby', 'secret'])
    const carol = after.members.find((m) => m.user.id === CAROL)
    expect(carol?.nick).toBe('caz')
    expect(carol?.roles).toEqual(['500'])
    expect(after.members.find((m) => m.user.id === BOB)?.user.username).toBe('robert')
  })

  it('forgets a deleted role in members and roles alike', () => {
    const sim = world()
    worldOf(sim).setMemberRoles(G, BOB, ['500'])
    sim.gateway.identify({ userId: ALICE })
    worldOf(sim).deleteRole(G, '500')
    const after = guildCreate(sim.gateway.identify({ userId: ALICE }))
    expect(after.roles.map((r) => r.id)).not.toContain('500')
    expect(after.members.find((m) => m.user.id === BOB)?.roles).toEqual([])
  })

  it('builds the same GUILD_CREATE in a simulation restored from a snapshot', () => {
    const sim = world()
    sim.gateway.identify({ userId: ALICE })
    const copy = restoreSimulation(sim.snapshot())
    worldOf(sim).updateChannel(GENERAL, { name: 'lobby' })
    worldOf(copy).updateChannel(GENERAL, { name: 'lobby' })
    const original = guildCreate(sim.gateway.identify({ userId: BOB }))
    const restored = guildCreate(copy.gateway.identify({ userId: BOB }))
    expect(JSON.stringify(restored)).toBe(JSON.stringify(original))
  })
})
