import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Simulation } from '../../simulation.ts'
import { fixtureL, L } from '../../testing/fixtureL.ts'
import type { GatewayState } from '../../types.ts'
import type { WorldInternal } from '../../world/createWorld.ts'
import { applyOps, type ClientCopy } from '../clientCopy.ts'
import type { ListItem, ListOp, Range } from '../types.ts'
import { entryFor, groupOrderFor } from './listEntries.ts'

/**
 * The proof of correctness of semantics §6, end to end through the engine: over random histories of
 * presence, role, nick, join and leave changes, every session that applies the GUILD_MEMBER_LIST_UPDATE
 * ops it received, in order, holds exactly the server's list in each of its ranges; a session whose
 * ranges all end before the first slot a change affects receives nothing for it, and one holding a
 * range that ends at or after that slot receives an update.
 */

/** The server's list, computed from scratch with a plain sort (not the engine's incremental tree). */
function referenceList(world: WorldInternal, channelId: string): string[] {
  const channel = world.channel(channelId)!
  const order = groupOrderFor(world, channel)
  const groups = new Set(order)
  const rows = Array.from(world.guildMemberIds(L.guild))
    .map((u) => entryFor(world, channel, groups, u))
    .filter((e) => e !== undefined)
  const flat: string[] = []
  for (const group of order) {
    const members = rows
      .filter((r) => r.groupId === group)
      .sort((a, b) =>
        a.sortName < b.sortName
          ? -1
          : a.sortName > b.sortName
            ? 1
            : Number(BigInt(a.userId) - BigInt(b.userId)),
      )
    if (members.length === 0) continue
    flat.push(JSON.stringify({ group: { id: group, count: members.length } }))
    for (const m of members) flat.push(JSON.stringify({ member: m.item }))
  }
  return flat
}

const USERS = [L.alice, L.bob, L.carl, L.dave, L.eve, '60', '70']
const NAMES = ['ann', 'Ann', 'bo', 'zed', 'Bob', 'carl', null]
const STATUSES = ['online', 'idle', 'dnd', 'offline'] as const
const ROLES = [L.admins, L.mods, L.plain]
const range = fc.nat(12).chain((start) => fc.nat(5).map((len): Range => [start, start + len]))

type Step =
  | { kind: 'presence'; user: number; status: (typeof STATUSES)[number] }
  | { kind: 'nick'; user: number; nick: number }
  | { kind: 'roles'; user: number; roles: boolean[] }
  | { kind: 'hoist'; role: number; position: number; hoist: boolean }
  | { kind: 'membership'; user: number }
  | { kind: 'request'; client: number; channel: number; ranges: Range[] }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('presence' as const),
    user: fc.nat(USERS.length - 1),
    status: fc.constantFrom(...STATUSES),
  }),
  fc.record({
    kind: fc.constant('nick' as const),
    user: fc.nat(USERS.length - 1),
    nick: fc.nat(NAMES.length - 1),
  }),
  fc.record({
    kind: fc.constant('roles' as const),
    user: fc.nat(USERS.length - 1),
    roles: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('hoist' as const),
    role: fc.nat(2),
    position: fc.integer({ min: 1, max: 4 }),
    hoist: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('membership' as const), user: fc.constantFrom(5, 6) }),
  fc.record({
    kind: fc.constant('request' as const),
    client: fc.nat(2),
    channel: fc.nat(1),
    ranges: fc.array(range, { minLength: 1, maxLength: 3 }),
  }),
)

function apply(sim: Simulation, sessions: Map<string, GatewayState>, s: Step): void {
  const world = sim.world
  const user = 'user' in s ? USERS[s.user]! : ''
  const isMember = () => world.member(L.guild, user) !== undefined
  switch (s.kind) {
    case 'presence': {
      let session = sessions.get(user)
      if (!session || session.status === 'closed') {
        session = sim.gateway.identify({ userId: user, intents: 0, presence: { status: s.status } })
        sessions.set(user, session)
      } else sim.gateway.updatePresence(session.sessionId, { status: s.status })
      break
    }
    case 'nick':
      if (isMember()) sim.actions.setNick(L.guild, user, NAMES[s.nick]!)
      break
    case 'roles':
      if (isMember())
        sim.actions.setMemberRoles(
          L.guild,
          user,
          ROLES.filter((_, i) => s.roles[i]),
        )
      break
    case 'hoist':
      sim.actions.updateRole(L.guild, ROLES[s.role]!, { position: s.position, hoist: s.hoist })
      break
    case 'membership':
      if (isMember()) sim.actions.leaveGuild(L.guild, user)
      else sim.actions.joinGuild(L.guild, user)
      break
    case 'request':
      break
  }
}

describe('member lists through the engine, over random histories', () => {
  it('keep every client copy exact in its ranges, and tell exactly the sessions whose ranges a change touches', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const { sim, V, B, C } = fixtureL()
        const world = sim.world as unknown as WorldInternal
        sim.world.createUser({ id: '60', username: 'aaron' })
        sim.world.createUser({ id: '70', username: 'Zoe' })
        const sessions = new Map<string, GatewayState>([
          [L.alice, V],
          [L.bob, B],
          [L.carl, C],
        ])
        const clients = [V, B, C]
        /** Per client: its channel, ranges, copy, and how many frames it has read. */
        const held = clients.map(() => ({
          channel: L.general as string,
          ranges: [] as Range[],
          copy: [] as ClientCopy,
          read: 0,
        }))

        const readFrames = () => {
          const got = clients.map(() => false)
          clients.forEach((client, i) => {
            const h = held[i]!
            for (const frame of client.frames.slice(h.read)) {
              if (frame.t !== 'GUILD_MEMBER_LIST_UPDATE') continue
              const d = frame.d as { ops: ListOp[] }
              h.copy = applyOps(h.copy, d.ops)
              got[i] = true
            }
            h.read = client.frames.length
          })
          return got
        }
        const check = () =>
          clients.forEach((client, i) => {
            const h = held[i]!
            if (client.status !== 'connected' || h.ranges.length === 0) return
            if (!world.member(L.guild, client.userId)) return
            const server = referenceList(world, h.channel)
            for (const [start, end] of h.ranges) {
              for (let index = start; index <= Math.min(end, server.length - 1); index++) {
                expect(JSON.stringify(h.copy[index] as ListItem)).toBe(server[index])
              }
            }
          })

        for (const s of steps) {
          if (s.kind === 'request') {
            const client = clients[s.client]!
            const channel = s.channel === 0 ? L.general : L.modsOnly
            if (client.status !== 'connected' || !world.member(L.guild, client.userId)) continue
            if (!world.canView(client.userId, channel)) continue
            const h = held[s.client]!
            if (h.channel !== channel) {
              // Switching lists: let go of the old one first (no ranges), then start a fresh copy.
              if (h.ranges.length > 0 && world.canView(client.userId, h.channel)) {
                sim.gateway.requestMemberList(client.sessionId, L.guild, { [h.channel]: [] })
              }
              readFrames()
              h.copy = []
            }
            readFrames()
            h.channel = channel
            h.ranges = s.ranges
            sim.gateway.requestMemberList(client.sessionId, L.guild, {
              [channel]: s.ranges.map(([a, b]) => [a, b]),
            })
            readFrames()
            check()
            continue
          }
          const before = held.map((h) => referenceList(world, h.channel))
          apply(sim, sessions, s)
          const got = readFrames()
          held.forEach((h, i) => {
            // A client that lost sight of the channel gets INVALIDATE of its ranges and holds nothing.
            if (h.ranges.length > 0 && !world.canView(clients[i]!.userId, h.channel)) {
              h.ranges = []
              return
            }
            const after = referenceList(world, h.channel)
            let first = 0
            while (
              first < Math.max(before[i]!.length, after.length) &&
              before[i]![first] === after[first]
            )
              first++
            const untouched = first >= Math.max(before[i]!.length, after.length)
            if (h.ranges.length > 0 && h.ranges.every(([, end]) => end < first))
              expect(got[i]).toBe(false)
            if (untouched) expect(got[i]).toBe(false)
            // …and every session holding a range that ends at or after it is told (§6, §10).
            else if (h.ranges.some(([, end]) => end >= first)) expect(got[i]).toBe(true)
          })
          check()
        }
      }),
      { numRuns: 200 },
    )
  }, 60_000)
})
