import { describe, expect, it } from 'vitest'
import { memberListId } from './listId.ts'
import { murmur3 } from './murmur3.ts'

const VIEW = String(1 << 10)

describe('memberListId', () => {
  it('is "everyone" when @everyone can view the channel, whatever the overwrites', () => {
    expect(memberListId(true, [{ id: '2002', allow: VIEW, deny: '0' }])).toBe('everyone')
  })

  it('hashes sorted entries: fixture L #1002 is 3991150528 (litecord-notes §6 ex. 9)', () => {
    const overwrites = [
      { id: '1000', allow: '0', deny: VIEW }, // @everyone denied
      { id: '2002', allow: VIEW, deny: '0' }, // Mods allowed
    ]
    expect(memberListId(false, overwrites)).toBe('3991150528')
    expect(memberListId(false, [...overwrites].reverse())).toBe('3991150528')
  })

  it('hashes a single allow entry', () => {
    expect(memberListId(false, [{ id: '2002', allow: VIEW, deny: '0' }])).toBe('1556473615')
  })

  it('prefers allow when an overwrite both allows and denies VIEW_CHANNEL', () => {
    expect(memberListId(false, [{ id: '2002', allow: VIEW, deny: VIEW }])).toBe('1556473615')
  })

  it('ignores overwrites that do not mention VIEW_CHANNEL', () => {
    const other = { id: '3000', allow: String(1 << 11), deny: '8' }
    expect(memberListId(false, [other, { id: '2002', allow: VIEW, deny: '0' }])).toBe('1556473615')
    expect(memberListId(false, [other])).toBe('0') // murmur3('') = 0
  })

  it('sorts entries as plain strings, so ids compare as text ("10" before "9")', () => {
    const nine = { id: '9', allow: VIEW, deny: '0' }
    const ten = { id: '10', allow: VIEW, deny: '0' }
    expect(memberListId(false, [nine, ten])).toBe(String(murmur3('allow:10,allow:9')))
  })

  it('reads bitfields beyond 2^53 exactly', () => {
    const big = String((1n << 60n) | (1n << 10n))
    expect(memberListId(false, [{ id: '2002', allow: big, deny: '0' }])).toBe('1556473615')
  })
})
