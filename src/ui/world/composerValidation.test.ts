import { describe, expect, it } from 'vitest'
import { validateComposer, type ComposerInput } from './composerValidation.ts'

const input = (over: Partial<ComposerInput>): ComposerInput => ({
  helper: 'dispatch',
  backend: 'guild',
  key: '20971520',
  sessions: [],
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

  it('builds each helper’s arguments: keys for the *Many helpers, sessions for the filters', () => {
    expect(
      validateComposer(input({ helper: 'dispatchMany', backend: 'channel', key: '1001, 1002' })),
    ).toEqual({ ok: true, args: ['channel', ['1001', '1002'], 'GUILD_UPDATE', {}] })
    expect(validateComposer(input({ helper: 'dispatchFilter', sessions: ['a', 'b'] }))).toEqual({
      ok: true,
      args: ['guild', '20971520', { $only: ['a', 'b'] }, 'GUILD_UPDATE', {}],
    })
    expect(
      validateComposer(
        input({
          helper: 'dispatchManyFilterList',
          key: '1 2',
          sessions: ['a'],
          backend: 'channel',
        }),
      ),
    ).toEqual({ ok: true, args: ['channel', ['1', '2'], ['a'], 'GUILD_UPDATE', {}] })
    const many = validateComposer(input({ helper: 'dispatchMany', key: '1, x' }))
    expect(many).toMatchObject({ ok: false, errors: { key: /“x” is not a snowflake/ } })
  })
})
