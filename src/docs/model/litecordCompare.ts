import { Permissions } from '../../store/engineTables.ts'
import {
  createSimulation,
  type DispatchResult,
  type ListOp,
  type Simulation,
} from '../../store/engineValues.ts'

/**
 * Side by side with litecord: each comparison is one worked example of docs/design/litecord-notes.md §6, run now on
 * the engine. What litecord does (read from its code, as the notes record it: litecord is Python and does
 * not run here) is prose on the page, beside it.
 */
export interface Comparison {
  readonly id: string
  /** Runs the example on the engine and says what happened, line by line. */
  readonly engine: () => string[]
}

/** A comparison by id. */
export function comparison(id: string): Comparison | undefined {
  return [...COMPARISONS, ...LIST_COMPARISONS].find((c) => c.id === id)
}

/**
 * Fixture F of docs/design/litecord-notes.md §6 with the docs' cast: alice 10, bob 11 (two sessions) and
 * carol 12 in Fanout HQ (G); dave 13 outside it.
 */
export function fixtureF(setup?: (sim: Simulation) => void) {
  const sim = createSimulation({ seed: 1 })
  const { world, gateway } = sim
  for (const [id, username] of [
    ['10', 'alice'],
    ['11', 'bob'],
    ['12', 'carol'],
    ['13', 'dave'],
  ] as const)
    world.createUser({ id, username })
  world.createGuild({ id: G, name: 'Fanout HQ', ownerId: '10' })
  world.addMember(G, '11')
  world.addMember(G, '12')
  world.createChannel({ id: '100', guildId: G, name: 'general' })
  world.createChannel({
    id: '101',
    guildId: G,
    name: 'staff',
    overwrites: [{ id: G, type: 0, deny: VIEW }],
  })
  setup?.(sim)
  const offline = { status: 'offline' } as const
  const names = new Map<string, string>()
  const identify = (name: string, p: Parameters<Simulation['gateway']['identify']>[0]) => {
    const s = gateway.identify({ presence: offline, ...p })
    names.set(s.sessionId, name)
    return s
  }
  return { sim, names, identify }
}

const G = '20971520'
const VIEW = Permissions.VIEW_CHANNEL.toString()

/** "A, B2" from a result's delivered (and buffered) sessions. */
function who(names: Map<string, string>, ids: readonly string[]): string {
  return ids.map((id) => names.get(id) ?? id).join(', ') || 'nobody'
}

function reached(names: Map<string, string>, r: DispatchResult): string {
  const skipped = r.skipped.map((s) => `${names.get(s.sessionId) ?? s.sessionId} (${s.reason})`)
  return `delivered to ${who(names, r.delivered)}${r.buffered.length ? `; buffered for ${who(names, r.buffered)}` : ''}${skipped.length ? `; skipped: ${skipped.join(', ')}` : ''}`
}

const standard = (f: ReturnType<typeof fixtureF>) => {
  const A = f.identify('A', { userId: '10' })
  const B1 = f.identify('B1', { userId: '11', intents: 1 })
  const B2 = f.identify('B2', { userId: '11' })
  const C = f.identify('C', { userId: '12' })
  f.identify('D', { userId: '13' })
  return { A, B1, B2, C }
}

export const COMPARISONS: readonly Comparison[] = [
  {
    id: 'unmapped',
    engine() {
      const f = fixtureF()
      standard(f)
      return [reached(f.names, f.sim.dispatcher.dispatch('guild', G, 'USER_UPDATE', { id: '10' }))]
    },
  },
  {
    id: 'member-update',
    engine() {
      const f = fixtureF()
      standard(f)
      const r = f.sim.dispatcher.dispatch('guild', G, 'GUILD_MEMBER_UPDATE', {
        guild_id: G,
        user: { id: '11' },
        roles: [],
      })
      return [reached(f.names, r), 'B1 has GUILDS only: it passes because the update is about bob']
    },
  },
  {
    id: 'sharding',
    engine() {
      const f = fixtureF()
      const b0 = f.identify('B0', { userId: '11', shard: [0, 2] })
      const b1 = f.identify('B1', { userId: '11', shard: [1, 2] })
      const r = f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { id: G })
      const ready = (s: typeof b0) => JSON.stringify((s.frames[0]?.d as { shard: unknown }).shard)
      return [reached(f.names, r), `READY says ${ready(b0)} to B0 and ${ready(b1)} to B1`]
    },
  },
  {
    id: 'dm-intents',
    engine() {
      const f = fixtureF((sim) =>
        sim.world.createChannel({ id: '300', type: 1, recipients: ['10', '13'] }),
      )
      f.identify('A', { userId: '10' })
      f.identify('D′', { userId: '13', intents: 1 << 12 })
      f.identify('D″ (GUILD_MESSAGES only)', { userId: '13', intents: 1 << 9 })
      const r = f.sim.dispatcher.dispatch('channel', '300', 'MESSAGE_CREATE', {
        id: '7001',
        channel_id: '300',
        author: { id: '10' },
        content: 'hi dave',
      })
      return [reached(f.names, r)]
    },
  },
  {
    id: 'group-dm',
    engine() {
      const f = fixtureF((sim) =>
        sim.world.createChannel({ id: '400', type: 3, recipients: ['10', '11', '12'] }),
      )
      const { A, B1, B2, C } = standard(f)
      const payload = { id: '400', type: 3, recipients: [{ id: '10' }, { id: '11' }, { id: '12' }] }
      f.sim.dispatcher.dispatch('channel', '400', 'CHANNEL_UPDATE', payload)
      const seen = (s: typeof A) =>
        `${f.names.get(s.sessionId)} sees [${(s.frames.at(-1)?.d as { recipients: { id: string }[] }).recipients.map((u) => u.id).join(', ')}]`
      return [
        [A, B1, B2, C].map(seen).join(', '),
        `the caller’s object still lists [${payload.recipients.map((u) => u.id).join(', ')}]`,
      ]
    },
  },
  {
    id: 'bad-socket',
    engine() {
      const f = fixtureF()
      const { A } = standard(f)
      f.sim.gateway.failSocket(A.sessionId, true)
      const r = f.sim.dispatcher.dispatch('channel', '100', 'MESSAGE_UPDATE', {
        id: '5001',
        channel_id: '100',
        guild_id: G,
        author: { id: '10' },
        content: 'edited',
      })
      return [reached(f.names, r)]
    },
  },
  {
    id: 'disconnect',
    engine() {
      const f = fixtureF()
      const { B2 } = standard(f)
      const { gateway, dispatcher } = f.sim
      gateway.disconnect(B2.sessionId)
      const seq = B2.seq
      const g = dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { id: G })
      dispatcher.dispatch('channel', '100', 'TYPING_START', { channel_id: '100', user_id: '10' })
      const res = gateway.resume(B2.sessionId, seq)
      const replayed = res.resumed ? res.replayed.map((fr) => `${fr.t} s=${fr.s}`).join(', ') : ''
      const after = dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { id: G })
      return [
        `GUILD_UPDATE: ${g.buffered.includes(B2.sessionId) ? 'buffered for B2' : 'not buffered'}`,
        `RESUME replays ${replayed}`,
        `the next GUILD_UPDATE ${after.delivered.includes(B2.sessionId) ? 'reaches' : 'misses'} B2`,
      ]
    },
  },
  {
    id: 'replay',
    engine() {
      const f = fixtureF()
      const { B2 } = standard(f)
      const { gateway, dispatcher } = f.sim
      while (B2.seq < 5) dispatcher.dispatch('user', '11', 'MESSAGE_CREATE', { n: B2.seq + 1 })
      gateway.disconnect(B2.sessionId)
      dispatcher.dispatch('user', '11', 'MESSAGE_DELETE', { n: 6 })
      const res = gateway.resume(B2.sessionId, 3)
      const resumed = B2.frames.at(-1)
      return [
        `replays s = ${res.resumed ? res.replayed.map((fr) => fr.s).join(', ') : '—'}, then ${resumed?.t} with s = ${resumed?.s}`,
      ]
    },
  },
]

/** Fixture L's op 14 examples (docs/design/litecord-notes.md §6, examples 9, 10, 12). */
export const LIST_COMPARISONS: readonly Comparison[] = [
  {
    id: 'list-id',
    engine() {
      const { sim, session } = fixtureL()
      sim.gateway.requestMemberList(session('20'), '1000', { '1002': [[0, 99]] })
      const d = lastListUpdate(sim, session('20'))
      return [`"${d.id}" (standard murmur3 of "allow:2002,deny:1000")`]
    },
  },
  {
    id: 'ranges',
    engine() {
      const { sim, session } = fixtureL()
      const lines: string[] = []
      try {
        sim.gateway.requestMemberList(session('10'), '1000', {
          '1001': [
            [0, 3],
            [5, 2],
            [4, 6],
          ],
        })
      } catch (e) {
        lines.push(`refused whole: ${(e as { code?: string }).code ?? 'error'}`)
      }
      sim.gateway.requestMemberList(session('10'), '1000', {
        '1001': [
          [0, 3],
          [4, 6],
        ],
      })
      const syncs = lastListUpdate(sim, session('10')).ops.filter((o) => o.op === 'SYNC')
      lines.push(
        `[[0,3],[4,6]]: SYNCs of ${syncs.map((o) => (o.op === 'SYNC' ? o.items.length : 0)).join(' and ')} items`,
      )
      sim.gateway.requestMemberList(session('10'), '1000', { '1001': [[0, 99]] })
      const ops = lastListUpdate(sim, session('10')).ops.map(describe)
      lines.push(`then [[0,99]]: ${ops.join(', ')}`)
      return lines
    },
  },
  {
    id: 'early-abort',
    engine() {
      const { sim, session } = fixtureL()
      sim.gateway.requestMemberList(session('30'), '1000', { '1002': [[0, 99]], '1001': [[0, 99]] })
      const d = lastListUpdate(sim, session('30'))
      return [`one update for list "${d.id}": ${d.ops.map(describe).join(', ')}`]
    },
  },
]

function describe(op: ListOp): string {
  if (op.op === 'SYNC') return `SYNC ${op.range[0]}–${op.range[1]} (${op.items.length} items)`
  if (op.op === 'INVALIDATE') return `INVALIDATE ${op.range[0]}–${op.range[1]}`
  return `${op.op} ${op.index}`
}

function lastListUpdate(sim: Simulation, sessionId: string) {
  const frames = sim.states.fetchRaw(sessionId)?.frames ?? []
  const frame = [...frames].reverse().find((f) => f.t === 'GUILD_MEMBER_LIST_UPDATE')
  return (frame?.d ?? { id: '—', ops: [] }) as { id: string; ops: ListOp[] }
}

/** Fixture L: guild 1000 with hoisted Admins and Mods; #general 1001 public, #mods 1002 for Mods. */
function fixtureL() {
  const sim = createSimulation({ seed: 1 })
  const { world, gateway } = sim
  for (const [id, username] of [
    ['10', 'alice'],
    ['20', 'Bob'],
    ['30', 'carl'],
    ['40', 'dave'],
    ['50', 'Eve'],
  ] as const)
    world.createUser({ id, username })
  world.createGuild({ id: '1000', name: 'L', ownerId: '10' })
  world.createRole('1000', {
    id: '2001',
    name: 'Admins',
    position: 2,
    hoist: true,
    permissions: Permissions.ADMINISTRATOR.toString(),
  })
  world.createRole('1000', { id: '2002', name: 'Mods', position: 1, hoist: true })
  world.createRole('1000', { id: '2003', name: 'Plain', position: 3 })
  world.updateMember('1000', '10', { roles: ['2001'] })
  world.addMember('1000', '20', { roles: ['2002'] })
  world.addMember('1000', '30')
  world.addMember('1000', '40', { roles: ['2002'] })
  world.addMember('1000', '50', { roles: ['2003'] })
  world.createChannel({ id: '1001', guildId: '1000', name: 'general' })
  world.createChannel({
    id: '1002',
    guildId: '1000',
    name: 'mods',
    overwrites: [
      { id: '1000', type: 0, deny: VIEW },
      { id: '2002', type: 0, allow: VIEW },
    ],
  })
  const sessions = new Map<string, string>()
  for (const [user, status] of [
    ['10', 'online'],
    ['20', 'online'],
    ['30', 'online'],
    ['50', 'idle'],
  ] as const) {
    sessions.set(user, gateway.identify({ userId: user, presence: { status } }).sessionId)
  }
  return { sim, session: (user: string) => sessions.get(user) ?? '' }
}
