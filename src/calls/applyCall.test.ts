import { describe, expect, it } from 'vitest'
import { EngineError, GatewayCloseError } from '../engine/index.ts'
import { ALLOWED_CALLS, applyCall, CallError, createCallEngine, type EngineCall } from './index.ts'

function world() {
  const run = createCallEngine(1)
  applyCall(run, { target: 'world', method: 'createUser', args: [{ id: '10', username: 'alice' }] })
  return run
}

describe('applyCall', () => {
  it('runs an allowed call and returns its result', () => {
    const run = world()
    const state = applyCall(run, {
      target: 'gateway',
      method: 'identify',
      args: [{ userId: '10' }],
    })
    expect((state as { userId: string }).userId).toBe('10')
    expect(run.sessions).toHaveLength(1)
  })

  it('refuses unknown targets and methods, naming what is allowed', () => {
    const run = world()
    const bad = (call: unknown) => () => applyCall(run, call as EngineCall)
    expect(bad({ target: 'window', method: 'alert', args: [] })).toThrow(
      /unknown target "window"; use one of world/,
    )
    expect(bad({ target: 'world', method: 'users', args: [] })).toThrow(CallError)
    expect(bad({ target: 'world', method: 'users', args: [] })).toThrow(/world allows createUser/)
    expect(bad({ target: 'world', method: 'constructor', args: [] })).toThrow(CallError)
    expect(bad({ target: 'world', method: 'createUser', args: 'x' })).toThrow(
      /args must be an array/,
    )
  })

  it('refuses a call of any shape with a CallError, never a TypeError from the value itself', () => {
    const run = world()
    const hostile = { toString: 1, valueOf: 1 }
    const revoked = Proxy.revocable({}, {})
    revoked.revoke()
    for (const call of [
      { target: hostile, method: 'createUser', args: [] },
      { target: 'world', method: hostile, args: [] },
      { target: 'world', method: revoked.proxy, args: [] },
      { target: Symbol('x'), method: 'createUser', args: [] },
      { target: 'world', method: 'x'.repeat(100_000), args: [] },
      { target: 'world', method: '__proto__', args: [] },
    ]) {
      let error: unknown
      try {
        applyCall(run, call as unknown as EngineCall)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(CallError)
      expect((error as Error).message.length).toBeLessThan(400)
    }
  })

  it('allows only methods that exist on the engine', () => {
    const run = world()
    for (const [target, methods] of Object.entries(ALLOWED_CALLS)) {
      const object = (run.sim as unknown as Record<string, Record<string, unknown>>)[target]
      for (const method of methods)
        expect(typeof object?.[method], `${target}.${method}`).toBe('function')
    }
  })

  it('lets engine errors through unchanged', () => {
    const run = world()
    expect(() =>
      applyCall(run, { target: 'gateway', method: 'identify', args: [{ userId: '99' }] }),
    ).toThrow(GatewayCloseError)
    expect(() =>
      applyCall(run, { target: 'dispatcher', method: 'dispatch', args: ['guilds', '1', 'X', {}] }),
    ).toThrow(EngineError)
  })

  it('resolves $session and $lastSeq references', () => {
    const run = world()
    applyCall(run, { target: 'gateway', method: 'identify', args: [{ userId: '10' }] })
    applyCall(run, { target: 'gateway', method: 'disconnect', args: [{ $session: 0 }] })
    const result = applyCall(run, {
      target: 'gateway',
      method: 'resume',
      args: [{ $session: 0 }, { $lastSeq: 0 }],
    })
    expect(result).toMatchObject({ resumed: true })
    expect(() =>
      applyCall(run, { target: 'gateway', method: 'disconnect', args: [{ $session: 5 }] }),
    ).toThrow(/names no session; only 1 identified/)
  })

  it('turns { $only: [...] } into a dispatchFilter filter accepting exactly those sessions', () => {
    const run = world()
    applyCall(run, {
      target: 'world',
      method: 'createGuild',
      args: [{ id: '20971520', name: 'g', ownerId: '10' }],
    })
    const a = applyCall(run, { target: 'gateway', method: 'identify', args: [{ userId: '10' }] })
    applyCall(run, { target: 'gateway', method: 'identify', args: [{ userId: '10' }] })
    const kept = (a as { sessionId: string }).sessionId
    const result = applyCall(run, {
      target: 'dispatcher',
      method: 'dispatchFilter',
      args: ['guild', '20971520', { $only: [kept] }, 'GUILD_UPDATE', { name: 'x' }],
    }) as { delivered: string[]; skipped: { sessionId: string; reason: string }[] }
    expect(result.delivered).toEqual([kept])
    expect(result.skipped).toEqual([{ sessionId: run.sessions[1], reason: 'filter' }])
    expect(() =>
      applyCall(run, {
        target: 'dispatcher',
        method: 'dispatchFilter',
        args: ['guild', '20971520', { $only: [1] }, 'GUILD_UPDATE', {}],
      }),
    ).toThrow(/\$only: expected a list of session ids/)
  })
})

describe('$only', () => {
  it('turns a list of sessions into dispatchFilter’s filter, which accepts exactly those', () => {
    const run = world()
    applyCall(run, { target: 'world', method: 'createUser', args: [{ id: '11', username: 'bob' }] })
    applyCall(run, {
      target: 'world',
      method: 'createGuild',
      args: [{ id: '20971520', name: 'g', ownerId: '10' }],
    })
    applyCall(run, { target: 'world', method: 'addMember', args: ['20971520', '11'] })
    for (const userId of ['10', '11'])
      applyCall(run, { target: 'gateway', method: 'identify', args: [{ userId }] })
    const result = applyCall(run, {
      target: 'dispatcher',
      method: 'dispatchFilter',
      args: ['guild', '20971520', { $only: [{ $session: 1 }] }, 'GUILD_UPDATE', {}],
    })
    expect(result).toMatchObject({
      delivered: [run.sessions[1]],
      skipped: [{ sessionId: run.sessions[0], reason: 'filter' }],
    })
  })

  it('refuses a $only that is not a list of session ids', () => {
    const run = world()
    const call = (only: unknown): EngineCall => ({
      target: 'dispatcher',
      method: 'dispatchFilter',
      args: ['guild', '1', { $only: only } as never, 'X', {}],
    })
    expect(() => applyCall(run, call('a'))).toThrow(/\$only: expected a list of session ids/)
    expect(() => applyCall(run, call([1]))).toThrow(
      /\$only: expected a list of session ids, got 1 in it/,
    )
  })
})
