import { describe, expect, it } from 'vitest'
import { base64, mintToken, tokenUser, tokenUserId, unbase64 } from './tokens.ts'

const world = { seed: 1, startTime: 1_700_000_000_000 }
const exists = (id: string) => id === '10' || id === '41771983423143937'

describe('bot tokens', () => {
  it("has Discord's shape: base64 of the user id, a time, a 27-character digest", () => {
    const token = mintToken(world, '41771983423143937')
    const [head, time, mac] = token.split('.')
    expect(head).toBe('NDE3NzE5ODM0MjMxNDM5Mzc')
    expect(time).toMatch(/^[A-Za-z0-9_-]{6}$/)
    expect(mac).toMatch(/^[A-Za-z0-9_-]{27}$/)
    expect(tokenUserId(token)).toBe('41771983423143937')
  })

  it('is the same for the same seed and differs with the seed or the user', () => {
    expect(mintToken(world, '10')).toBe(mintToken({ ...world }, '10'))
    expect(mintToken({ ...world, seed: 2 }, '10')).not.toBe(mintToken(world, '10'))
    expect(mintToken(world, '11').split('.')[2]).not.toBe(mintToken(world, '10').split('.')[2])
  })

  it('authenticates only tokens this world minted for users it has', () => {
    const token = mintToken(world, '10')
    expect(tokenUser(world, token, exists)).toBe('10')
    expect(tokenUser({ ...world, seed: 2 }, token, exists)).toBeUndefined()
    expect(tokenUser(world, mintToken(world, '12'), exists)).toBeUndefined()
    expect(tokenUser(world, token.slice(0, -1) + 'x', exists)).toBeUndefined()
    for (const bad of [undefined, 12, '', 'a.b', 'x.y.z', `Bot ${token}`, 'MTA.x.y.z']) {
      expect(tokenUser(world, bad, exists)).toBeUndefined()
    }
  })

  it('base64 round-trips', () => {
    const bytes = [0, 1, 2, 250, 255, 128, 7]
    for (let n = 0; n <= bytes.length; n++) {
      expect(unbase64(base64(bytes.slice(0, n)))).toEqual(bytes.slice(0, n))
    }
    expect(unbase64('a$')).toBeUndefined()
  })
})
