import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Intents } from './gateway/intents.ts'
import { createSimulation, internalsOf, type Simulation } from './simulation.ts'
import type { GatewayState } from './types.ts'

/**
 * docs/design/semantics.md §10 (review decisions): a closed session retains at most its id; frames
 * and payloads that no live session can still read are released. Checked on the engine's own counts
 * (the records its sessions hold, the sessions the member lists track, the topics), which do not
 * depend on when the garbage collector runs.
 */
const GUILD = '1000'
const CHANNEL = '1001'
const USERS = ['1', '2', '3']

function world(): Simulation {
  const sim = createSimulation({ resumeBufferSize: 5 })
  for (const id of USERS) sim.world.createUser({ id, username: `u${id}` })
  sim.world.createGuild({ id: GUILD, name: 'g', ownerId: '1' })
  for (const id of USERS.slice(1)) sim.world.addMember(GUILD, id)
  for (let i = 10; i < 20; i++) {
    sim.world.createUser({ id: String(i), username: `m${i}` })
    sim.world.addMember(GUILD, String(i))
  }
  sim.world.createChannel({ id: CHANNEL, guildId: GUILD })
  return sim
}

/** What the engine still keeps for sessions: it must be nothing once every session is closed. */
function kept(sim: Simulation) {
  const ctx = internalsOf(sim)
  return {
    records: ctx.dispatcher.retainedRecords(),
    listSessions: ctx.lists.trackedSessions(),
    sessions: sim.states.all().length,
    counted: sim.states.count(),
    topics: ['guild', 'channel', 'lazy_guild'].flatMap((b) => sim.dispatcher.topics(b as 'guild')),
  }
}
const NOTHING = { records: 0, listSessions: 0, sessions: 0, counted: 0, topics: [] }

type Command =
  | { kind: 'identify'; user: number; presences: boolean }
  | { kind: 'request' | 'release' | 'disconnect' | 'resume' | 'invalidate'; session: number }
  | { kind: 'dispatch'; backend: 'guild' | 'user' | 'channel'; event: number }
  | { kind: 'message' | 'presence'; user: number }
  | { kind: 'advance'; ms: number }

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('identify' as const),
    user: fc.nat(USERS.length - 1),
    presences: fc.boolean(),
  }),
  fc.record({
    kind: fc.constantFrom(
      'request' as const,
      'release' as const,
      'disconnect' as const,
      'resume' as const,
      'invalidate' as const,
    ),
    session: fc.nat(5),
  }),
  fc.record({
    kind: fc.constant('dispatch' as const),
    backend: fc.constantFrom('guild' as const, 'user' as const, 'channel' as const),
    event: fc.nat(3),
  }),
  fc.record({
    kind: fc.constantFrom('message' as const, 'presence' as const),
    user: fc.nat(USERS.length - 1),
  }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.constantFrom(1_000, 61_000) }),
)

function run(sim: Simulation, sessions: GatewayState[], c: Command): void {
  const open = 'session' in c ? sessions[c.session] : undefined
  const live = open !== undefined && open.status !== 'closed'
  switch (c.kind) {
    case 'identify':
      sessions.push(
        sim.gateway.identify({
          userId: USERS[c.user]!,
          intents: c.presences ? Intents.ALL : Intents.GUILDS | Intents.GUILD_MESSAGES,
        }),
      )
      return
    case 'request':
    case 'release':
      if (live && open.status === 'connected') {
        const ranges: [number, number][] = c.kind === 'request' ? [[0, 20]] : []
        sim.gateway.requestMemberList(open.sessionId, GUILD, { [CHANNEL]: ranges })
      }
      return
    case 'disconnect':
      if (live && open.status === 'connected') sim.gateway.disconnect(open.sessionId)
      return
    case 'resume':
      if (live) sim.gateway.resume(open.sessionId, Math.max(0, open.seq - 3))
      return
    case 'invalidate':
      if (live) sim.gateway.invalidate(open.sessionId)
      return
    case 'dispatch': {
      const key = c.backend === 'guild' ? GUILD : c.backend === 'user' ? '1' : CHANNEL
      sim.dispatcher.dispatch(c.backend, key, `EVENT_${c.event}`, { n: c.event, text: 'x' })
      return
    }
    case 'message':
      sim.actions.sendMessage(CHANNEL, USERS[c.user]!, 'hello')
      return
    case 'presence': {
      const mine = sessions.find((s) => s.userId === USERS[c.user] && s.status === 'connected')
      if (mine) sim.gateway.updatePresence(mine.sessionId, { status: 'idle' })
      return
    }
    case 'advance':
      sim.clock.advance(c.ms)
  }
}

describe('memory: what closed sessions leave', () => {
  it('leaves no record, list state or topic once every session is closed, over random histories', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 40, size: 'max' }), (commands) => {
        const sim = world()
        const sessions: GatewayState[] = []
        for (const c of commands) run(sim, sessions, c)
        for (const s of sim.states.all()) sim.gateway.invalidate(s.sessionId)
        expect(kept(sim)).toEqual(NOTHING)
      }),
      { numRuns: 150 },
    )
  }, 120_000)

  it('frees what a session was sent, op 14 and user dispatches included, when it closes', () => {
    const sim = world()
    for (let cycle = 0; cycle < 3; cycle++) {
      const s = sim.gateway.identify({ userId: '1' })
      sim.gateway.requestMemberList(s.sessionId, GUILD, { [CHANNEL]: [[0, 99]] })
      sim.dispatcher.dispatch('user', '1', 'NOTE', { text: 'kept while someone can read it' })
      expect(internalsOf(sim).dispatcher.retainedRecords()).toBeGreaterThan(0)
      sim.gateway.invalidate(s.sessionId)
      expect(kept(sim)).toEqual(NOTHING)
      // A view handed out still shows every frame the session was sent.
      expect(s.frames.map((f) => f.t)).toEqual([
        'READY',
        'GUILD_CREATE',
        'GUILD_MEMBER_LIST_UPDATE',
        'NOTE',
        null, // op 9
      ])
    }
  })

  it('keeps a record while any open session can still read it', () => {
    const sim = world()
    const a = sim.gateway.identify({ userId: '1' })
    const b = sim.gateway.identify({ userId: '1' })
    sim.dispatcher.dispatch('user', '1', 'NOTE', { text: 'shared' })
    sim.gateway.invalidate(a.sessionId)
    expect(internalsOf(sim).dispatcher.retainedRecords()).toBe(1)
    expect(b.frames.at(-1)?.d).toEqual({ text: 'shared' })
    sim.gateway.invalidate(b.sessionId)
    expect(internalsOf(sim).dispatcher.retainedRecords()).toBe(0)
  })

  it('holds an event dispatched again with an equal payload as one record, until its reader closes', () => {
    const sim = world()
    const a = sim.gateway.identify({ userId: '1' })
    const records = () => internalsOf(sim).dispatcher.retainedRecords()
    const before = records()
    for (let i = 0; i < 3; i++) sim.dispatcher.dispatch('user', '1', 'NOTE', { text: 'same' })
    expect(records()).toBe(before + 1)
    sim.dispatcher.dispatch('user', '1', 'NOTE', { text: 'other' })
    sim.dispatcher.dispatch('user', '1', 'NOTE', { text: 'same' })
    expect(records()).toBe(before + 3)
    const notes = a.frames.slice(-5)
    expect(notes.map((f) => [f.s, (f.d as { text: string }).text])).toEqual([
      [a.seq - 4, 'same'],
      [a.seq - 3, 'same'],
      [a.seq - 2, 'same'],
      [a.seq - 1, 'other'],
      [a.seq, 'same'],
    ])
    sim.gateway.invalidate(a.sessionId)
    expect(kept(sim)).toEqual(NOTHING)
  })
})
