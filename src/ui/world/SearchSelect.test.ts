import { describe, expect, it } from 'vitest'
import { matchOptions, resolveOption } from './SearchSelect.tsx'

const users = Array.from({ length: 100_000 }, (_, i) => [String(100_000 + i), `user${i}`] as const)

describe('searching a select of 100,000 options', () => {
  it('offers at most 50 matches, by name (any case) or by id', () => {
    expect(matchOptions(users, 'USER4242').map(([, l]) => l)).toEqual([
      'user4242',
      'user42420',
      'user42421',
      'user42422',
      'user42423',
      'user42424',
      'user42425',
      'user42426',
      'user42427',
      'user42428',
      'user42429',
    ])
    expect(matchOptions(users, 'user1')).toHaveLength(50)
    expect(matchOptions(users, '104242')).toEqual([['104242', 'user4242']])
    expect(matchOptions(users, 'nobody')).toEqual([])
  })

  it('resolves an exact name or id to the value, and nothing else', () => {
    expect(resolveOption(users, 'user4242')).toBe('104242')
    expect(resolveOption(users, ' 104242 ')).toBe('104242')
    expect(resolveOption(users, 'user424')).toBe('100424')
    expect(resolveOption(users, 'user42420x')).toBeUndefined()
    expect(resolveOption(users, '')).toBeUndefined()
  })
})
