import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { intentFor, Intents } from './gateway/intents.ts'
import { createSimulation, type Simulation } from './simulation.ts'
import type { BackendName, DispatchResult, GatewayState } from './types.ts'

/**
 * Property tests over random histories of identify / disconnect / resume / sub / unsub / dispatch / time
 * (issue "Engine core", tests (a) and (b)). The checks use reference formulas written independently of
 * the engine: BigInt shard arithmetic, the intents table, and a client that remembers its last `s`.
 */

const USERS = ['10', '20', '30']
const GUILDS = ['20971520', '16777216'] // 5 << 22 (shard 1 of 2) and 4 << 22 (shard 0 of 2)
const CHANNELS = ['100', '200'] // one text channel in each guild
const EVENTS = [
  'GUILD_UPDATE',
  'MESSAGE_CREATE',
  'TYPING_START',
  'USER_UPDATE',
  'CHANNEL_PINS_UPDATE',
]
const INTENT_CHOICES = [Intents.ALL, Intents.GUILDS, Intents.GUILDS | Intents.GUILD_MESSAGES, 0]

type Command =
  | { kind: 'identify'; user: number; shard: [number, number]; intents: number }
  | { kind: 'disconnect' | 'resume' | 'invalidate'; session: number }
  | { kind: 'sub' | 'unsub'; session: number; guild: number }
  | { kind: 'dispatch'; backend: 'guild' | 'channel' | 'user'; target: number; event: string }
  | { kind: 'advance'; ms: number }

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('identify' as const),
    user: fc.nat(USERS.length - 1),
    shard: fc.constantFrom<[number, number]>([0, 1], [0, 2], [1, 2]),
    intents: fc.constantFrom(...INTENT_CHOICES),
  }),
  fc.record({
    kind: fc.constantFrom('disconnect' as const, 'resume' as const, 'invalidate' as const),
    session: fc.nat(7),
  }),
  fc.record({
    kind: fc.constantFrom('sub' as const, 'unsub' as const),
    session: fc.nat(7),
    guild: fc.nat(1),
  }),
  fc.record({
    kind: fc.constant('dispatch' as const),
    backend: fc.constantFrom('guild' as const, 'channel' as const, 'user' as const),
    target: fc.nat(2),
    event: fc.constantFrom(...EVENTS),
  }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.constantFrom(1_000, 30_000, 61_000) }),
)

function buildWorld(seed: number): Simulation {
  const sim = createSimulation({ seed, resumeWindowMs: 60_000 })
  USERS.forEach((id, i) => sim.world.createUser({ id, username: `user${i}` }))
  GUILDS.forEach((id, i) => {
    sim.world.createGuild({ id, name: `guild${i}`, ownerId: USERS[0]! })
    for (const user of USERS.slice(1)) sim.world.addMember(id, user)
    sim.world.createChannel({ id: CHANNELS[i]!, guildId: id, name: 'general' })
  })
  return sim
}

/** What a client tracks: the last dispatch `s` its socket received. */
function lastSeen(state: GatewayState): number {
  let s = 0
  for (const f of state.frames) if (f.op === 0 && f.s !== null) s = f.s
  return s
}

function run(
  sim: Simulation,
  commands: Command[],
  onDispatch?: (r: DispatchResult, before: string[]) => void,
) {
  const sessions: GatewayState[] = []
  for (const c of commands) {
    const session = 'session' in c ? sessions[c.session % Math.max(sessions.length, 1)] : undefined
    switch (c.kind) {
      case 'identify':
        if (sessions.length < 8) {
          sessions.push(
            sim.gateway.identify({ userId: USERS[c.user]!, shard: c.shard, intents: c.intents }),
          )
        }
        break
      case 'disconnect':
        if (session?.status === 'connected') sim.gateway.disconnect(session.sessionId)
        break
      case 'resume':
        if (session?.status === 'disconnected')
          sim.gateway.resume(session.sessionId, lastSeen(session))
        break
      case 'invalidate':
        if (session && session.status !== 'closed') sim.gateway.invalidate(session.sessionId)
        break
      case 'sub':
      case 'unsub':
        if (session && session.status !== 'closed') {
          sim.dispatcher[c.kind]('guild', GUILDS[c.guild]!, session.sessionId)
        }
        break
      case 'dispatch': {
        const backend: BackendName = c.backend
        const key =
          backend === 'guild'
            ? GUILDS[c.target % 2]!
            : backend === 'channel'
              ? CHANNELS[c.target % 2]!
              : USERS[c.target]!
        const before =
          backend === 'user'
            ? sim.states.userStates(key).map((s) => s.sessionId)
            : sim.dispatcher.subscribers(backend, key)
        const payload =
          backend === 'user'
            ? {}
            : {
                guild_id:
                  GUILDS[CHANNELS.indexOf(key) >= 0 ? CHANNELS.indexOf(key) : GUILDS.indexOf(key)],
              }
        onDispatch?.(sim.dispatcher.dispatch(backend, key, c.event, payload), before)
        break
      }
      case 'advance':
        sim.clock.advance(c.ms)
        break
    }
  }
  return sessions
}

describe('delivery over random histories', () => {
  // A property test: a few seconds of fast-check, more on a loaded machine.
  it(
    'considers each subscriber once, and delivers exactly to the connected eligible ones',
    { timeout: 30_000 },
    () => {
      fc.assert(
        fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
          const sim = buildWorld(7)
          run(sim, commands, (result, before) => {
            const considered = [
              ...result.delivered,
              ...result.buffered,
              ...result.skipped.map((s) => s.sessionId),
            ]
            expect(considered.slice().sort()).toEqual(before.slice().sort())
            const guildId =
              result.backend === 'guild'
                ? result.key
                : result.backend === 'channel'
                  ? GUILDS[CHANNELS.indexOf(result.key)]!
                  : null
            const reasons = new Map(result.skipped.map((s) => [s.sessionId, s.reason]))
            for (const id of before) {
              const state = sim.states.fetchRaw(id)!
              let expected: string
              if (
                guildId !== null &&
                Number((BigInt(guildId) >> 22n) % BigInt(state.shard[1])) !== state.shard[0]
              ) {
                expected = 'shard'
              } else if (
                guildId !== null &&
                (intentFor(result.type)?.guild ?? 0) !== 0 &&
                (state.intents & intentFor(result.type)!.guild) === 0
              ) {
                expected = 'intents'
              } else expected = state.status === 'connected' ? 'delivered' : 'buffered'
              const actual = result.delivered.includes(id)
                ? 'delivered'
                : result.buffered.includes(id)
                  ? 'buffered'
                  : reasons.get(id)
              expect(actual).toBe(expected)
            }
          })
        }),
        { numRuns: 300 },
      )
    },
  )

  // A property test: a few seconds of fast-check, more on a loaded machine.
  it(
    'gives every session a gap-free stream: s rises by one, a resume misses nothing and repeats nothing',
    { timeout: 30_000 },
    () => {
      fc.assert(
        fc.property(fc.array(command, { maxLength: 80 }), (commands) => {
          const sim = buildWorld(3)
          const sessions = run(sim, commands)
          for (const state of sessions) {
            const seen = state.frames.filter((f) => f.op === 0).map((f) => f.s)
            expect(seen).toEqual(seen.map((_, i) => i + 1))
            if (state.status === 'connected') expect(seen.length).toBe(state.seq)
          }
        }),
        { numRuns: 300 },
      )
    },
  )

  // A property test: a few seconds of fast-check, more on a loaded machine.
  it(
    'gives the same frames, byte for byte, for the same seed and calls',
    { timeout: 30_000 },
    () => {
      fc.assert(
        fc.property(fc.array(command, { maxLength: 40 }), fc.integer(), (commands, seed) => {
          const frames = (s: GatewayState[]) =>
            JSON.stringify(s.map((x) => [x.sessionId, x.frames]))
          expect(frames(run(buildWorld(seed), commands))).toBe(
            frames(run(buildWorld(seed), commands)),
          )
        }),
        { numRuns: 100 },
      )
    },
  )

  it('gives different session ids for different seeds', () => {
    const a = buildWorld(1).gateway.identify({ userId: '10' })
    const b = buildWorld(2).gateway.identify({ userId: '10' })
    expect(a.sessionId).toMatch(/^[0-9a-f]{32}$/)
    expect(a.sessionId).not.toBe(b.sessionId)
  })
})
