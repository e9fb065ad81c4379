import { describe, expect, it } from 'vitest'
import { validateComposer, type ComposerInput } from './composerValidation.ts'

const input = (over: Partial<ComposerInput>): ComposerInput => ({
  backend: 'guild',
  key: '20971520',
  type: 'GUILD_UPDATE',
  payload: '{}',
  ...over,
})

describe('validateComposer', () => {
  it('builds dispatch args, splitting member keys', () => {
    expect(validateComposer(input({ payload: '{"a":1}' }))).toEqual({
      ok: true,
      args: ['guild', '20971520', 'GUILD_UPDATE', { a: 1 }],
    })
    expect(
      validateComposer(input({ backend: 'member', key: '1:2', type: 'X', payload: '' })),
    ).toMatchObject({ ok: true, args: ['member', ['1', '2'], 'X', {}] })
  })

  it('says what is wrong with each field', () => {
    const result = validateComposer(input({ key: '01', type: 'guild_update', payload: '{' }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.errors).sort()).toEqual(['key', 'payload', 'type'])
    expect(result.errors.payload).toMatch(/Not valid JSON/)
  })

  it('refuses an empty key with the example, never using the example as the key', () => {
    const result = validateComposer(input({ backend: 'user', key: '  ' }), '10')
    expect(result).toEqual({
      ok: false,
      errors: { key: 'Type a key, e.g. 10: the grey text is only an example.' },
    })
  })
})
