import { describe, expect, it } from 'vitest'
import { gatedEvents, intentFor, intentNames, Intents, isValidIntents } from './intents.ts'

describe('intents', () => {
  it('ALL is every bit of the official table, privileged ones included', () => {
    expect(Intents.ALL).toBe(
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 20, 21, 24, 25].reduce(
        (a, b) => a | (1 << b),
        0,
      ),
    )
  })

  it('refuses user-account-only bits, negatives and fractions', () => {
    for (const bit of [17, 18, 19, 22, 23, 26, 27, 28]) expect(isValidIntents(1 << bit)).toBe(false)
    expect(isValidIntents(-1)).toBe(false)
    expect(isValidIntents(0.5)).toBe(false)
    expect(isValidIntents('1')).toBe(false)
    expect(isValidIntents(0)).toBe(true)
    expect(isValidIntents(Intents.ALL)).toBe(true)
  })

  it('maps events to their guild and DM bits; unmapped events pass', () => {
    expect(intentFor('GUILD_UPDATE')).toEqual({ guild: Intents.GUILDS, dm: 0 })
    expect(intentFor('MESSAGE_CREATE')).toEqual({
      guild: Intents.GUILD_MESSAGES,
      dm: Intents.DIRECT_MESSAGES,
    })
    expect(intentFor('TYPING_START')).toEqual({
      guild: Intents.GUILD_MESSAGE_TYPING,
      dm: Intents.DIRECT_MESSAGE_TYPING,
    })
    expect(intentFor('PRESENCE_UPDATE')).toEqual({ guild: Intents.GUILD_PRESENCES, dm: 0 })
    expect(intentFor('THREAD_MEMBERS_UPDATE')?.guild).toBe(Intents.GUILDS)
    for (const t of [
      'READY',
      'RESUMED',
      'USER_UPDATE',
      'GUILD_MEMBER_LIST_UPDATE',
      'INTERACTION_CREATE',
    ]) {
      expect(intentFor(t)).toBeUndefined()
    }
  })

  it('decodes a bitfield to names in table order', () => {
    expect(intentNames(Intents.GUILDS | Intents.MESSAGE_CONTENT)).toEqual([
      'GUILDS',
      'MESSAGE_CONTENT',
    ])
  })

  it('lists every gated event with the bits intentFor gives, each once', () => {
    const events = gatedEvents()
    expect(new Set(events.map(([t]) => t)).size).toBe(events.length)
    for (const [type, bits] of events) expect(intentFor(type)).toEqual(bits)
    expect(events.map(([t]) => t)).toContain('MESSAGE_CREATE')
    expect(events.map(([t]) => t)).not.toContain('USER_UPDATE')
  })
})
