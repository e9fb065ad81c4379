import { describe, expect, it } from 'vitest'
import { createSimulation, internalsOf, restoreSimulation, type Simulation } from '../simulation.ts'
import { createRandom } from '../random.ts'
import type { Frame, GatewayState } from '../types.ts'

/**
 * Payload interning and record release against a model that deep-copies every payload (as JSON text)
 * at dispatch time: payload.ts hands an equal flat payload the last frozen copy again, the record table
 * holds a repeated event as one record, a closed session gives its records back
 * (docs/design/semantics.md §3 payloads are never mutated, §4 resume, §10 a closed session keeps
 * nothing).
 *
 * One caller object is changed in place between dispatches in every way that can fool a comparison
 * with the last copy (number and string of the same text, -0 and 0, keys reordered, added, removed,
 * undefined values, a null prototype, a Proxy, an array, nesting, a getter and NaN, which must be
 * refused), sent to a user's sessions under two event types, while sockets fail for a dispatch,
 * sessions disconnect, resume (inside and past the buffer), close (a view taken before the close is
 * read after it) and the simulation is snapshotted and restored (the restored resume buffer is then
 * built from received frames with gaps and replays in them). Users have no guild and no friends, so the only dispatches are the
 * history's own and RESUMED: the model knows every `s`.
 */
const USERS = ['11', '12', '13']

interface Model {
  state: GatewayState
  userId: string
  seq: number
  connected: boolean
  closed: boolean
  /** Every dispatch frame, `[t, s, JSON d]`, by s (the resume buffer is its tail). */
  sent: [string, number, string][]
  /** What the socket received, in order (replays included). */
  received: [string, number, string][]
}

const ours = (f: Frame): boolean =>
  f.op === 0 && (String(f.t).startsWith('X_') || f.t === 'RESUMED')
const row = (f: Frame): [string, number, string] => [
  f.t as string,
  f.s as number,
  JSON.stringify(f.d),
]

function run(seed: number, steps: number, bufferSize: number): void {
  const generator = createRandom(seed)
  const random = (): number => generator.nextUint32() / 2 ** 32
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  let sim: Simulation = createSimulation({ seed, resumeBufferSize: bufferSize })
  for (const id of USERS) sim.world.createUser({ id, username: `u${id}` })
  const models: Model[] = []
  const identify = (userId: string): void => {
    const state = sim.gateway.identify({ userId })
    const seq = Math.max(0, ...state.frames.map((f) => (f.op === 0 ? (f.s as number) : 0)))
    models.push({ state, userId, seq, connected: true, closed: false, sent: [], received: [] })
  }
  for (const id of USERS) identify(id)
  identify('11')

  // The caller's object, changed in place.
  let caller: unknown = { a: 1, b: 'x' }
  /** The caller's object to change in place (a fresh one when it is not an object now). */
  const o = (): Record<string, unknown> =>
    (caller !== null && typeof caller === 'object' ? caller : (caller = { a: 1 })) as Record<
      string,
      unknown
    >
  const mutations: (() => void)[] = [
    () => void (o()['a'] = 1),
    () => void (o()['a'] = '1'),
    () => void (o()['a'] = -0),
    () => void (o()['a'] = 0),
    () => void (o()['a'] = undefined),
    () => void (o()['a'] = null),
    () => void (o()['a'] = true),
    () => void (o()['c'] = 'c'),
    () => void delete o()['c'],
    () => void delete o()['a'],
    () => {
      // Same names and values, another order.
      const old = o()
      caller = Object.fromEntries(Object.entries(old).reverse())
    },
    () => (caller = Object.assign(Object.create(null) as object, o())),
    () => (caller = new Proxy({ ...o() }, {})),
    () => (caller = { ...o() }),
    () => (caller = [1, 'x']),
    () => (caller = { a: { b: 1 } }),
    () => (caller = { a: 1, b: 'x' }),
    () => (caller = { b: 'x', a: 1 }),
    () => (caller = { 1: 'one', a: 1 }),
    () => (caller = {}),
    () => (caller = null),
    () => (caller = 'x'),
  ]
  const invalid: (() => unknown)[] = [
    () => ({ ...(caller as object), n: Number.NaN }),
    () => Object.defineProperty({ a: 1 }, 'b', { get: () => 'x', enumerable: true }),
  ]

  const compare = (m: Model, where: string): void => {
    expect(m.state.frames.filter(ours).map(row), `${where}: ${m.state.sessionId}`).toEqual(
      m.received,
    )
  }

  for (let step = 0; step < steps; step++) {
    const where = `seed ${seed} step ${step}`
    const open = models.filter((m) => !m.closed)
    const roll = random()
    if (roll < 0.45) {
      if (random() < 0.6) pick(mutations)()
      const userId = pick(USERS)
      const t = pick(['X_A', 'X_B'])
      const text = JSON.stringify(caller)
      // Sometimes one connected recipient's socket fails for this dispatch: its seq and resume buffer
      // still advance, its socket gets nothing (a gap in what it received: docs/design/semantics.md §4).
      const failing =
        random() < 0.2 ? open.find((m) => m.userId === userId && m.connected) : undefined
      if (failing) sim.gateway.failSocket(failing.state.sessionId, true)
      sim.dispatcher.dispatch('user', userId, t, caller)
      if (failing) sim.gateway.failSocket(failing.state.sessionId, false)
      for (const m of open) {
        if (m.userId !== userId) continue
        const frame: [string, number, string] = [t, ++m.seq, text]
        m.sent.push(frame)
        if (m.connected && m !== failing) m.received.push(frame)
      }
    } else if (roll < 0.5) {
      const before = caller
      const bad = pick(invalid)()
      expect(() => sim.dispatcher.dispatch('user', pick(USERS), 'X_BAD', bad), where).toThrow()
      caller = before
    } else if (roll < 0.6 && open.length > 0) {
      const m = pick(open)
      if (m.connected) {
        sim.gateway.disconnect(m.state.sessionId)
        m.connected = false
      }
    } else if (roll < 0.72 && models.length > 0) {
      const m = pick(models)
      // Mostly inside the buffer (and its edge), sometimes anywhere.
      const back = random() < 0.8 ? Math.floor(random() * (bufferSize + 2)) : m.seq
      const seq = Math.max(0, m.seq - Math.floor(random() * (back + 1)))
      const result = sim.gateway.resume(m.state.sessionId, seq)
      if (m.closed) expect(result.resumed, where).toBe(false)
      else if (m.connected)
        expect(result, where).toEqual({ resumed: false, reason: 'still-connected' })
      else if (seq < m.seq - bufferSize) {
        expect(result, where).toEqual({ resumed: false, reason: 'events-lost' })
        m.closed = true
      } else {
        expect(result.resumed, where).toBe(true)
        if (!result.resumed) continue
        const replay = m.sent.filter(([, s]) => s > seq)
        expect(result.replayed.filter(ours).map(row), where).toEqual(replay)
        m.received.push(...replay)
        const resumed: [string, number, string] = ['RESUMED', ++m.seq, JSON.stringify(null)]
        const frame = result.state.frames.filter(ours).at(-1) as Frame
        resumed[2] = JSON.stringify(frame.d)
        m.sent.push(resumed)
        m.received.push(resumed)
        m.connected = true
      }
    } else if (roll < 0.8 && open.length > 0) {
      const m = pick(open)
      sim.gateway.invalidate(m.state.sessionId)
      m.closed = true
    } else if (roll < 0.85) {
      identify(pick(USERS))
    } else if (roll < 0.9) {
      sim = restoreSimulation(sim.snapshot())
      for (const m of models) {
        if (m.closed) continue
        const state = sim.states.fetchRaw(m.state.sessionId)
        expect(state, where).toBeDefined()
        m.state = state as GatewayState
      }
    } else {
      // Read some views now, others only later (after a close, after the record was reused).
      for (const m of models) if (random() < 0.5) compare(m, where)
    }
  }
  for (const m of models) compare(m, `seed ${seed} end`)
  for (const m of models) if (!m.closed) sim.gateway.invalidate(m.state.sessionId)
  for (const m of models) compare(m, `seed ${seed} after closing all`)
  expect(internalsOf(sim).dispatcher.retainedRecords(), `seed ${seed}`).toBe(0)
}

describe('payload interning and record release against a deep-copy model', () => {
  it('every frame, replay and view after close matches the model, and closing all keeps no record', () => {
    for (let seed = 1; seed <= 40; seed++) run(seed, 150, 1 + (seed % 6) * 3)
  }, 60_000)
})
