import { describe, expect, it } from 'vitest'
import { scenarioById } from '../scenarios/index.ts'
import { applyCall, createCallEngine, type EngineCall } from '../calls/index.ts'
import type { SandboxBase, WorkerMessage } from './protocol.ts'
import { createTestSandbox } from './testing.ts'

const intents = scenarioById('intents')!
const BASE: SandboxBase = { seed: intents.seed, calls: intents.calls }
const GUILD = '20971520'

type Done = Extract<WorkerMessage, { type: 'done' }>
type Failed = Extract<WorkerMessage, { type: 'failed' }>
const done = (m: WorkerMessage | undefined) => {
  expect(m?.type, JSON.stringify(m)).toBe('done')
  return m as Done
}
const failed = (m: WorkerMessage | undefined) => {
  expect(m?.type, JSON.stringify(m)).toBe('failed')
  return (m as Failed).failure
}

/** Replays a base and recorded calls on a fresh engine: what the page does. */
function replay(base: SandboxBase, calls: readonly EngineCall[]) {
  const run = createCallEngine(base.seed)
  for (const call of [...base.calls, ...calls]) applyCall(run, call)
  return run
}

describe('sandbox session', () => {
  it('runs code against the base and answers with one call per change, in order', () => {
    const box = createTestSandbox()
    const { posted, last } = box.run(
      `const g = world.guilds()[0].id
for (let i = 0; i < 3; i++) dispatcher.dispatch('guild', g, 'GUILD_UPDATE', { name: 'n' + i })
console.log('sessions', states.all().length)`,
      BASE,
    )
    expect(posted[0]).toEqual({ type: 'started', id: 1 })
    const { calls } = done(last)
    expect(calls).toEqual(
      [0, 1, 2].map((i) => ({
        target: 'dispatcher',
        method: 'dispatch',
        args: ['guild', GUILD, 'GUILD_UPDATE', { name: `n${i}` }],
      })),
    )
    expect(box.run('console.log(1)').lines).toEqual([{ level: 'log', text: '1' }])
  })

  it('records nothing for reads and for calls that change nothing', () => {
    const box = createTestSandbox()
    const { last } = box.run(
      `const s = states.all()[0].sessionId
dispatcher.sub('guild', '${GUILD}', s) // already subscribed at IDENTIFY: no change
gateway.resume('no-such-session', 0)
dispatcher.subscribers('guild', '${GUILD}'); world.users(); sim.clock.now()`,
      BASE,
    )
    expect(done(last).calls).toEqual([])
  })

  it('keeps its engine between runs: the second run sees the first run’s calls', () => {
    const box = createTestSandbox()
    done(box.run(`gateway.identify({ userId: '11' })`, BASE).last)
    const { lines } = box.run(`console.log(states.userStates('11').length)`)
    expect(lines).toEqual([{ level: 'log', text: '2' }])
  })

  it('records session ids the page will reproduce (same seed, same calls)', () => {
    const box = createTestSandbox()
    const { calls } = done(
      box.run(
        `const s = gateway.identify({ userId: '11' })
gateway.disconnect(s.sessionId)`,
        BASE,
      ).last,
    )
    const page = replay(BASE, calls)
    const id = (calls[1]?.args[0] ?? '') as string
    expect(page.sim.states.fetchRaw(id)?.status).toBe('disconnected')
  })

  it('reports an uncaught engine refusal with its code and line, and applies nothing', () => {
    const box = createTestSandbox()
    const failure = failed(
      box.run(
        `dispatcher.dispatch('guild', '${GUILD}', 'GUILD_UPDATE', {})
// a typo in the backend name
dispatcher.dispatch('guilds', '${GUILD}', 'GUILD_UPDATE', {})`,
        BASE,
      ).last,
    )
    expect(failure).toMatchObject({
      kind: 'engine',
      name: 'EngineError',
      code: 'UNKNOWN_BACKEND',
      line: 3,
    })
    // The first dispatch was undone: the engine is rebuilt before the next run.
    const { lines } = box.run(
      `console.log(inspectCount())
function inspectCount() { let n = 0; const stop = inspect(() => n++); dispatcher.dispatch('guild', '${GUILD}', 'X', {}); stop(); return n }`,
    )
    expect(lines).toEqual([{ level: 'log', text: '1' }])
  })

  it('lets the engine refuse changes from an inspect listener (REENTRANT_CALL), shows it, and records only the outer call', () => {
    const box = createTestSandbox()
    const { last, lines } = box.run(
      `inspect((e) => { if (e.type === 'dispatch') dispatcher.dispatch('guild', '${GUILD}', 'AGAIN', {}) })
dispatcher.dispatch('guild', '${GUILD}', 'GUILD_UPDATE', {})`,
      BASE,
    )
    expect(done(last).calls.map((c) => c.args[2])).toEqual(['GUILD_UPDATE'])
    expect(lines).toContainEqual({
      level: 'error',
      text: expect.stringMatching(
        /^inspect listener threw: EngineError REENTRANT_CALL: .*Make the call after dispatcher\.dispatch returns/,
      ),
    })
  })

  it('gives a call made from inside another the engine’s refusal, whatever its arguments hold', () => {
    // Arguments no call could carry (a function in a payload, a filter function) are the engine's to
    // refuse from inside a call, not the recorder's to read: the code meets REENTRANT_CALL.
    const box = createTestSandbox()
    const { last, lines } = box.run(
      `inspect((e) => {
  if (e.type === 'dispatch') dispatcher.dispatch('guild', '${GUILD}', 'AGAIN', { f: () => 1 })
})
dispatcher.dispatchFilter('guild', '${GUILD}', (id) => {
  try { dispatcher.dispatchFilter('guild', '${GUILD}', () => true, 'X', {}) } catch (e) { console.log(e.code) }
  return true
}, 'GUILD_UPDATE', {})`,
      BASE,
    )
    expect(done(last).calls.map((c) => c.method)).toEqual(['dispatchFilter'])
    expect(lines.filter((l) => l.level === 'log').map((l) => l.text)).toEqual(
      Array.from({ length: 3 }, () => 'REENTRANT_CALL'),
    )
    expect(lines.filter((l) => l.level === 'error').map((l) => l.text)).toEqual([
      expect.stringMatching(/^inspect listener threw: EngineError REENTRANT_CALL: /),
    ])
  })

  it('lets code that catches a refusal go on: the refused call records nothing', () => {
    const box = createTestSandbox()
    const { last, lines } = box.run(
      `try { gateway.identify({ userId: '999' }) } catch (e) {
  console.log(e instanceof GatewayCloseError, e.code)
}
dispatcher.dispatch('guild', '${GUILD}', 'GUILD_UPDATE', {})`,
      BASE,
    )
    expect(lines).toEqual([{ level: 'log', text: 'true 4004' }])
    expect(done(last).calls).toHaveLength(1)
  })

  it('reports syntax errors and runtime errors with their line', () => {
    const box = createTestSandbox()
    expect(failed(box.run(`const a = 1\n\nfoo(;`, BASE).last)).toMatchObject({
      kind: 'syntax',
      line: 3,
    })
    expect(failed(box.run(`const a: number = 1\nconst b = null as any\nb.x`).last)).toMatchObject({
      kind: 'runtime',
      name: 'TypeError',
      line: 3,
    })
    expect(failed(box.run(`throw 'plain'`).last)).toMatchObject({ message: 'the code threw plain' })
  })

  it('refuses the network with a clear message', () => {
    const box = createTestSandbox()
    const failure = failed(box.run(`fetch('http://example.com')`, BASE).last)
    expect(failure).toMatchObject({ kind: 'runtime', name: 'ReferenceError', line: 1 })
    expect(failure.message).toBe(
      'fetch is not available: code in the playground runs without network, storage or workers',
    )
  })

  it('records dispatchFilter with a function as the sessions it accepted, which replays exactly', () => {
    const box = createTestSandbox()
    const { calls } = done(
      box.run(
        `const bob = states.userStates('11')[0].sessionId
const r = dispatcher.dispatchFilter('guild', '${GUILD}', (id) => id !== bob, 'GUILD_UPDATE', {})
console.log(r.delivered.length, r.skipped.map((s) => s.reason).join())`,
        BASE,
      ).last,
    )
    const [call] = calls
    expect(call?.method).toBe('dispatchFilter')
    const only = (call?.args[2] as { $only: string[] }).$only
    expect(only).toHaveLength(2)
    const page = replay(BASE, [])
    const result = applyCall(page, call!) as { delivered: string[]; skipped: { reason: string }[] }
    expect(result.delivered).toHaveLength(1) // logbot is skipped for intents, as in the worker
    expect(result.skipped.map((s) => s.reason).sort()).toEqual(['filter', 'intents'])
  })

  it('fails a run whose filter threw part-way, and restores the engine', () => {
    const box = createTestSandbox()
    const failure = failed(
      box.run(
        `try { dispatcher.dispatchFilter('guild', '${GUILD}', () => { throw new Error('no') }, 'X', {}) } catch {}`,
        BASE,
      ).last,
    )
    expect(failure.kind).toBe('unsafe')
    expect(failure.message).toMatch(/FILTER_FAILED|filter threw/)
  })

  it('stops at the cap on calls, even when the code catches it', () => {
    const box = createTestSandbox()
    const failure = failed(
      box.run(
        `for (let i = 0; i < 10; i++) { try { dispatcher.dispatch('guild', '${GUILD}', 'X', {}) } catch {} }`,
        BASE,
        { calls: 5, lines: 10 },
      ).last,
    )
    expect(failure).toMatchObject({ kind: 'limit' })
    expect(failure.message).toMatch(/more than 5 engine calls/)
  })

  it('keeps at most the line limit of Console output and counts the rest', () => {
    const box = createTestSandbox()
    const { last, lines } = box.run(`for (let i = 0; i < 25; i++) console.log(i)`, BASE, {
      calls: 5,
      lines: 10,
    })
    expect(lines).toHaveLength(10)
    expect(done(last).droppedLines).toBe(15)
  })

  it('refuses arguments a recorded call cannot carry, and turns bigints into strings', () => {
    const box = createTestSandbox()
    expect(
      failed(box.run(`dispatcher.dispatch('guild', '${GUILD}', 'X', { f() {} })`, BASE).last)
        .message,
    ).toBe('dispatcher.dispatch: argument 4.f is a function; a call can only carry data')
    const { calls } = done(
      box.run(
        `actions.createRole('${GUILD}', { name: 'mods', permissions: Permissions.VIEW_CHANNEL })`,
      ).last,
    )
    expect(calls[0]?.args[1]).toEqual({ name: 'mods', permissions: '1024' })
  })

  it('gives dispatchManyFilterList’s list the sessions reached, as the engine does', () => {
    const box = createTestSandbox()
    const { lines } = box.run(
      `const seen: string[] = []
const back = dispatcher.dispatchManyFilterList('guild', ['${GUILD}', '${GUILD}'], seen, 'X', {})
console.log(back === seen, seen.length)`,
      BASE,
    )
    expect(lines).toEqual([{ level: 'log', text: 'true 3' }]) // three sessions, each once across both keys
  })

  it('seals what the code got once its run is over', () => {
    const box = createTestSandbox()
    done(box.run(`globalThis.kept = dispatcher`, BASE).last)
    const failure = failed(box.run(`globalThis.kept.dispatch('guild', '${GUILD}', 'X', {})`).last)
    expect(failure.message).toMatch(/this run is over/)
    delete (globalThis as Record<string, unknown>).kept
  })

  it('says when the base cannot be built', () => {
    const box = createTestSandbox()
    const { last } = box.run('1', {
      seed: 1,
      calls: [{ target: 'gateway', method: 'identify', args: [{ userId: '1' }] }],
    })
    expect(last?.type).toBe('base-failed')
    expect(box.run('1').last?.type).toBe('base-failed')
  })

  it('puts everything the engine exports in scope, and clock', () => {
    const box = createTestSandbox()
    const { last, lines } = box.run(
      `const gate = intentFor('MESSAGE_CREATE')!
console.log(intentNames(gate.guild | gate.dm).join(','), shardFor('${GUILD}', 4))
console.log(typeof applyOps, typeof EngineError, Intents.GUILDS, ChannelType.DM)
clock.advance(1000)`,
      BASE,
    )
    expect(lines.map((l) => l.text)).toEqual([
      'GUILD_MESSAGES,DIRECT_MESSAGES 1',
      'function function 1 1',
    ])
    expect(done(last).calls).toEqual([{ target: 'clock', method: 'advance', args: [1000] }])
  })

  it('lets code declare a name that is in scope, and records nothing a scratch simulation does', () => {
    const box = createTestSandbox()
    const { last, lines } = box.run(
      `const sim = createSimulation({ seed: 7 })
const alice = sim.world.createUser({ username: 'alice' })
sim.gateway.identify({ userId: alice.id })
console.log(sim.states.count(), states.count())`,
      BASE,
    )
    expect(done(last).calls).toEqual([])
    expect(lines[0]?.text).toMatch(/^1 \d+$/)
  })
})
