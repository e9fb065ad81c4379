import { describe, expect, it } from 'vitest'
import { CODE_STORAGE_KEY, createCodeStorage, type KeyValueStore } from './codeStorage.ts'

function memory(initial?: string): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>()
  if (initial !== undefined) data.set(CODE_STORAGE_KEY, initial)
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  }
}

describe('codeStorage', () => {
  it('keeps the last code per scenario across instances (a reload)', () => {
    const store = memory()
    createCodeStorage(store).save('intents', 'console.log(1)')
    const again = createCodeStorage(store)
    expect(again.load('intents')).toBe('console.log(1)')
    expect(again.load('guild-basics')).toBeUndefined()
    expect(again.takeProblem()).toBeNull()
  })

  it.each([
    ['not JSON', '{oops', /not JSON/],
    ['another version', '{"version":9,"code":{}}', /version 9/],
    ['the wrong shape', '{"version":1,"code":[1]}', /no code table/],
    ['code that is not text', '{"version":1,"code":{"intents":5}}', /not text/],
    ['a bare value', '42', /not an object/],
  ])('reports damaged storage (%s) once and replaces it by the defaults', (_, raw, reason) => {
    const store = memory(raw)
    const storage = createCodeStorage(store)
    expect(storage.takeProblem()).toMatch(reason)
    expect(storage.takeProblem()).toBeNull()
    expect(storage.load('intents')).toBeUndefined()
    expect(store.data.has(CODE_STORAGE_KEY)).toBe(false)
    expect(createCodeStorage(store).takeProblem()).toBeNull()
  })

  it('works without storage, and when storage throws', () => {
    const throwing: KeyValueStore = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
      removeItem: () => {},
    }
    for (const store of [null, throwing]) {
      const storage = createCodeStorage(store)
      storage.save('intents', 'x')
      expect(storage.load('intents')).toBe('x')
      expect(storage.takeProblem()).toBeNull()
    }
  })
})
