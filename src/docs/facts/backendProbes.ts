import { Permissions } from '../../store/engineTables.ts'
import {
  BACKEND_NAMES,
  type BackendName,
  createSimulation,
  type DispatchResult,
  type Simulation,
  type SkipReason,
} from '../../store/engineValues.ts'

/**
 * What each backend checks, asked of the engine instead of written down: one session (bob's) is put in
 * one situation at a time (another shard, no intents, no view of the channel…), an event is dispatched
 * through each backend to a key that reaches bob, and whatever the engine answers for bob is the fact.
 * The docs' tables of checks and skip reasons are drawn from these answers at build time.
 */

/** A situation bob's session is put in before the dispatch. */
export type Situation = 'filter' | 'shard' | 'intents' | 'permission' | 'range' | 'send-failed'

/** What the engine did with bob's session: the skip reason, or that it reached him. */
export type Outcome = SkipReason | 'delivered'

export const SITUATIONS: readonly { situation: Situation; words: string }[] = [
  { situation: 'filter', words: 'is rejected by a `dispatchFilter` predicate' },
  { situation: 'shard', words: 'serves another shard of the guild' },
  { situation: 'intents', words: 'lacks the event’s intent' },
  { situation: 'permission', words: 'belongs to a user who cannot view the channel now' },
  { situation: 'range', words: 'holds member-list ranges the change does not reach' },
  { situation: 'send-failed', words: 'has a socket that throws' },
]

const G = '20971520' // 5 << 22: served by shard 1 of 2
const [ALICE, BOB] = ['10', '11']
const GENERAL = '100'
const READER = '3009'
const VIEW = Permissions.VIEW_CHANNEL.toString()

function world(bobShard: [number, number], bobIntents?: number) {
  const sim = createSimulation({ seed: 1 })
  const { world, gateway } = sim
  world.createUser({ id: ALICE, username: 'alice' })
  world.createUser({ id: BOB, username: 'bob' })
  world.createGuild({ id: G, name: 'Fanout HQ', ownerId: ALICE })
  // #general is for the reader role only, which bob holds.
  world.createRole(G, { id: READER, name: 'reader' })
  world.addMember(G, BOB, { roles: [READER] })
  world.createChannel({
    id: GENERAL,
    guildId: G,
    name: 'general',
    overwrites: [
      { id: G, type: 0, deny: VIEW },
      { id: READER, type: 0, allow: VIEW },
    ],
  })
  world.addFriendship(ALICE, BOB)
  gateway.identify({ userId: ALICE })
  const bob = gateway.identify({
    userId: BOB,
    shard: bobShard,
    ...(bobIntents === undefined ? {} : { intents: bobIntents }),
  })
  gateway.requestMemberList(bob.sessionId, G, { [GENERAL]: [[0, 99]] })
  return { sim, bob: bob.sessionId }
}

/** The key through which `backend` reaches bob's session. */
function keyOf(backend: BackendName): string | [string, string] {
  switch (backend) {
    case 'guild':
    case 'lazy_guild':
      return G
    case 'channel':
      return GENERAL
    case 'member':
      return [G, BOB]
    case 'user':
      return BOB
    case 'friend':
      return ALICE // alice's news goes to her friends: bob
  }
}

function outcomeFor(result: DispatchResult, session: string): Outcome | null {
  if (result.delivered.includes(session) || result.buffered.includes(session)) return 'delivered'
  return result.skipped.find((s) => s.sessionId === session)?.reason ?? null
}

/** A gated event (MESSAGE_CREATE needs GUILD_MESSAGES in a guild channel) that every backend carries. */
const EVENT = 'MESSAGE_CREATE'
const PAYLOAD = {
  id: '5001',
  channel_id: GENERAL,
  guild_id: G,
  author: { id: ALICE },
  content: 'hi',
}

function dispatchTo(sim: Simulation, backend: BackendName, filter?: (id: string) => boolean) {
  const key = keyOf(backend)
  return filter
    ? sim.dispatcher.dispatchFilter(backend, key, filter, EVENT, PAYLOAD)
    : sim.dispatcher.dispatch(backend, key, EVENT, PAYLOAD)
}

/** What the engine does with bob's session in `situations` (all at once), dispatching via `backend`. */
export function probe(backend: BackendName, ...situations: Situation[]): Outcome | null {
  const has = (s: Situation) => situations.includes(s)
  const { sim, bob } = world(has('shard') ? [0, 2] : [0, 1], has('intents') ? 0 : undefined)
  if (has('shard')) {
    // IDENTIFY never subscribes a session to a guild it does not serve: subscribe it by hand.
    sim.dispatcher.sub('guild', G, bob)
    sim.dispatcher.sub('channel', GENERAL, bob)
  }
  // A world change only: the subscription stays, and the check at dispatch time decides.
  if (has('permission')) sim.world.updateMember(G, BOB, { roles: [] })
  if (has('send-failed')) sim.gateway.failSocket(bob, true)
  const filter = has('filter') ? (id: string) => id !== bob : undefined
  if (!has('range')) return outcomeFor(dispatchTo(sim, backend, filter), bob)
  // Only a member list's own update can miss a window: bob keeps item 0 only, and alice (item 1,
  // under the online header) goes idle. Whatever reaches bob through `backend` meanwhile is the answer.
  sim.gateway.requestMemberList(bob, G, { [GENERAL]: [[0, 0]] })
  const alice = sim.states.userStates(ALICE)[0]
  if (backend !== 'lazy_guild' || !alice) return 'delivered'
  let outcome: Outcome | null = null
  const stop = sim.inspect((e) => {
    if (e.type === 'dispatch' && e.backend === 'lazy_guild') outcome = outcomeFor(e.result, bob)
  })
  if (filter) {
    stop()
    return outcomeFor(dispatchTo(sim, backend, filter), bob)
  }
  sim.gateway.updatePresence(alice.sessionId, { status: 'idle' })
  stop()
  return outcome
}

/** Every backend against every situation, in the engine's own backend order. */
export function probeAll(): readonly {
  backend: BackendName
  outcomes: Record<Situation, Outcome | null>
}[] {
  return BACKEND_NAMES.map((backend) => ({
    backend,
    outcomes: Object.fromEntries(
      SITUATIONS.map(({ situation }) => [situation, probe(backend, situation)]),
    ) as Record<Situation, Outcome | null>,
  }))
}

/**
 * The order of the checks, as the engine applies them: when two situations each give their own reason
 * on a backend, both at once give the reason checked first. A topological order of those answers
 * (ties in the order of {@link SITUATIONS}); throws if the engine's answers contradict each other.
 */
export function checkOrder(): readonly Situation[] {
  const all = SITUATIONS.map((s) => s.situation)
  const before = new Map<Situation, Set<Situation>>(all.map((s) => [s, new Set()]))
  for (const backend of BACKEND_NAMES) {
    const own = all.filter((s) => probe(backend, s) === s)
    for (const a of own)
      for (const b of own) if (a !== b && probe(backend, a, b) === a) before.get(b)?.add(a)
  }
  const order: Situation[] = []
  while (order.length < all.length) {
    const next = all.find(
      (s) => !order.includes(s) && [...(before.get(s) ?? [])].every((p) => order.includes(p)),
    )
    if (!next) throw new Error('the engine’s checks have no consistent order')
    order.push(next)
  }
  return order
}
