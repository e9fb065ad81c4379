import { describe, expect, it } from 'vitest'
import { API_CATALOGUE, methodsOf, PART_NAMES, type ApiCatalogue } from './apiCatalogue.ts'
import { createSimulation } from './simulation.ts'

describe('the API catalogue', () => {
  it('is what each part of a simulation exposes, method for method, in order', () => {
    const sim = createSimulation()
    for (const part of PART_NAMES) {
      expect(Object.keys(sim[part]), part).toEqual(Object.keys(API_CATALOGUE[part]))
      expect(Object.isFrozen(sim[part]), part).toBe(true)
    }
  })

  it('splits each part into reads and changes', () => {
    expect(methodsOf('clock', 'read')).toEqual(['now'])
    expect(methodsOf('clock', 'change')).toEqual(['advance'])
    expect(methodsOf('states', 'change')).toEqual([])
    expect(methodsOf('dispatcher', 'read')).toEqual(['subscribers', 'topics', 'explain'])
    expect(methodsOf('gateway', 'read')).toEqual([])
  })

  it('fails to compile when a part misses a method or names one the part does not have', () => {
    // Each line below is a compile error (checked by `tsc -b`): the type requires every method of
    // every part, and no others. If the catalogue's type stopped requiring them, these would compile
    // and `@ts-expect-error` itself would fail the build.
    // @ts-expect-error clock.advance is missing
    const missing: ApiCatalogue = { ...API_CATALOGUE, clock: { now: { kind: 'read' } } }
    const extra: ApiCatalogue = {
      ...API_CATALOGUE,
      clock: {
        ...API_CATALOGUE.clock,
        // @ts-expect-error the clock has no method `rewind`
        rewind: { kind: 'change' },
      },
    }
    expect([missing, extra]).toHaveLength(2)
  })

  it('is frozen', () => {
    expect(Object.isFrozen(API_CATALOGUE)).toBe(true)
    expect(Object.isFrozen(API_CATALOGUE.dispatcher.dispatch)).toBe(true)
  })
})
