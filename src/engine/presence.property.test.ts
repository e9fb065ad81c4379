import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Intents } from './gateway/intents.ts'
import { createSimulation } from './simulation.ts'
import type { Frame, GatewayState, PresenceStatus } from './types.ts'

/**
 * docs/design/semantics.md §7 and §10 over random histories of op 3, op 14 requests and releases:
 * every time a user's presence changes, each other session of the guild with GUILD_PRESENCES learns
 * it exactly once — through a member-list op that carries the user's row with the new status, or
 * else through PRESENCE_UPDATE — and sessions without GUILD_PRESENCES, or of the user itself, never
 * get PRESENCE_UPDATE.
 */
const GUILD = '1000'
const CHANNEL = '1001'
const USERS = Array.from({ length: 12 }, (_, i) => String(i + 1))
const STATUSES: PresenceStatus[] = ['online', 'idle', 'dnd', 'offline']

type Step =
  | { kind: 'presence'; user: number; status: PresenceStatus }
  | { kind: 'request'; user: number; start: number; length: number }
  | { kind: 'release'; user: number }

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
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('request' as const),
      user: fc.nat(USERS.length - 1),
      start: fc.nat(14),
      length: fc.nat(4),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('release' as const), user: fc.nat(USERS.length - 1) }),
  },
)

/** Ops of the member-list updates among `frames` that carry `userId`'s row with `status`. */
function carried(frames: readonly Frame[], userId: string, status: string): number {
  let count = 0
  for (const frame of frames) {
    if (frame.t !== 'GUILD_MEMBER_LIST_UPDATE') continue
    const ops = (frame.d as { ops: { items?: unknown[]; item?: unknown }[] }).ops
    for (const op of ops) {
      for (const item of op.items ?? (op.item === undefined ? [] : [op.item])) {
        const member = (item as { member?: { user: { id: string }; presence: { status: string } } })
          .member
        if (member?.user.id === userId && member.presence.status === status) count++
      }
    }
  }
  return count
}

describe('presence through member lists, over random histories', () => {
  it('reaches each GUILD_PRESENCES session exactly once: by a list op with the row, or PRESENCE_UPDATE', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: USERS.length, maxLength: USERS.length }),
        fc.array(step, { minLength: 5, maxLength: 40, size: 'max' }),
        (presenceIntent, steps) => {
          const sim = createSimulation()
          USERS.forEach((id, i) => sim.world.createUser({ id, username: `u${(i * 7) % 12}` }))
          sim.world.createGuild({ id: GUILD, name: 'g', ownerId: USERS[0]! })
          for (const id of USERS.slice(1)) sim.world.addMember(GUILD, id)
          sim.world.createChannel({ id: CHANNEL, guildId: GUILD })
          const statuses = USERS.map((_, i) => STATUSES[i % STATUSES.length]!)
          const sessions: GatewayState[] = USERS.map((id, i) =>
            sim.gateway.identify({
              userId: id,
              intents: presenceIntent[i] ? Intents.ALL : Intents.GUILDS,
              presence: { status: statuses[i]! },
            }),
          )
          for (const s of steps) {
            const session = sessions[s.user]!
            if (s.kind === 'request') {
              const range: [number, number] = [s.start, s.start + s.length]
              sim.gateway.requestMemberList(session.sessionId, GUILD, { [CHANNEL]: [range] })
              continue
            }
            if (s.kind === 'release') {
              sim.gateway.requestMemberList(session.sessionId, GUILD, { [CHANNEL]: [] })
              continue
            }
            const userId = USERS[s.user]!
            const marks = sessions.map((other) => other.frames.length)
            sim.gateway.updatePresence(session.sessionId, { status: s.status })
            if (statuses[s.user] === s.status) {
              // The same presence again changes nothing and sends nothing (docs/design/semantics.md §7).
              sessions.forEach((other, i) => expect(other.frames.length).toBe(marks[i]))
              continue
            }
            statuses[s.user] = s.status
            sessions.forEach((other, i) => {
              const frames = other.frames.slice(marks[i])
              const updates = frames.filter(
                (f) =>
                  f.t === 'PRESENCE_UPDATE' &&
                  (f.d as { user: { id: string }; guild_id?: string }).user.id === userId &&
                  (f.d as { guild_id?: string }).guild_id === GUILD,
              ).length
              if (other.userId === userId || !presenceIntent[i]) {
                expect(updates).toBe(0)
                return
              }
              const byList = carried(frames, userId, s.status) > 0
              expect(updates).toBe(byList ? 0 : 1)
            })
          }
        },
      ),
      { numRuns: 150 },
    )
  }, 120_000)
})
