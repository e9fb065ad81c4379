import { describe, expect, it } from 'vitest'
import { Intents } from './gateway/intents.ts'
import { snowflakeTime } from './ids.ts'
import { createSimulation, internalsOf } from './simulation.ts'
import { addUsers, ALICE, BOB, CAROL, fixtureF, G, GENERAL, SECRET } from './testing/fixtures.ts'
import { Permissions } from './world/permissions.ts'

/** Rules of docs/design/semantics.md §2–§10 not pinned elsewhere. */
describe('semantics rules', () => {
  it('§2/§10: world mutators change data only: no frames, no subscription changes', () => {
    const f = fixtureF()
    const seqs = () => [f.A, f.B1, f.B2, f.C, f.D].map((s) => s.seq)
    const before = seqs()
    const subs = f.sim.dispatcher.subscribers('channel', SECRET)
    const guildSubs = f.sim.dispatcher.subscribers('guild', G)
    const generalSubs = f.sim.dispatcher.subscribers('channel', GENERAL)
    f.sim.world.updateMember(G, CAROL, { nick: 'cee' })
    f.sim.world.createChannel({ guildId: G, name: 'new' })
    f.sim.world.addMember(G, '40')
    f.sim.world.addFriendship(ALICE, BOB)
    expect(seqs()).toEqual(before)
    expect(f.sim.dispatcher.subscribers('channel', SECRET)).toEqual(subs)
    expect(f.sim.dispatcher.subscribers('guild', G)).toEqual(guildSubs) // dave's new member session too
    expect(f.sim.dispatcher.subscribers('channel', GENERAL)).toEqual(generalSubs)
    expect(f.sim.dispatcher.subscribers('friend', ALICE)).toEqual([])
  })

  it('§2/§10: mutators that change permissions, presences or friendships leave subscriptions alone too', () => {
    const f = fixtureF()
    const world = internalsOf(f.sim).world
    f.sim.actions.addFriend(ALICE, BOB)
    const lists = () => [
      f.sim.dispatcher.subscribers('guild', G),
      f.sim.dispatcher.subscribers('channel', GENERAL),
      f.sim.dispatcher.subscribers('channel', SECRET),
      f.sim.dispatcher.subscribers('friend', ALICE),
      f.sim.dispatcher.subscribers('friend', BOB),
    ]
    const seqs = () => [f.A, f.B1, f.B2, f.C, f.D].map((s) => s.seq)
    const before = { lists: lists(), seqs: seqs() }
    world.updateChannel(SECRET, { overwrites: [] }) // carol can read #secret now…
    world.updateChannel(GENERAL, {
      overwrites: [{ id: G, type: 0, deny: Permissions.VIEW_CHANNEL }],
    }) // …and not #general
    const role = world.createRole(G, { name: 'admin', permissions: Permissions.ADMINISTRATOR })
    world.setMemberRoles(G, BOB, [role.id])
    world.updateRole(G, role.id, { hoist: true })
    world.setPresence(CAROL, { status: 'dnd' })
    world.removeFriendship(ALICE, BOB)
    world.removeMember(G, CAROL)
    expect(f.sim.world.canView(CAROL, SECRET)).toBe(false)
    expect(lists()).toEqual(before.lists)
    expect(seqs()).toEqual(before.seqs)
  })

  it('§3: the resume buffer keeps the last 250 frames by default', () => {
    const sim = createSimulation()
    addUsers(sim, ALICE)
    const a = sim.gateway.identify({ userId: ALICE })
    const seen = a.seq
    sim.gateway.disconnect(a.sessionId)
    for (let i = 0; i < 250; i++) sim.dispatcher.dispatch('user', ALICE, 'X', {})
    expect(sim.gateway.resume(a.sessionId, seen).resumed).toBe(true)
    sim.gateway.disconnect(a.sessionId)
    const again = a.seq
    for (let i = 0; i < 251; i++) sim.dispatcher.dispatch('user', ALICE, 'X', {})
    expect(sim.gateway.resume(a.sessionId, again)).toEqual({
      resumed: false,
      reason: 'events-lost',
    })
  })

  it('§3: only guild text channels are subscribed, not voice or categories', () => {
    const sim = createSimulation()
    addUsers(sim, ALICE)
    sim.world.createGuild({ id: G, name: 'G', ownerId: ALICE })
    const voice = sim.world.createChannel({ guildId: G, type: 2, name: 'voice' })
    const category = sim.world.createChannel({ guildId: G, type: 4, name: 'cat' })
    const text = sim.world.createChannel({ guildId: G, type: 0, name: 'text' })
    const a = sim.gateway.identify({ userId: ALICE })
    expect(sim.dispatcher.subscribers('channel', voice.id)).toEqual([])
    expect(sim.dispatcher.subscribers('channel', category.id)).toEqual([])
    expect(sim.dispatcher.subscribers('channel', text.id)).toEqual([a.sessionId])
  })

  it('§4: intents are checked before permission', () => {
    const f = fixtureF()
    const quiet = f.sim.gateway.identify({ userId: CAROL, intents: Intents.GUILDS })
    f.sim.dispatcher.sub('channel', SECRET, quiet.sessionId)
    const result = f.sim.dispatcher.dispatch('channel', SECRET, 'MESSAGE_CREATE', { guild_id: G })
    expect(result.skipped).toEqual([{ sessionId: quiet.sessionId, reason: 'intents' }])
  })

  it('§4: a raw dispatch applies only its backend rules (presence goes to the own sessions too)', () => {
    const f = fixtureF()
    const result = f.sim.dispatcher.dispatch('guild', G, 'PRESENCE_UPDATE', { user: { id: BOB } })
    expect(result.delivered).toContain(f.B2.sessionId)
  })

  it('§10: generated ids are snowflakes of the simulation clock; session ids are seeded hex', () => {
    const sim = createSimulation({ startTime: 1_600_000_000_000, seed: 9 })
    const user = sim.world.createUser({ username: 'gen' })
    expect(snowflakeTime(user.id)).toBe(1_600_000_000_000)
    sim.clock.advance(5000)
    expect(snowflakeTime(sim.world.createUser({ username: 'later' }).id)).toBe(1_600_000_005_000)
    const s = sim.gateway.identify({ userId: user.id })
    expect(s.sessionId).toMatch(/^[0-9a-f]{32}$/)
    const twin = createSimulation({ startTime: 1_600_000_000_000, seed: 9 })
    const twinUser = twin.world.createUser({ username: 'gen' })
    expect(twinUser.id).toBe(user.id)
    twin.clock.advance(5000)
    twin.world.createUser({ username: 'later' })
    expect(twin.gateway.identify({ userId: twinUser.id }).sessionId).toBe(s.sessionId)
  })

  it('dispatcher.topics lists the keys that have subscribers', () => {
    const f = fixtureF()
    expect(f.sim.dispatcher.topics('guild')).toEqual([G])
    expect(f.sim.dispatcher.topics('channel')).toEqual([GENERAL, SECRET])
    expect(f.sim.dispatcher.topics('user')).toEqual([])
    f.sim.actions.updateChannel(SECRET, {
      overwrites: [{ id: G, type: 0, deny: Permissions.ADMINISTRATOR }],
    })
    expect(f.sim.dispatcher.topics('channel')).toEqual([GENERAL, SECRET])
  })
})
