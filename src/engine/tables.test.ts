import { describe, expect, it } from 'vitest'
import * as api from './index.ts'
import * as tables from './tables.ts'

describe('engine/tables.ts', () => {
  it('exports the very bindings index.ts exports, and nothing else', () => {
    const names = Object.keys(tables)
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) {
      expect(name in api, name).toBe(true)
      expect(tables[name as keyof typeof tables], name).toBe(api[name as keyof typeof api])
    }
  })
})
