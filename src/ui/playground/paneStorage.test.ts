import { afterEach, describe, expect, it } from 'vitest'
import { paneStorage } from './paneStorage.ts'

function withStorage(storage: Partial<Storage>) {
  Object.defineProperty(globalThis, 'window', {
    value: { localStorage: storage },
    configurable: true,
  })
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'window')
})

describe('paneStorage', () => {
  it('reads back a saved layout, and reads anything else as nothing', () => {
    const kept = new Map<string, string>()
    withStorage({
      getItem: (k) => kept.get(k) ?? null,
      setItem: (k, v) => void kept.set(k, v),
    })
    paneStorage.setItem('a', JSON.stringify({ side: 38, main: 62 }))
    expect(paneStorage.getItem('a')).toBe('{"side":38,"main":62}')
    for (const damaged of ['{', '[1,2]', '{"side":"wide"}', 'null', '{"side":null}']) {
      kept.set('b', damaged)
      expect(paneStorage.getItem('b')).toBeNull()
    }
  })

  it('forgets instead of failing where storage is refused', () => {
    withStorage({
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    })
    expect(paneStorage.getItem('a')).toBeNull()
    expect(() => paneStorage.setItem('a', '{}')).not.toThrow()
  })
})
