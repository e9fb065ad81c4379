import { describe, expect, it } from 'vitest'
import { validateComposer } from './composerValidation.ts'

describe('validateComposer', () => {
  it('builds dispatch args, splitting member keys', () => {
    expect(
      validateComposer({
        backend: 'guild',
        key: '20971520',
        type: 'GUILD_UPDATE',
        payload: '{"a":1}',
      }),
    ).toEqual({
      ok: true,
      args: ['guild', '20971520', 'GUILD_UPDATE', { a: 1 }],
    })
    expect(
      validateComposer({ backend: 'member', key: '1:2', type: 'X', payload: '' }),
    ).toMatchObject({
      ok: true,
      args: ['member', ['1', '2'], 'X', {}],
    })
  })

  it('says what is wrong with each field', () => {
    const result = validateComposer({
      backend: 'guild',
      key: '01',
      type: 'guild_update',
      payload: '{',
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.errors).sort()).toEqual(['key', 'payload', 'type'])
    expect(result.errors.payload).toMatch(/Not valid JSON/)
  })
})
