import { createSimulation, type Frame, type Simulation } from '../../store/engineValues.ts'

/**
 * The engine's answers about sessions, asked of the engine: IDENTIFY's and a dispatch's refusals, what
 * RESUME does in each case, and the defaults (resume buffer, resume window, GUILD_CREATE's member
 * sample). The docs render these at build time, so a page cannot state another code or number.
 */

const G = '20971520'
const [ALICE, BOB] = ['10', '11']

function small(): Simulation {
  const sim = createSimulation({ seed: 1 })
  sim.world.createUser({ id: ALICE, username: 'alice' })
  sim.world.createUser({ id: BOB, username: 'bob' })
  sim.world.createGuild({ id: G, name: 'Fanout HQ', ownerId: ALICE })
  sim.world.addMember(G, BOB)
  sim.world.createChannel({ id: '100', guildId: G, name: 'general' })
  return sim
}

/** The `code` of what `run` throws (an EngineError's string or a GatewayCloseError's number). */
export function thrownCode(run: () => unknown): string | number | null {
  try {
    run()
    return null
  } catch (error) {
    const code = (error as { code?: unknown }).code
    return typeof code === 'string' || typeof code === 'number' ? code : null
  }
}

/** One refusal the docs list: the case in words, inputs that show it, and the code all of them get. */
export interface Refusal {
  readonly why: string
  readonly code: string | number
}

function refusal(why: string, runs: readonly (() => unknown)[]): Refusal {
  const codes = [...new Set(runs.map(thrownCode))]
  const [code] = codes
  if (codes.length !== 1 || code === null || code === undefined) {
    throw new Error(`facts: “${why}” is refused with ${JSON.stringify(codes)}, not one code`)
  }
  return { why, code }
}

const identifyWith = (input: object) => () =>
  small().gateway.identify({ userId: BOB, ...input } as never)

/** IDENTIFY's refusals: the close code a gateway would send, from the engine. */
export function identifyRefusals(): readonly Refusal[] {
  return [
    refusal('the user does not exist (Discord: a bad token)', [identifyWith({ userId: '99' })]),
    refusal('an invalid shard: `shardId ≥ shardCount`, a count below 1, or not integers', [
      identifyWith({ shard: [2, 2] }),
      identifyWith({ shard: [0, 0] }),
      identifyWith({ shard: [0.5, 2] }),
    ]),
    refusal('intents that are not a bitfield of the official bits', [
      identifyWith({ intents: 1 << 18 }),
      identifyWith({ intents: -1 }),
      identifyWith({ intents: 1.5 }),
    ]),
  ]
}

const dispatchWith = (backend: string, key: unknown, type: string, payload: unknown) => () =>
  small().dispatcher.dispatch(backend as never, key as never, type, payload)

/** A dispatch's refusals, checked before anything happens: the EngineError codes, from the engine. */
export function dispatchRefusals(): readonly Refusal[] {
  return [
    refusal('an unknown backend', [dispatchWith('guilds', G, 'GUILD_UPDATE', {})]),
    refusal('a key that is not a snowflake (for `member`, not a `[guildId, userId]` pair)', [
      dispatchWith('guild', '0123', 'GUILD_UPDATE', {}),
      dispatchWith('member', G, 'GUILD_UPDATE', {}),
    ]),
    refusal('an event type that is not upper-case letters, digits and underscores', [
      dispatchWith('guild', G, 'guild_update', {}),
    ]),
    refusal('a payload that is not JSON data (a function, a cycle, a `bigint`, `NaN`)', [
      dispatchWith('guild', G, 'GUILD_UPDATE', { big: 1n }),
      dispatchWith('guild', G, 'GUILD_UPDATE', { n: Number.NaN }),
      dispatchWith('guild', G, 'GUILD_UPDATE', { f: () => 1 }),
    ]),
  ]
}

/** One case of RESUME: the situation in words and what the engine answered, read from a run. */
export interface ResumeCase {
  readonly situation: string
  /** `gateway.resume`'s result, as code. */
  readonly answer?: string
  /** Or what it threw: the error's name and code. */
  readonly thrown?: { readonly name: string; readonly code: string | number }
  /** What happened to the session: the frames its socket was sent and its status after. */
  readonly effect: string
}

function frameNames(frames: readonly Frame[]) {
  const name = (f: Frame) =>
    f.op === 0
      ? `${f.t} (s = ${f.s})`
      : f.op === 9
        ? `op 9 INVALID_SESSION (\`d: ${JSON.stringify(f.d)}\`)`
        : `op ${f.op}`
  return frames.map(name).join(', ')
}

function resumeCase(
  situation: string,
  setup: (sim: Simulation, bob: string) => { id: string; seq: number },
): ResumeCase {
  const sim = small()
  const bob = sim.gateway.identify({ userId: BOB })
  const { id, seq } = setup(sim, bob.sessionId)
  const before = bob.frames.length
  let answer: Pick<ResumeCase, 'answer' | 'thrown'>
  try {
    const r = sim.gateway.resume(id, seq)
    const n = r.resumed ? r.replayed.length : 0
    answer = {
      answer: r.resumed
        ? `{ resumed: true, state, replayed: [${n} frame${n === 1 ? '' : 's'}] }`
        : `{ resumed: false, reason: '${r.reason}' }`,
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code
    answer = { thrown: { name: (error as Error).name, code: String(code) } }
  }
  const sent = bob.frames.slice(before)
  const effect =
    `${sent.length === 0 ? 'no frame' : frameNames(sent)}; ` +
    `${id === bob.sessionId ? `the session is ${bob.status}` : 'no session changes'}`
  return { situation, ...answer, effect }
}

const update = (sim: Simulation) =>
  sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { id: G, name: 'Fanout HQ' })

/** RESUME in every case the docs describe, run on the engine. */
export function resumeCases(): readonly ResumeCase[] {
  return [
    resumeCase('unknown', () => ({ id: '0'.repeat(32), seq: 0 })),
    resumeCase('closed', (sim, bob) => {
      sim.gateway.invalidate(bob)
      return { id: bob, seq: 2 }
    }),
    resumeCase('still connected', (_sim, bob) => ({ id: bob, seq: 2 })),
    resumeCase('asking for a `seq` it was never sent', (sim, bob) => {
      sim.gateway.disconnect(bob)
      return { id: bob, seq: 99 }
    }),
    resumeCase('missing a frame newer than `seq` (the buffer overflowed)', (sim, bob) => {
      sim.gateway.disconnect(bob)
      for (let i = 0; i <= resumeBufferSize(); i++) update(sim)
      return { id: bob, seq: 2 }
    }),
    resumeCase('otherwise', (sim, bob) => {
      sim.gateway.disconnect(bob)
      update(sim)
      update(sim)
      return { id: bob, seq: 2 }
    }),
  ]
}

/** The fewest `hi` for which `ok(hi)` holds, given `ok` is monotone on [lo, hi]. */
function least(lo: number, hi: number, ok: (n: number) => boolean): number {
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2)
    if (ok(mid)) hi = mid
    else lo = mid + 1
  }
  return lo
}

let bufferSize: number | undefined
/** How many frames a disconnected session keeps for RESUME, found by overflowing it. */
export function resumeBufferSize(): number {
  bufferSize ??= least(1, 10_000, (n) => {
    // n frames buffered after s = 2: does RESUME from 2 still find every one of them?
    const sim = small()
    const bob = sim.gateway.identify({ userId: BOB })
    sim.gateway.disconnect(bob.sessionId)
    for (let i = 0; i <= n; i++) update(sim)
    return !sim.gateway.resume(bob.sessionId, 2).resumed
  })
  return bufferSize
}

/** How long a disconnected session stays resumable, in ms of the simulation clock. */
export function resumeWindowMs(): number {
  return least(0, 24 * 3_600_000, (ms) => {
    const sim = small()
    const bob = sim.gateway.identify({ userId: BOB })
    sim.gateway.disconnect(bob.sessionId)
    sim.clock.advance(ms)
    return bob.status === 'closed'
  })
}

/** At most how many members GUILD_CREATE carries at IDENTIFY (Discord's `large_threshold`). */
export function guildCreateMembers(): number {
  const sim = small()
  for (let i = 0; i < 200; i++) {
    const id = String(1000 + i)
    sim.world.createUser({ id, username: `member${i}` })
    sim.world.addMember(G, id)
  }
  const bob = sim.gateway.identify({ userId: BOB })
  const create = bob.frames.find((f) => f.t === 'GUILD_CREATE')
  return ((create?.d as { members?: unknown[] } | undefined)?.members ?? []).length
}
