import { internalsOf } from '../simulation.ts'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Simulation } from '../simulation.ts'
import { fixtureL, L } from '../testing/fixtureL.ts'
import type { GatewayState } from '../types.ts'
import type { WorldInternal } from '../world/createWorld.ts'
import { applyOps, type ClientCopy } from '../lazyGuild/index.ts'
import type { ListOp, Range } from '../lazyGuild/index.ts'
import { Permissions } from '../world/permissions.ts'
import { entryFor, groupOrderFor, listIdFor } from './listEntries.ts'

/**
 * The proof of correctness of docs/design/semantics.md §6, end to end through the engine: over
 * random histories of presence, role, nick, join and leave changes, requests, releases and
 * overwrite changes that move a channel to another list id and back, every session that applies the
 * GUILD_MEMBER_LIST_UPDATE ops it received, in order, holds exactly the server's list in each of
 * its ranges (nothing past the list's end); a session whose ranges all end before the first slot a
 * change affects receives nothing for it, and one holding a range that ends at or after that slot
 * receives an update.
 *
 * The clients are real ones (docs/design/semantics.md §10): one copy per list id, kept for the
 * session's whole life, items outside the ranges and those of released ranges included, changed
 * only by the ops received.
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
/** Overwrite sets per channel: each gives the channel a list id, some the same one. */
const VIEW = Permissions.VIEW_CHANNEL
const OVERWRITES = {
  [L.general]: [
    [],
    [{ id: L.dave, type: 1 as const, deny: VIEW }],
    [
      { id: L.guild, type: 0 as const, deny: VIEW },
      { id: L.mods, type: 0 as const, allow: VIEW },
    ],
  ],
  [L.modsOnly]: [
    [
      { id: L.guild, type: 0 as const, deny: VIEW },
      { id: L.mods, type: 0 as const, allow: VIEW },
    ],
    [
      { id: L.guild, type: 0 as const, deny: VIEW },
      { id: L.mods, type: 0 as const, allow: VIEW },
      { id: L.plain, type: 0 as const, allow: VIEW },
    ],
    [],
  ],
}
const range = fc.nat(8).chain((start) => fc.nat(4).map((len): Range => [start, start + len]))

type Step =
  | { kind: 'presence'; user: number; status: (typeof STATUSES)[number] }
  | { kind: 'nick'; user: number; nick: number }
  | { kind: 'roles'; user: number; roles: boolean[] }
  | { kind: 'hoist'; role: number; position: number; hoist: boolean }
  | { kind: 'membership'; user: number }
  | { kind: 'request'; client: number; channel: number; ranges: Range[]; full: boolean }
  | { kind: 'release' | 'rerequest'; client: number; channel: number }
  | { kind: 'overwrites'; channel: number; choice: number }

/** Weighted so that the histories that break copies (a push past a range, a release, shrinking) are common. */
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('presence' as const),
      user: fc.nat(USERS.length - 1),
      status: fc.constantFrom(...STATUSES),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('nick' as const),
      user: fc.nat(USERS.length - 1),
      nick: fc.nat(NAMES.length - 1),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('roles' as const),
      user: fc.nat(USERS.length - 1),
      roles: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('hoist' as const),
      role: fc.nat(2),
      position: fc.integer({ min: 1, max: 4 }),
      hoist: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('membership' as const),
      user: fc.constantFrom(2, 3, 4, 5, 6),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('request' as const),
      client: fc.nat(2),
      channel: fc.nat(1),
      ranges: fc.array(range, { minLength: 1, maxLength: 2 }),
      full: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('release' as const, 'rerequest' as const),
      client: fc.nat(2),
      channel: fc.nat(1),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('overwrites' as const),
      channel: fc.nat(1),
      choice: fc.nat(2),
    }),
  },
)

const channelOf = (index: number) => (index === 0 ? L.general : L.modsOnly)

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
    case 'overwrites': {
      const channel = channelOf(s.channel)
      sim.actions.updateChannel(channel, { overwrites: OVERWRITES[channel][s.choice]! })
      break
    }
    case 'request':
    case 'release':
    case 'rerequest':
      break
  }
}

describe('member lists through the engine, over random histories', () => {
  it('keep every client copy exact in its ranges, and tell exactly the sessions whose ranges a change touches', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 40, size: 'max' }), (history) => {
        // Every client starts out holding a range of #general, so that each step can matter to it.
        const start = (client: number): Step => ({
          kind: 'request',
          client,
          channel: 0,
          ranges: [[0, 4 + 2 * client]],
          full: false,
        })
        const steps = [start(0), start(1), start(2), ...history]
        const { sim, V, B, C } = fixtureL()
        const world = internalsOf(sim).world
        sim.world.createUser({ id: '60', username: 'aaron' })
        sim.world.createUser({ id: '70', username: 'Zoe' })
        const sessions = new Map<string, GatewayState>([
          [L.alice, V],
          [L.bob, B],
          [L.carl, C],
        ])
        const clients = [V, B, C]
        /**
         * Per client: the ranges it holds through each channel (several channels at once, in the
         * same list or not), its copies by list id, frames read.
         */
        const held = clients.map(() => ({
          channels: new Map<string, Range[]>(),
          copies: new Map<string, ClientCopy>(),
          read: 0,
        }))
        const listIdOf = (channelId: string) => listIdFor(world, world.channel(channelId)!)
        const request = (i: number, channels: Record<string, readonly Range[]>) =>
          sim.gateway.requestMemberList(
            clients[i]!.sessionId,
            L.guild,
            Object.fromEntries(
              Object.entries(channels).map(([c, rs]) => [
                c,
                rs.map(([a, b]): [number, number] => [a, b]),
              ]),
            ),
          )
        /**
         * A request replaces the session's ranges for each list it names (docs/design/semantics.md
         * §6).
         */
        const replaced = (i: number, channelIds: string[]) => {
          const ids = new Set(channelIds.map(listIdOf))
          for (const [c] of held[i]!.channels) if (ids.has(listIdOf(c))) held[i]!.channels.delete(c)
        }

        /** Per client, the list ids it received an update for since the last read. */
        const readFrames = () =>
          clients.map((client, i) => {
            const h = held[i]!
            const got = new Set<string>()
            for (const frame of client.frames.slice(h.read)) {
              if (frame.t !== 'GUILD_MEMBER_LIST_UPDATE') continue
              const d = frame.d as { id: string; ops: ListOp[] }
              h.copies.set(d.id, applyOps(h.copies.get(d.id) ?? [], d.ops))
              got.add(d.id)
            }
            h.read = client.frames.length
            return got
          })
        const check = () =>
          clients.forEach((client, i) => {
            const h = held[i]!
            if (client.status !== 'connected') return
            if (!world.member(L.guild, client.userId)) return
            for (const [channel, ranges] of h.channels) {
              const server = referenceList(world, channel)
              const copy = h.copies.get(listIdOf(channel)) ?? []
              for (const [start, end] of ranges) {
                for (let index = start; index <= end; index++) {
                  // Past the list's end the range shows nothing: a stale row there is a member who left.
                  const shown = copy[index] === undefined ? undefined : JSON.stringify(copy[index])
                  expect(shown).toBe(server[index])
                }
              }
            }
          })
        /** Clients lose the ranges of channels they can no longer read, all of them when they leave. */
        const dropLostRanges = () =>
          held.map((h, i) => {
            const userId = clients[i]!.userId
            let lost = false
            for (const [c] of h.channels) {
              if (world.member(L.guild, userId) && world.canView(userId, c)) continue
              h.channels.delete(c)
              lost = true
            }
            return lost
          })

        for (const s of steps) {
          if (s.kind === 'release' || s.kind === 'rerequest') {
            // Let go of a channel's list; a re-request then asks for the same ranges again, as a
            // client scrolling away and back does.
            const channel = channelOf(s.channel)
            const h = held[s.client]!
            const ranges = h.channels.get(channel)
            if (!ranges || clients[s.client]!.status !== 'connected') continue
            request(s.client, { [channel]: [] })
            replaced(s.client, [channel])
            if (s.kind === 'rerequest') {
              request(s.client, { [channel]: ranges })
              h.channels.set(channel, ranges)
            }
            readFrames()
            check()
            continue
          }
          if (s.kind === 'request') {
            const client = clients[s.client]!
            const channel = channelOf(s.channel)
            if (client.status !== 'connected' || !world.member(L.guild, client.userId)) continue
            if (!world.canView(client.userId, channel)) continue
            const h = held[s.client]!
            // A full request names every channel the client holds (each with its ranges); a partial
            // one only this channel, which drops what the client held in the same list otherwise.
            const asked = new Map(s.full ? h.channels : [])
            asked.set(channel, s.ranges)
            replaced(s.client, [...asked.keys()])
            for (const [c, ranges] of asked) h.channels.set(c, ranges)
            request(s.client, Object.fromEntries(asked))
            readFrames()
            check()
            continue
          }
          const channelIds: string[] = [L.general, L.modsOnly]
          const before = new Map(channelIds.map((c) => [c, referenceList(world, c)]))
          const idsBefore = new Map(channelIds.map((c) => [c, listIdOf(c)]))
          apply(sim, sessions, s)
          const got = readFrames()
          const lost = dropLostRanges()
          held.forEach((h, i) => {
            const moved = [...h.channels.keys()].some((c) => listIdOf(c) !== idsBefore.get(c))
            for (const [channel] of h.channels) {
              const id = listIdOf(channel)
              // A list id that changed moves the ranges: INVALIDATE in the old list, SYNC in the new.
              if (id !== idsBefore.get(channel)) {
                expect(got[i]!.has(id)).toBe(true)
                continue
              }
              // Ranges that moved or were lost may send INVALIDATEs and SYNCs to any list.
              if (moved || lost[i]) continue
              const ranges = [...h.channels]
                .filter(([c]) => listIdOf(c) === id)
                .flatMap(([, rs]) => rs)
              const was = before.get(channel)!
              const after = referenceList(world, channel)
              let first = 0
              while (first < Math.max(was.length, after.length) && was[first] === after[first])
                first++
              const untouched = first >= Math.max(was.length, after.length)
              if (untouched || ranges.every(([, end]) => end < first))
                expect(got[i]!.has(id)).toBe(false)
              // …and every session holding a range that ends at or after it is told
              // (docs/design/semantics.md §6, §10).
              else expect(got[i]!.has(id)).toBe(true)
            }
          })
          check()
        }
      }),
      { numRuns: 250 },
    )
  }, 120_000)
})
