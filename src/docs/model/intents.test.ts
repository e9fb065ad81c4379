import { describe, expect, it } from 'vitest'
import { eventRows, intentsExpression, parseIntents } from './intents.ts'

const row = (bits: number, event: string) => eventRows(bits).find((r) => r.event === event)

describe('the intents calculator', () => {
  it('lets MESSAGE_CREATE through in a guild with GUILD_MESSAGES (512), in a DM with DIRECT_MESSAGES', () => {
    expect(row(512 | 1, 'MESSAGE_CREATE')).toMatchObject({ inGuild: true, inDm: false })
    expect(row(1 << 12, 'MESSAGE_CREATE')).toMatchObject({
      guildIntent: 'GUILD_MESSAGES',
      dmIntent: 'DIRECT_MESSAGES',
      inGuild: false,
      inDm: true,
    })
  })

  it('gates PRESENCE_UPDATE by the privileged GUILD_PRESENCES (256) and has no DM variant for it', () => {
    expect(row(1, 'PRESENCE_UPDATE')).toMatchObject({ inGuild: false, inDm: null })
    expect(row(256, 'PRESENCE_UPDATE')).toMatchObject({ inGuild: true })
  })

  it('lists only gated events: READY and USER_UPDATE are always sent', () => {
    const events = eventRows(0).map((r) => r.event)
    expect(events).toContain('GUILD_CREATE')
    expect(events).not.toContain('READY')
    expect(events).not.toContain('USER_UPDATE')
    expect(eventRows(0).every((r) => !r.inGuild && r.inDm !== true)).toBe(true)
  })

  it('writes a bitfield as code', () => {
    expect(intentsExpression(513)).toBe('Intents.GUILDS | Intents.GUILD_MESSAGES')
    expect(intentsExpression(53608447)).toBe('Intents.ALL')
    expect(intentsExpression(0)).toBe('0')
  })

  it('reads decimal and hex, and refuses what a gateway would close with 4013', () => {
    expect(parseIntents('513')).toEqual({ ok: true, bits: 513 })
    expect(parseIntents('0x201')).toEqual({ ok: true, bits: 513 })
    expect(parseIntents('53608447')).toEqual({ ok: true, bits: 53608447 })
    expect(parseIntents(String(1 << 18))).toMatchObject({ ok: false, error: /4013/ })
    for (const bad of ['', '-1', '1.5', 'GUILDS'])
      expect(parseIntents(bad)).toMatchObject({ ok: false })
  })
})
