import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { entryFor, groupOrderFor } from '../memberLists/listEntries.ts'
import { createSimulation, internalsOf, type Simulation } from '../simulation.ts'
import type { InspectionEvent } from '../trace/types.ts'
import { applyOps, type ClientCopy } from '../lazyGuild/index.ts'
import { label, updates } from '../testing/memberListFrames.ts'
import { Permissions } from '../world/permissions.ts'

/**
 * Role and channel actions re-check only the subscriptions their change can concern (subscriptions.ts
 * `syncChannels` with a scope; a role's members, one channel). Over random histories of role, member
 * and channel changes, that must give exactly what re-checking every session × every text channel
 * gave: after each action every guild session is subscribed to exactly the text channels its user can
 * read, and the action's channel subscribe/unsubscribe events are exactly the changes, in the order of
 * the guild's subscribers and then of its channels. A session holding the member list keeps an exact
 * copy through it all (the lists regroup only the members a change concerns).
 */
const G = '1000'
const USERS = ['10', '20', '30', '40', '50']
const ROLES = ['2001', '2002', '2003']
const CHANNELS = ['100', '101', '102']
const VIEW = Permissions.VIEW_CHANNEL

type Step =
  | { kind: 'createRole'; hoist: boolean; view: boolean }
  | { kind: 'updateRole'; role: number; hoist: boolean; position: number; view: boolean | null }
  | { kind: 'deleteRole'; role: number }
  | { kind: 'everyone'; view: boolean }
  | { kind: 'roles'; user: number; roles: boolean[] }
  | { kind: 'overwrites'; channel: number; who: number; deny: boolean }
  | { kind: 'rename'; channel: number }
  | { kind: 'createChannel' }
  | { kind: 'identify'; user: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('createRole' as const), hoist: fc.boolean(), view: fc.boolean() }),
  fc.record({
    kind: fc.constant('updateRole' as const),
    role: fc.nat(ROLES.length - 1),
    hoist: fc.boolean(),
    position: fc.integer({ min: 1, max: 4 }),
    view: fc.option(fc.boolean()),
  }),
  fc.record({ kind: fc.constant('deleteRole' as const), role: fc.nat(ROLES.length - 1) }),
  fc.record({ kind: fc.constant('everyone' as const), view: fc.boolean() }),
  fc.record({
    kind: fc.constant('roles' as const),
    user: fc.nat(USERS.length - 1),
    roles: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('overwrites' as const),
    channel: fc.nat(CHANNELS.length - 1),
    who: fc.nat(ROLES.length + 1),
    deny: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('rename' as const), channel: fc.nat(CHANNELS.length - 1) }),
  fc.record({ kind: fc.constant('createChannel' as const) }),
  fc.record({ kind: fc.constant('identify' as const), user: fc.nat(USERS.length - 1) }),
)

function world(): Simulation {
  const sim = createSimulation()
  for (const id of USERS) sim.world.createUser({ id, username: `u${id}` })
  sim.world.createGuild({ id: G, name: 'G', ownerId: '10' })
  for (const id of USERS.slice(1)) sim.world.addMember(G, id)
  ROLES.forEach((id, i) => sim.world.createRole(G, { id, name: id, position: i + 1 }))
  for (const id of CHANNELS) sim.world.createChannel({ id, guildId: G, name: `c${id}` })
  // Roles with several holders, whose sessions are not in the guild topic's order by user.
  sim.world.updateMember(G, '20', { roles: ['2001'] })
  sim.world.updateMember(G, '30', { roles: ['2001', '2002'] })
  sim.world.updateMember(G, '40', { roles: ['2002'] })
  for (const id of USERS) sim.gateway.identify({ userId: id })
  // Two sessions of one user, and a session holding the member list, so lists regroup too.
  sim.gateway.identify({ userId: '20' })
  const [owner] = sim.states.userStates('10')
  sim.gateway.requestMemberList(owner!.sessionId, G, { '100': [[0, 9]] })
  return sim
}

/** The list channel 100 shows, from the world with a plain sort (not the engine's list), as labels. */
function referenceLabels(sim: Simulation): string[] {
  const world = internalsOf(sim).world
  const channel = world.channel('100')!
  const order = groupOrderFor(world, channel)
  const groups = new Set(order)
  const rows = Array.from(world.guildMemberIds(G))
    .map((u) => entryFor(world, channel, groups, u))
    .filter((e) => e !== undefined)
  const labels: string[] = []
  for (const group of order) {
    const members = rows
      .filter((r) => r.groupId === group)
      .sort((a, b) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0))
    if (members.length === 0) continue
    labels.push(label({ group: { id: group, count: members.length } }))
    for (const m of members) labels.push(label({ member: m.item }))
  }
  return labels
}

/** Every guild session × text channel: subscribed, as `session channel` keys, in expected order. */
function subscriptions(sim: Simulation): string[] {
  const textChannels = sim.world
    .channels()
    .filter((c) => c.guild_id === G && c.type === 0)
    .map((c) => c.id)
  const keys: string[] = []
  for (const sessionId of sim.dispatcher.subscribers('guild', G)) {
    for (const channel of textChannels) {
      if (sim.dispatcher.subscribers('channel', channel).includes(sessionId))
        keys.push(`${sessionId} ${channel}`)
    }
  }
  return keys
}

/** What re-checking everything gives: guild sessions × the text channels their user can read. */
function readable(sim: Simulation): string[] {
  const keys: string[] = []
  const textChannels = sim.world.channels().filter((c) => c.guild_id === G && c.type === 0)
  for (const sessionId of sim.dispatcher.subscribers('guild', G)) {
    const userId = sim.states.fetchRaw(sessionId)!.userId
    for (const c of textChannels)
      if (sim.world.canView(userId, c.id)) keys.push(`${sessionId} ${c.id}`)
  }
  return keys
}

function apply(sim: Simulation, s: Step, made: { roles: number; channels: number }): void {
  const { actions } = sim
  const roleExists = (id: string) => sim.world.roles(G).some((r) => r.id === id)
  switch (s.kind) {
    case 'createRole':
      actions.createRole(G, {
        name: `new${made.roles++}`,
        hoist: s.hoist,
        permissions: s.view ? VIEW : 0n,
      })
      return
    case 'updateRole':
      if (!roleExists(ROLES[s.role]!)) return
      actions.updateRole(G, ROLES[s.role]!, {
        hoist: s.hoist,
        position: s.position,
        ...(s.view === null ? {} : { permissions: s.view ? VIEW | Permissions.SEND_MESSAGES : 0n }),
      })
      return
    case 'deleteRole':
      if (roleExists(ROLES[s.role]!)) actions.deleteRole(G, ROLES[s.role]!)
      return
    case 'everyone':
      actions.updateRole(G, G, { permissions: s.view ? VIEW : Permissions.SEND_MESSAGES })
      return
    case 'roles': {
      const user = USERS[s.user]!
      const roles = ROLES.filter((id, i) => s.roles[i] && roleExists(id))
      actions.setMemberRoles(G, user, roles)
      return
    }
    case 'overwrites': {
      const id = s.who < ROLES.length ? ROLES[s.who]! : s.who === ROLES.length ? G : '30'
      if (s.who < ROLES.length && !roleExists(id)) return
      const type = s.who === ROLES.length + 1 ? 1 : 0
      actions.updateChannel(CHANNELS[s.channel]!, {
        overwrites: [{ id, type, ...(s.deny ? { deny: VIEW } : { allow: VIEW }) }],
      })
      return
    }
    case 'rename':
      actions.updateChannel(CHANNELS[s.channel]!, { name: `renamed${made.channels++}` })
      return
    case 'createChannel':
      actions.createChannel({ guildId: G, name: `extra${made.channels++}` })
      return
    case 'identify':
      sim.gateway.identify({ userId: USERS[s.user]! })
      return
  }
}

describe('role and channel actions re-check only what they concern', () => {
  it('leave every guild session subscribed to exactly what it can read, with the same events', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const sim = world()
        const made = { roles: 0, channels: 0 }
        let events: InspectionEvent[] = []
        sim.inspect((e) => events.push(e))
        const [holder] = sim.states.userStates('10')
        for (const s of steps) {
          const before = new Set(subscriptions(sim))
          events = []
          apply(sim, s, made)
          const after = subscriptions(sim)
          expect(after).toEqual(readable(sim))
          const truth = referenceLabels(sim)
          const copy = updates(holder!).reduce<ClientCopy>((c, u) => applyOps(c, u.ops), [])
          for (let i = 0; i <= 9; i++) expect(label(copy[i])).toBe(truth[i] ?? '-')
          if (s.kind === 'identify') continue
          // The changes, in guild-subscriber × channel order, are the action's channel events.
          const afterSet = new Set(after)
          const textChannels = sim.world.channels().filter((c) => c.guild_id === G && c.type === 0)
          const expected: string[] = []
          for (const sessionId of sim.dispatcher.subscribers('guild', G)) {
            for (const c of textChannels) {
              const key = `${sessionId} ${c.id}`
              if (afterSet.has(key) && !before.has(key)) expected.push(`subscribe ${key}`)
              if (!afterSet.has(key) && before.has(key)) expected.push(`unsubscribe ${key}`)
            }
          }
          const got = events.flatMap((e) =>
            (e.type === 'subscribe' || e.type === 'unsubscribe') && e.backend === 'channel'
              ? [`${e.type} ${e.subscriber} ${e.key}`]
              : [],
          )
          expect(got).toEqual(expected)
        }
      }),
      { numRuns: 200 },
    )
  }, 60_000)
})
