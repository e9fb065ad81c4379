import { describe, expect, it } from 'vitest'
import { EngineError } from './errors.ts'
import { MAX_DEPTH } from './input.ts'
import { createSimulation, restoreSimulation, type Simulation } from './simulation.ts'
import { fixtureF, G, GENERAL } from './testing/fixtures.ts'

/**
 * docs/design/semantics.md §10 (review decisions): a payload deeper than the stated limit, a
 * payload whose getters or proxy traps throw, and any input that cannot be read without running
 * user code are refused with EngineError before any effect.
 */
function nested(depth: number): unknown {
  let value: unknown = 'leaf'
  for (let i = 0; i < depth; i++) value = { a: value }
  return value
}

/** Expects `call` to throw EngineError `code` and the simulation to be exactly as before. */
function refusedWithoutEffect(sim: Simulation, call: () => unknown, code: string): EngineError {
  const before = JSON.stringify(sim.snapshot())
  let thrown: unknown
  try {
    call()
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(EngineError)
  expect((thrown as EngineError).code).toBe(code)
  expect(JSON.stringify(sim.snapshot())).toBe(before)
  return thrown as EngineError
}

const hostileHandler = (): ProxyHandler<object> => ({
  get() {
    throw new Error('trap')
  },
  has() {
    throw new Error('trap')
  },
  ownKeys() {
    throw new Error('trap')
  },
  getOwnPropertyDescriptor() {
    throw new Error('trap')
  },
  getPrototypeOf() {
    throw new Error('trap')
  },
})
const hostileProxy = () => new Proxy({}, hostileHandler())
const revokedProxy = () => {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}

describe('payloads that cannot be read safely', () => {
  it(`refuses nesting deeper than ${MAX_DEPTH} levels (5,000 used to overflow the stack)`, () => {
    const { sim } = fixtureF()
    const error = refusedWithoutEffect(
      sim,
      () => sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', nested(5_000)),
      'INVALID_PAYLOAD',
    )
    expect(error.message).toContain(`deeper than ${MAX_DEPTH}`)
    expect(
      sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', nested(MAX_DEPTH - 1)).delivered,
    ).not.toHaveLength(0)
    refusedWithoutEffect(
      sim,
      () => sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', nested(MAX_DEPTH + 1)),
      'INVALID_PAYLOAD',
    )
  })

  it('refuses a getter without running it, and throwing or revoked proxies', () => {
    const { sim } = fixtureF()
    let runs = 0
    const withGetter = {
      id: G,
      get name() {
        runs++
        return 'sneaky'
      },
    }
    refusedWithoutEffect(
      sim,
      () => sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', withGetter),
      'INVALID_PAYLOAD',
    )
    expect(runs).toBe(0)
    for (const proxy of [hostileProxy(), revokedProxy(), [hostileProxy()]]) {
      refusedWithoutEffect(
        sim,
        () => sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { d: proxy }),
        'INVALID_PAYLOAD',
      )
    }
  })
})

describe('a payload that is itself a throwing or revoked Proxy (§10: EngineError, never a raw error)', () => {
  const dispatchers = (payload: unknown) =>
    [
      ['dispatch', (sim: Simulation) => sim.dispatcher.dispatch('guild', G, 'X', payload)],
      [
        'dispatchMany',
        (sim: Simulation) => sim.dispatcher.dispatchMany('guild', [G], 'X', payload),
      ],
      [
        'dispatchFilter',
        (sim: Simulation) => sim.dispatcher.dispatchFilter('guild', G, () => true, 'X', payload),
      ],
      [
        'dispatchManyFilterList',
        (sim: Simulation) => sim.dispatcher.dispatchManyFilterList('guild', [G], [], 'X', payload),
      ],
    ] as const

  it.each([
    ['a revoked Proxy', revokedProxy],
    ['a Proxy whose every trap throws', hostileProxy],
    ['a Proxy of an array whose traps throw', () => new Proxy([], hostileHandler())],
  ])('refuses %s as the payload with INVALID_PAYLOAD', (_name, make) => {
    const { sim } = fixtureF()
    for (const [method, call] of dispatchers(make())) {
      expect(
        () => refusedWithoutEffect(sim, () => call(sim), 'INVALID_PAYLOAD'),
        method,
      ).not.toThrow()
    }
  })
})

describe('inputs that cannot be read safely', () => {
  it('op 14 with bigint ranges is INVALID_RANGE, not a TypeError from building the message', () => {
    const { sim, A } = fixtureF()
    const error = refusedWithoutEffect(
      sim,
      () => sim.gateway.requestMemberList(A.sessionId, G, { [GENERAL]: [[0n, 9n]] as never }),
      'INVALID_RANGE',
    )
    expect(error.message).toContain('[0n, 9n]')
  })

  it('dispatchManyFilterList with a frozen, sealed or odd session list delivers to nobody', () => {
    const { sim } = fixtureF()
    let runs = 0
    const withGetter: string[] = []
    Object.defineProperty(withGetter, 0, {
      get: () => {
        runs++
        return 'x'
      },
      enumerable: true,
    })
    const lengthFixed: string[] = []
    Object.defineProperty(lengthFixed, 'length', { writable: false })
    for (const list of [Object.freeze([]), Object.seal([]), withGetter, lengthFixed, [1]]) {
      refusedWithoutEffect(
        sim,
        () =>
          sim.dispatcher.dispatchManyFilterList('guild', [G], list as string[], 'GUILD_UPDATE', {}),
        'INVALID_SESSION_LIST',
      )
    }
    expect(runs).toBe(0)
  })

  it('dispatchManyFilterList refuses a Proxy over an array before delivering anything (Array.isArray is true for it)', () => {
    const { sim } = fixtureF()
    const throwsOnSet = new Proxy<string[]>([], {
      set() {
        throw new Error('set trap')
      },
    })
    const dropsWrites = new Proxy<string[]>([], { set: () => true })
    // Agrees with its target while it is checked, then starts throwing: a check cannot catch it by
    // trying, only by knowing it is a Proxy.
    let checked = false
    const turnsHostile = new Proxy<string[]>([], {
      getOwnPropertyDescriptor(target, key) {
        checked = true
        return Reflect.getOwnPropertyDescriptor(target, key)
      },
      set(target, key, value, receiver) {
        if (checked) throw new Error('set trap')
        return Reflect.set(target, key, value, receiver)
      },
    })
    const transparent = new Proxy<string[]>([], {})
    for (const list of [throwsOnSet, dropsWrites, turnsHostile, transparent]) {
      expect(Array.isArray(list)).toBe(true)
      const error = refusedWithoutEffect(
        sim,
        () => sim.dispatcher.dispatchManyFilterList('guild', [G], list, 'GUILD_UPDATE', {}),
        'INVALID_SESSION_LIST',
      )
      expect(error.message).toContain('Proxy')
    }
    const extra = Object.assign([], { note: () => 'not an item' })
    refusedWithoutEffect(
      sim,
      () => sim.dispatcher.dispatchManyFilterList('guild', [G], extra, 'GUILD_UPDATE', {}),
      'INVALID_SESSION_LIST',
    )
    const plain: string[] = []
    expect(sim.dispatcher.dispatchManyFilterList('guild', [G], plain, 'GUILD_UPDATE', {})).toBe(
      plain,
    )
    expect(plain).not.toHaveLength(0)
  })

  it('world, gateway and action inputs with getters or proxies change nothing', () => {
    const { sim, A } = fixtureF()
    let runs = 0
    const withGetter = <T extends object>(object: T, key: string, value: unknown): T =>
      Object.defineProperty(object, key, {
        get: () => {
          runs++
          return value
        },
        enumerable: true,
      })
    const cases: [string, () => unknown][] = [
      ['createUser', () => sim.world.createUser(withGetter({ username: 'u' }, 'id', '77'))],
      ['createUser proxy', () => sim.world.createUser(hostileProxy() as never)],
      ['identify proxy', () => sim.gateway.identify(hostileProxy() as never)],
      ['identify revoked', () => sim.gateway.identify(revokedProxy() as never)],
      [
        'presence',
        () =>
          sim.gateway.updatePresence(A.sessionId, {
            status: 'idle',
            activities: [nested(5_000)],
          }),
      ],
      ['op 14', () => sim.gateway.requestMemberList(A.sessionId, G, hostileProxy() as never)],
      [
        'createChannel',
        () =>
          sim.actions.createChannel({
            guildId: G,
            overwrites: [withGetter({ id: G, type: 0 }, 'allow', '1024')],
          } as never),
      ],
      ['setMemberRoles', () => sim.actions.setMemberRoles(G, A.userId, revokedProxy() as never)],
      ['keys', () => sim.dispatcher.dispatchMany('guild', hostileProxy() as never, 'X', {})],
    ]
    for (const [name, call] of cases) {
      expect(() => refusedWithoutEffect(sim, call, 'INVALID_INPUT'), name).not.toThrow()
    }
    expect(runs).toBe(0)
  })

  it('options and snapshots that cannot be read are refused whole', () => {
    expect(() => createSimulation(hostileProxy() as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    )
    expect(() => restoreSimulation(hostileProxy() as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_SNAPSHOT' }),
    )
    expect(() => restoreSimulation(revokedProxy() as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_SNAPSHOT' }),
    )
  })
})
