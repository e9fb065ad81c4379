import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BASE_TIME_LIMIT_MS, DEFAULT_LIMITS, type PageMessage } from './protocol.ts'
import { createSandboxRunner, START_LIMIT_MS, type SandboxWorker } from './runScript.ts'

/** A worker the test drives: it records what the page posts and answers with whatever the test says. */
class FakeWorker implements SandboxWorker {
  posted: PageMessage[] = []
  onMessage: ((data: unknown) => void) | null = null
  onExit: ((message: string) => void) | null = null
  terminated: { wholeFrame: boolean } | null = null
  post(message: PageMessage) {
    this.posted.push(message)
  }
  terminate(options?: { wholeFrame?: boolean }) {
    this.terminated ??= { wholeFrame: options?.wholeFrame ?? false }
  }
  /** The id the page gave this worker's requests. */
  get id() {
    return this.posted[0]?.id ?? -1
  }
  send(message: Record<string, unknown>) {
    this.onMessage?.({ id: this.id, ...message })
  }
}

let workers: FakeWorker[]
let clock: number
const spawn = () => {
  const w = new FakeWorker()
  workers.push(w)
  return w
}
const runner = () => createSandboxRunner(spawn, () => clock)
const key = (cursor: number, steps: unknown = STEPS) => ({ steps, cursor })
const STEPS: unknown[] = []
const base = () => ({ seed: 1, calls: [] })
const request = (code = 'x', timeLimitMs = 2_000) => ({
  code,
  base,
  baseKey: key(0),
  timeLimitMs,
})
const CALL = { target: 'dispatcher', method: 'dispatch', args: ['guild', '1', 'X', {}] }

beforeEach(() => {
  workers = []
  clock = 0
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

/** Lets promise callbacks run (fake timers do not hold those back). */
const settle = () => vi.advanceTimersByTimeAsync(0)

describe('the sandbox runner', () => {
  it('runs each request in a fresh worker, thrown away after its run', async () => {
    const r = runner()
    for (let i = 0; i < 2; i++) {
      const outcome = r.run(request())
      const w = workers.at(-1)!
      expect(w.posted[0]).toMatchObject({ type: 'base', base: { seed: 1 } })
      w.send({ type: 'ready' })
      await settle()
      expect(w.posted[1]).toMatchObject({ type: 'run', code: 'x', limits: DEFAULT_LIMITS })
      w.send({ type: 'started' })
      clock += 12
      w.send({ type: 'done', calls: [CALL], droppedLines: 0 })
      await expect(outcome).resolves.toEqual({
        status: 'done',
        calls: [CALL],
        ms: 12,
        droppedLines: 0,
      })
      expect(w.terminated).toEqual({ wholeFrame: false })
    }
    expect(workers).toHaveLength(2)
  })

  it('refuses a second run while one is in progress (busy)', async () => {
    const r = runner()
    void r.run(request())
    await expect(r.run(request())).rejects.toThrow('a run is already in progress')
  })

  it('uses the standby prepared for the same position (holds), and a new worker for another', async () => {
    const r = runner()
    r.prepare({ base, baseKey: key(0) })
    r.prepare({ base, baseKey: key(0) }) // the same position: kept
    expect(workers).toHaveLength(1)
    workers[0]!.send({ type: 'ready' })
    await settle()
    void r.run(request())
    await settle()
    expect(workers).toHaveLength(1)
    expect(workers[0]!.posted.map((m) => m.type)).toEqual(['base', 'run'])

    const other = runner()
    other.prepare({ base, baseKey: key(0) })
    const standby = workers.at(-1)!
    void other.run({ ...request(), baseKey: key(1) })
    expect(standby.terminated).not.toBeNull()
    expect(workers.at(-1)).not.toBe(standby)
  })

  it('gives building the base its own limit (the base timer), then reports it', async () => {
    const r = runner()
    const outcome = r.run(request())
    await vi.advanceTimersByTimeAsync(BASE_TIME_LIMIT_MS)
    await expect(outcome).resolves.toEqual({
      status: 'crashed',
      message: `building the timeline took over ${BASE_TIME_LIMIT_MS / 1000} s`,
    })
    expect(workers[0]!.terminated).toEqual({ wholeFrame: true })
  })

  it('counts the user timer from "started", and ends a run past it with its frame', async () => {
    const r = runner()
    const outcome = r.run(request('while (true) {}', 2_000))
    await vi.advanceTimersByTimeAsync(BASE_TIME_LIMIT_MS - 1) // building is not the user's time
    workers[0]!.send({ type: 'ready' })
    await settle()
    workers[0]!.send({ type: 'started' })
    await vi.advanceTimersByTimeAsync(1_999)
    expect(workers[0]!.terminated).toBeNull()
    await vi.advanceTimersByTimeAsync(1)
    await expect(outcome).resolves.toEqual({ status: 'timeout', limitMs: 2_000 })
    expect(workers[0]!.terminated).toEqual({ wholeFrame: true })
  })

  it('stops a worker that never starts the code', async () => {
    const r = runner()
    const outcome = r.run(request())
    workers[0]!.send({ type: 'ready' })
    await vi.advanceTimersByTimeAsync(START_LIMIT_MS)
    await expect(outcome).resolves.toMatchObject({ status: 'crashed' })
  })

  it('reports a worker that crashed, and the next run gets a new one', async () => {
    const r = runner()
    const outcome = r.run(request())
    workers[0]!.send({ type: 'ready' })
    await settle()
    workers[0]!.send({ type: 'started' })
    workers[0]!.onExit?.('out of memory')
    await expect(outcome).resolves.toEqual({ status: 'crashed', message: 'out of memory' })
    void r.run(request())
    expect(workers).toHaveLength(2)
  })

  it('reports a worker that could not be made', async () => {
    const r = createSandboxRunner(() => {
      throw new Error('no workers here')
    })
    await expect(r.run(request())).resolves.toEqual({
      status: 'crashed',
      message: 'the sandbox could not start (no workers here)',
    })
  })

  it('measures the run itself: a duration the worker reports is not read', async () => {
    const r = runner()
    const outcome = r.run(request())
    workers[0]!.send({ type: 'ready' })
    await settle()
    clock = 1_000
    workers[0]!.send({ type: 'started' })
    clock = 1_040
    workers[0]!.send({ type: 'done', calls: [], droppedLines: 0, ms: -123456825 })
    await expect(outcome).resolves.toMatchObject({ status: 'done', ms: 40 })
  })

  describe('checks every message as untrusted input (nothing of a bad run is applied)', () => {
    const run = async (...messages: Record<string, unknown>[]) => {
      const r = runner()
      const lines: unknown[] = []
      const outcome = r.run({ ...request('a\nb\nc'), onConsole: (l) => lines.push(...l) })
      const w = workers.at(-1)!
      w.send({ type: 'ready' })
      await settle()
      w.send({ type: 'started' })
      for (const m of messages) w.send(m)
      return { outcome: await Promise.race([outcome, settle().then(() => null)]), lines }
    }

    it('past the call cap', async () => {
      const calls = Array.from({ length: DEFAULT_LIMITS.calls + 1 }, () => CALL)
      const { outcome } = await run({ type: 'done', calls, droppedLines: 0 })
      expect(outcome).toEqual({
        status: 'invalid',
        message: '1,001 calls, more than the 1,000 a run may make',
      })
    })

    it('a call the sandbox never makes, a group that is not text, a label of a megabyte', async () => {
      for (const call of [
        { target: 'world', method: 'users', args: [] },
        { ...CALL, group: { toString: 1 } },
        { ...CALL, label: 'x'.repeat(1_000_000) },
        { ...CALL, args: [Infinity] },
      ]) {
        const { outcome } = await run({ type: 'done', calls: [call], droppedLines: 0 })
        expect(outcome).toMatchObject({
          status: 'invalid',
          message: expect.stringMatching(/^call 1: /),
        })
      }
    })

    it('Console lines that are objects, too long, or too many', async () => {
      const long = { level: 'log', text: 'x'.repeat(10_000) }
      for (const lines of [
        [{ level: 'log', text: { a: 1 } }],
        [long],
        [{ level: 'boom', text: '' }],
      ]) {
        const { outcome, lines: shown } = await run({ type: 'console', lines })
        expect(outcome).toMatchObject({ status: 'invalid' })
        expect(shown).toEqual([])
      }
      const batch = Array.from({ length: 50 }, () => ({ level: 'log', text: 'x' }))
      const many = Array.from({ length: DEFAULT_LIMITS.lines / 50 + 1 }, () => ({
        type: 'console',
        lines: batch,
      }))
      const { outcome } = await run(...many)
      expect(outcome).toEqual({ status: 'invalid', message: 'more than 2,000 Console lines' })
    })

    it('a failure on a line the code does not have, or with an endless message', async () => {
      const failure = { kind: 'runtime', name: 'Error', message: 'x' }
      const bad = [
        { ...failure, line: 987654321 },
        { ...failure, line: 0 },
        { ...failure, message: 'x'.repeat(30_000) },
        { ...failure, kind: 'mine' },
      ]
      for (const f of bad) {
        const { outcome } = await run({ type: 'failed', failure: f, droppedLines: 0 })
        expect(outcome).toMatchObject({ status: 'invalid' })
      }
      const { outcome } = await run({
        type: 'failed',
        failure: { ...failure, line: 3 },
        droppedLines: 0,
      })
      expect(outcome).toMatchObject({ status: 'failed', failure: { line: 3 } })
    })

    it('a message for another run, or out of order', async () => {
      const r = runner()
      const outcome = r.run(request())
      workers[0]!.send({ type: 'ready' })
      await settle()
      workers[0]!.onMessage?.({ id: 999, type: 'started' })
      await expect(outcome).resolves.toMatchObject({ status: 'invalid' })
      const second = r.run(request())
      workers[1]!.send({ type: 'ready' })
      await settle()
      workers[1]!.send({ type: 'done', calls: [], droppedLines: 0 })
      await expect(second).resolves.toEqual({
        status: 'invalid',
        message: 'a "done" message before the code started',
      })
    })
  })
})
