import { describe, expect, it } from 'vitest'
import { Intents } from '../engine/index.ts'
import { INTENT_BITS, intents, step } from './calls.ts'

describe('scenario call builders', () => {
  it('uses the engine intent bits', () => {
    for (const [name, bit] of Object.entries(INTENT_BITS)) {
      expect(bit, name).toBe(Intents[name as keyof typeof Intents])
    }
    expect(intents('GUILDS', 'GUILD_MESSAGES')).toBe(Intents.GUILDS | Intents.GUILD_MESSAGES)
  })

  it('groups calls into one step', () => {
    const calls = step('Setup', [
      { target: 'clock', method: 'advance', args: [1] },
      { target: 'clock', method: 'advance', args: [2] },
    ])
    expect(calls.every((c) => c.group === 'Setup')).toBe(true)
  })
})
