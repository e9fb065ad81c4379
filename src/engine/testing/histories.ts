import fc from 'fast-check'
import { EngineError, GatewayCloseError } from '../errors.ts'
import { Intents } from '../gateway/intents.ts'
import { createSimulation, type Simulation } from '../simulation.ts'
import type { BackendName, PresenceStatus } from '../types.ts'
import { Permissions } from '../world/permissions.ts'

/**
 * Random histories over the whole public API (sessions, the raw dispatcher, op 3, op 14, every
 * action, world mutators, the clock), for property tests that compare two runs of one history: with
 * and without meddling listeners (`runToCompletion.property.test.ts`), original and restored from a
 * snapshot (`snapshot.property.test.ts`). Commands name things by index into what the run has made,
 * so any command fits any moment; a command the engine refuses is part of the history too.
 */

export const USERS = ['10', '20', '30', '40', '50']
/** `5 << 22` (shard 1 of 2) and `4 << 22` (shard 0 of 2). */
export const GUILDS = ['20971520', '16777216']
const GENERAL = '100'
const SECRET = '101'
const OTHER_GENERAL = '200'
const HOIST_ROLE = '300'
const PLAIN_ROLE = '301'
const INTENTS = [Intents.ALL, Intents.GUILDS, Intents.GUILDS | Intents.GUILD_MESSAGES, 0]
const STATUSES: PresenceStatus[] = ['online', 'idle', 'dnd', 'offline']
const EVENT_TYPES = ['GUILD_UPDATE', 'MESSAGE_CREATE', 'TYPING_START', 'X_CUSTOM']

/** The world every history starts from, with three sessions open, and the run's state. */
export function startHistory(
  seed = 1,
  onListenerError?: (error: unknown) => void,
): { sim: Simulation; state: HistoryState } {
  const sim = historyWorld(seed, 6, onListenerError)
  const state = newHistoryState()
  for (const [userId, intents] of [
    ['10', Intents.ALL],
    ['20', Intents.ALL],
    ['30', Intents.GUILDS],
  ] as const) {
    state.sessions.push(sim.gateway.identify({ userId, intents }).sessionId)
  }
  return { sim, state }
}

/** The world every history starts from: users, two guilds, roles, channels, a friendship. */
export function historyWorld(
  seed = 1,
  resumeBufferSize = 6,
  onListenerError?: (error: unknown) => void,
): Simulation {
  const sim = createSimulation({
    seed,
    resumeBufferSize,
    resumeWindowMs: 60_000,
    ...(onListenerError && { onListenerError }),
  })
  const { world } = sim
  USERS.forEach((id, i) => world.createUser({ id, username: `user${i}`, bot: i === 4 }))
  world.createGuild({ id: GUILDS[0]!, name: 'one', ownerId: '10' })
  world.createGuild({ id: GUILDS[1]!, name: 'two', ownerId: '10' })
  world.createRole(GUILDS[0]!, {
    id: HOIST_ROLE,
    name: 'hoisted',
    position: 1,
    hoist: true,
    permissions: Permissions.VIEW_CHANNEL,
  })
  world.createRole(GUILDS[0]!, { id: PLAIN_ROLE, name: 'plain', position: 2 })
  world.addMember(GUILDS[0]!, '20', { roles: [HOIST_ROLE] })
  world.addMember(GUILDS[0]!, '30')
  world.addMember(GUILDS[1]!, '20')
  world.addMember(GUILDS[1]!, '40')
  world.createChannel({ id: GENERAL, guildId: GUILDS[0]!, name: 'general' })
  world.createChannel({
    id: SECRET,
    guildId: GUILDS[0]!,
    name: 'secret',
    overwrites: [
      { id: GUILDS[0]!, type: 0, deny: Permissions.VIEW_CHANNEL },
      { id: HOIST_ROLE, type: 0, allow: Permissions.VIEW_CHANNEL },
    ],
  })
  world.createChannel({ id: OTHER_GENERAL, guildId: GUILDS[1]!, name: 'general' })
  world.addFriendship('10', '20')
  return sim
}

export type Command =
  | { kind: 'identify'; user: number; shard: number; intents: number; status: number }
  | { kind: 'disconnect' | 'resume' | 'invalidate' | 'fail' | 'heal'; session: number }
  | { kind: 'op14'; session: number; channel: number; ranges: number }
  | { kind: 'op3'; session: number; status: number }
  | { kind: 'advance'; ms: number }
  | {
      kind: 'dispatch'
      how: 'dispatch' | 'filter' | 'many' | 'manyList'
      backend: number
      key: number
      type: number
    }
  | { kind: 'sub' | 'unsub'; session: number; key: number }
  | { kind: 'action'; name: number; a: number; b: number; c: number }
  | { kind: 'world'; name: number; a: number; b: number }

const index = fc.nat(40)

/** One random command. */
export const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('identify' as const),
      user: index,
      shard: fc.nat(2),
      intents: fc.nat(INTENTS.length - 1),
      status: fc.nat(STATUSES.length - 1),
    }),
  },
  fc.record({
    kind: fc.constantFrom(
      'disconnect' as const,
      'resume' as const,
      'invalidate' as const,
      'fail' as const,
      'heal' as const,
    ),
    session: index,
  }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('op14' as const),
      session: index,
      channel: index,
      ranges: index,
    }),
  },
  fc.record({ kind: fc.constant('op3' as const), session: index, status: index }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.constantFrom(0, 1_000, 61_000) }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('dispatch' as const),
      how: fc.constantFrom(
        'dispatch' as const,
        'filter' as const,
        'many' as const,
        'manyList' as const,
      ),
      backend: index,
      key: index,
      type: index,
    }),
  },
  fc.record({
    kind: fc.constantFrom('sub' as const, 'unsub' as const),
    session: index,
    key: index,
  }),
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('action' as const),
      name: index,
      a: index,
      b: index,
      c: index,
    }),
  },
  fc.record({ kind: fc.constant('world' as const), name: index, a: index, b: index }),
)

/** What a run has made so far, by which commands name things. Plain data: copy it to fork a run. */
export interface HistoryState {
  /** Every session id identified, in order (closed ones too). */
  sessions: string[]
  /** Channels with a message id sent there, in order. */
  messages: [string, string][]
  /** Counter for the ids this run chooses itself (messages, roles, channels, users). */
  next: number
}

export const newHistoryState = (): HistoryState => ({ sessions: [], messages: [], next: 1 })

/** An independent copy of a run's state, to run one history on two simulations. */
export const forkHistoryState = (state: HistoryState): HistoryState =>
  JSON.parse(JSON.stringify(state)) as HistoryState

/** How a run lets a test decide what a `dispatchFilter` filter answers (and do more inside it). */
export type FilterFactory = (
  decide: (sessionId: string) => boolean,
) => (sessionId: string) => boolean

const plainFilter: FilterFactory = (decide) => decide

const pick = <T>(items: readonly T[], i: number): T => items[i % items.length] as T

/**
 * Runs one command; returns what it answered as JSON text (a refusal as its code), so two runs can be
 * compared call by call.
 */
export function runCommand(
  sim: Simulation,
  state: HistoryState,
  c: Command,
  filter: FilterFactory = plainFilter,
): string {
  try {
    return JSON.stringify(perform(sim, state, c, filter) ?? null)
  } catch (error) {
    if (error instanceof EngineError || error instanceof GatewayCloseError) {
      return `refused ${String(error.code)}`
    }
    throw error
  }
}

function perform(sim: Simulation, state: HistoryState, c: Command, filter: FilterFactory): unknown {
  // Mostly an open session; now and then any session ever identified (closed ones are refused).
  const open = sim.states.all().map((v) => v.sessionId)
  const session = (i: number) =>
    (i % 5 === 0 || open.length === 0 ? pick(state.sessions, i) : pick(open, i)) ?? 'no-session'
  const users = sim.world.users().map((u) => u.id)
  const channels = sim.world.channels().map((ch) => ch.id)
  const id = () => String(5_000 + state.next++)
  switch (c.kind) {
    case 'identify': {
      const shard: [number, number] = c.shard === 0 ? [0, 1] : [c.shard - 1, 2]
      const view = sim.gateway.identify({
        userId: pick(users, c.user),
        shard,
        intents: pick(INTENTS, c.intents),
        presence: { status: pick(STATUSES, c.status) },
      })
      state.sessions.push(view.sessionId)
      return view.sessionId
    }
    case 'disconnect':
      return sim.gateway.disconnect(session(c.session))
    case 'resume': {
      const s = sim.states.fetchRaw(session(c.session))
      return sim.gateway.resume(session(c.session), Math.max(0, (s?.seq ?? 0) - 2))
    }
    case 'invalidate':
      return sim.gateway.invalidate(session(c.session))
    case 'fail':
    case 'heal':
      return sim.gateway.failSocket(session(c.session), c.kind === 'fail')
    case 'op14': {
      const channel = pick([GENERAL, SECRET, OTHER_GENERAL], c.channel)
      const guild = channel === OTHER_GENERAL ? GUILDS[1]! : GUILDS[0]!
      const ranges = pick<[number, number][]>([[[0, 9]], [[0, 2]], [[1, 4]], []], c.ranges)
      // Now and then both channels of the first guild, whose lists differ (#secret is role-gated).
      const channels =
        guild === GUILDS[0] && c.ranges % 5 === 4
          ? { [GENERAL]: [[0, 9]] as [number, number][], [SECRET]: ranges }
          : { [channel]: ranges }
      return sim.gateway.requestMemberList(session(c.session), guild, channels)
    }
    case 'op3':
      return sim.gateway.updatePresence(session(c.session), {
        status: pick(STATUSES, c.status),
        activities: c.status % 3 === 0 ? [{ name: 'chess', type: 0 }] : [],
      })
    case 'advance':
      return sim.clock.advance(c.ms)
    case 'dispatch':
      return dispatch(sim, state, c, filter)
    case 'sub':
    case 'unsub': {
      const [backend, key] = pick<[BackendName, string]>(
        [
          ['guild', GUILDS[0]!],
          ['guild', GUILDS[1]!],
          ['channel', GENERAL],
          ['channel', SECRET],
        ],
        c.key,
      )
      return sim.dispatcher[c.kind](backend, key, session(c.session))
    }
    case 'action':
      return action(sim, state, c, users, channels, id)
    case 'world':
      return worldChange(sim, c, users, id)
  }
}

function dispatch(
  sim: Simulation,
  state: HistoryState,
  c: Extract<Command, { kind: 'dispatch' }>,
  filter: FilterFactory,
): unknown {
  const [backend, keys] = pick<[BackendName, (string | [string, string])[]]>(
    [
      ['guild', GUILDS],
      ['channel', [GENERAL, SECRET, OTHER_GENERAL]],
      ['user', USERS],
      ['friend', USERS],
      [
        'member',
        [
          [GUILDS[0]!, '20'],
          [GUILDS[1]!, '40'],
        ],
      ],
      ['lazy_guild', GUILDS],
    ],
    c.backend,
  )
  const key = pick(keys, c.key)
  const type = pick(EVENT_TYPES, c.type)
  const payload = { guild_id: GUILDS[0], n: c.key, nested: { list: [1, 'two', null] } }
  const { dispatcher } = sim
  switch (c.how) {
    case 'dispatch':
      return dispatcher.dispatch(backend, key, type, payload)
    case 'filter': {
      // Decided by the session id and the command alone, so both runs of a history agree.
      const decide = (sessionId: string) => (sessionId.charCodeAt(c.type % 32) + c.key) % 3 !== 0
      return dispatcher.dispatchFilter(backend, key, filter(decide), type, payload)
    }
    case 'many':
      return dispatcher.dispatchMany(backend, [key, pick(keys, c.key + 1)], type, payload)
    case 'manyList':
      return dispatcher.dispatchManyFilterList(
        backend,
        [key, pick(keys, c.key + 1)],
        state.sessions.slice(0, c.type % 3),
        type,
        payload,
      )
  }
}

function action(
  sim: Simulation,
  state: HistoryState,
  c: Extract<Command, { kind: 'action' }>,
  users: string[],
  channels: string[],
  id: () => string,
): unknown {
  const { actions } = sim
  const guild = pick(GUILDS, c.a)
  const user = pick(users, c.b)
  const other = pick(users, c.c)
  const channel = pick(channels, c.c)
  const roles = sim.world.roles(guild).map((r) => r.id)
  switch (c.name % 19) {
    case 0: {
      const messageId = id()
      const results = actions.sendMessage(channel, user, `hello ${c.a}`, {
        id: messageId,
        mentions: c.a % 2 === 0 ? [other] : [],
      })
      state.messages.push([channel, messageId])
      return results
    }
    case 1: {
      const [ch, m] = pick(state.messages, c.a) ?? [channel, '1']
      return actions.editMessage(ch, m, `edited ${c.b}`)
    }
    case 2: {
      const [ch, m] = pick(state.messages, c.a) ?? [channel, '1']
      return actions.deleteMessage(ch, m)
    }
    case 3:
      return actions.startTyping(channel, user)
    case 4:
      return actions.joinGuild(guild, user)
    case 5:
      return actions.leaveGuild(guild, user)
    case 6:
      return actions.createChannel({
        id: id(),
        guildId: guild,
        name: `new${c.b}`,
        ...(c.b % 2 === 0 && {
          overwrites: [{ id: guild, type: 0 as const, deny: Permissions.VIEW_CHANNEL }],
        }),
      })
    case 7:
      return actions.updateChannel(channel, {
        name: `renamed${c.a}`,
        overwrites:
          c.a % 2 === 0
            ? []
            : [
                { id: guild, type: 0, deny: Permissions.VIEW_CHANNEL },
                { id: user, type: 1, allow: Permissions.VIEW_CHANNEL },
              ],
      })
    case 8:
      // Mostly channels the run made: deleting the first ones would leave little to happen.
      return actions.deleteChannel(c.a % 4 === 0 ? channel : (pick(made(channels), c.c) ?? channel))
    case 9:
      return actions.createRole(guild, {
        id: id(),
        name: `role${c.b}`,
        position: c.b % 4,
        hoist: c.b % 2 === 0,
        permissions: c.c % 2 === 0 ? Permissions.VIEW_CHANNEL : '0',
      })
    case 10: {
      const role = pick(roles, c.b)
      const permissions = c.c % 3 === 0 ? '0' : Permissions.VIEW_CHANNEL
      // @everyone keeps its place; only its permissions change.
      return actions.updateRole(
        guild,
        role,
        role === guild
          ? { permissions }
          : { hoist: c.c % 2 === 0, position: 1 + (c.c % 3), permissions },
      )
    }
    case 11:
      return actions.deleteRole(
        guild,
        c.a % 4 === 0 ? pick(roles, c.b) : (pick(made(roles), c.b) ?? guild),
      )
    case 12:
      return actions.setMemberRoles(
        guild,
        user,
        roles.filter((r, i) => r !== guild && (c.c >> i) % 2 === 1),
      )
    case 13:
      return actions.setNick(guild, user, c.c % 3 === 0 ? null : `nick${c.c}`)
    case 14:
      return actions.addFriend(user, other)
    case 15:
      return actions.removeFriend(user, other)
    case 16:
      return actions.openDm(user, other)
    case 17:
      return actions.createGroupDm(user, [other, pick(users, c.a)])
    default:
      return actions.updateUser(user, { username: `renamed${c.c}`, avatar: null })
  }
}

/** The ids a run chose itself (see `HistoryState.next`). */
const made = (ids: readonly string[]) => ids.filter((id) => id.length === 4 && id >= '5000')

function worldChange(
  sim: Simulation,
  c: Extract<Command, { kind: 'world' }>,
  users: string[],
  id: () => string,
): unknown {
  const { world } = sim
  switch (c.name % 4) {
    case 0:
      return world.createUser({ id: id(), username: `late${c.a}` })
    case 1:
      return world.addMember(pick(GUILDS, c.a), pick(users, c.b))
    case 2:
      return world.addFriendship(pick(users, c.a), pick(users, c.b))
    default:
      return world.updateMember(pick(GUILDS, c.a), pick(users, c.b), { nick: `w${c.b}` })
  }
}
