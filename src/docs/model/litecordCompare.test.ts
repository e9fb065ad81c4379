import { describe, expect, it } from 'vitest'
import { comparison } from './litecordCompare.ts'

const run = (id: string) => {
  const c = comparison(id)
  if (!c) throw new Error(`no comparison ${id}`)
  return c.engine()
}

// Each expectation is the "Project:" line of the same example in docs/design/litecord-notes.md §6
// (fixture F with the docs' cast: bob is 11, carol 12, dave 13).
describe('side by side with litecord: the engine column', () => {
  it('1. delivers an unmapped event through guild to A, B1, B2 and C', () => {
    expect(run('unmapped')[0]).toBe('delivered to A, B1, B2, C')
  })
  it('2. sends GUILD_MEMBER_UPDATE to GUILD_MEMBERS holders and to B1 through the self rule', () => {
    expect(run('member-update')[0]).toBe('delivered to A, B1, B2, C')
  })
  it('3. reaches only the shard serving G, and READY echoes each shard', () => {
    expect(run('sharding')).toEqual(['delivered to B1', 'READY says [0,2] to B0 and [1,2] to B1'])
  })
  it('4. gates a DM with DIRECT_MESSAGES, not GUILD_MESSAGES', () => {
    expect(run('dm-intents')[0]).toBe(
      'delivered to A, D′; skipped: D″ (GUILD_MESSAGES only) (intents)',
    )
  })
  it('5. shows each group-DM receiver the other two and leaves the caller’s object alone', () => {
    expect(run('group-dm')).toEqual([
      'A sees [11, 12], B1 sees [10, 12], B2 sees [10, 12], C sees [10, 11]',
      'the caller’s object still lists [10, 11, 12]',
    ])
  })
  it('6. records A’s failed send and still reaches B2 and C', () => {
    expect(run('bad-socket')[0]).toBe('delivered to B2, C; skipped: A (send-failed), B1 (intents)')
  })
  it('7. buffers both events for B2, replays both, and keeps B2 subscribed', () => {
    expect(run('disconnect')).toEqual([
      'GUILD_UPDATE: buffered for B2',
      'RESUME replays GUILD_UPDATE s=3, TYPING_START s=4',
      'the next GUILD_UPDATE reaches B2',
    ])
  })
  it('8. replays 4, 5 and 6, and RESUMED takes s = 7', () => {
    expect(run('replay')).toEqual(['replays s = 4, 5, 6, then RESUMED with s = 7'])
  })
  it('9. names the #mods list 3991150528', () => {
    expect(run('list-id')[0]).toMatch(/^"3991150528"/)
  })
  it('10. refuses a reversed range whole, SYNCs inclusive ranges, and replaces old ranges', () => {
    expect(run('ranges')).toEqual([
      'refused whole: INVALID_RANGE',
      '[[0,3],[4,6]]: SYNCs of 4 and 3 items',
      'then [[0,99]]: INVALIDATE 0–3, INVALIDATE 4–6, SYNC 0–99 (9 items)',
    ])
  })
  it('12. skips the unreadable channel and serves the readable one', () => {
    expect(run('early-abort')[0]).toBe('one update for list "everyone": SYNC 0–99 (9 items)')
  })
})
