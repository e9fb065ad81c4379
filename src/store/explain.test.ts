import { describe, expect, it } from 'vitest'
import { scenarioById } from '../scenarios/index.ts'
import { createPlaygroundStore } from './createPlaygroundStore.ts'
import { keyProblem, ledgerOf, narrate, outcomeCounts, outcomeKey, outcomesOf } from './explain.ts'

function after(id: string, suggestion: number) {
  const scenario = scenarioById(id)
  const call = scenario?.suggested[suggestion]
  if (!scenario || !call) throw new Error('missing scenario')
  const store = createPlaygroundStore({ scenario })
  store.getState().actions.apply(call)
  store.destroy()
  const { steps, cursor, model } = store.getState()
  const record = steps[cursor - 1]?.dispatches.at(-1)
  if (!record) throw new Error('no dispatch')
  return { record, model }
}

describe('explain', () => {
  it('narrates a dispatch in one line', () => {
    const { record } = after('intents', 0)
    expect(narrate(record)).toBe('GUILD_UPDATE on guild:20971520 → 2 delivered, 1 skipped: intents')
  })

  it('says which intent was missing and what the session asked for', () => {
    const { record, model } = after('intents', 0)
    const skipped = ledgerOf(record, model).find((e) => e.outcome.kind === 'skipped')
    expect(skipped?.why).toBe(
      'GUILD_UPDATE needs GUILDS; this session identified with GUILD_MESSAGES.',
    )
  })

  it('uses the DM variant of an intent in a DM', () => {
    const { record, model } = after('dms-and-group-dms', 0)
    const skipped = ledgerOf(record, model).find((e) => e.outcome.kind === 'skipped')
    expect(skipped?.why).toMatch(/^MESSAGE_CREATE needs DIRECT_MESSAGES;/)
  })

  it('shows the shard arithmetic', () => {
    const { record, model } = after('sharded-bot', 1)
    const whys = ledgerOf(record, model)
      .filter((e) => e.outcome.kind === 'skipped')
      .map((e) => e.why)
    expect(whys[0]).toBe(
      'Guild 20971520 is on shard 1 of 4 ((20971520 >> 22) % 4 = 1); this session is shard 0.',
    )
  })

  it('lists not-subscribed sessions from explain', () => {
    const { record, model } = after('dms-and-group-dms', 1)
    expect(ledgerOf(record, model).filter((e) => e.outcome.kind === 'not-subscribed')).toHaveLength(
      1,
    )
  })

  it('counts outcomes with skips per reason, skips first, and the counts add up to the ledger', () => {
    const { record } = after('intents', 0)
    expect(outcomeCounts(record)).toEqual([
      ['skipped:intents', 1],
      ['delivered', 2],
    ])
    const { record: sharded } = after('sharded-bot', 1)
    const counts = outcomeCounts(sharded)
    expect(counts[0]?.[0]).toBe('skipped:shard')
    const perKey = new Map<string, number>()
    for (const e of outcomesOf(sharded))
      perKey.set(outcomeKey(e.outcome), (perKey.get(outcomeKey(e.outcome)) ?? 0) + 1)
    expect(new Map(counts)).toEqual(perKey)
  })

  it('says a user’s own sessions never get its presence, rather than “not subscribed”', () => {
    const scenario = scenarioById('guild-basics')
    if (!scenario) throw new Error('missing scenario')
    const store = createPlaygroundStore({ scenario })
    const { steps, model } = store.getState()
    store.destroy()
    // Step 4: carol IDENTIFYs; her presence goes to the guild, never to her own session.
    const presence = steps[3]?.dispatches.find((d) => d.backend === 'guild')
    if (!presence) throw new Error('no presence')
    const entries = ledgerOf(presence, model)
    const own = entries.filter((e) => e.outcome.kind === 'not-subscribed')
    expect(own).toHaveLength(1)
    expect(outcomeKey(own[0]!.outcome)).toBe('own-presence')
    expect(own[0]?.why).toBe(
      'This is carol’s own presence: a presence change never goes to the user’s own sessions.',
    )
    expect(narrate(presence, model)).toBe(
      'PRESENCE_UPDATE on guild:20971520 → 2 delivered, 1 own session (own presence)',
    )
    expect(outcomeCounts(presence, model)).toEqual([
      ['own-presence', 1],
      ['delivered', 2],
    ])
  })

  it('says a backend without lists keeps none, and names the engine’s order of checks', () => {
    const { record, model } = after('sharded-bot', 1)
    expect(record.backend).toBe('member')
    const delivered = ledgerOf(record, model).find((e) => e.outcome.kind === 'delivered')
    expect(delivered?.why).toMatch(/the member backend keeps no list/)
    expect(delivered?.why).not.toMatch(/Subscribed to/)
    const { record: staff, model: world } = after('guild-basics', 2)
    const skipped = ledgerOf(staff, world).find((e) => e.outcome.kind === 'skipped')
    expect(skipped?.why).toMatch(/after shard and intents/)
  })

  it('says when a dispatch’s key names nothing in the world', () => {
    const { record, model } = after('intents', 0)
    const nowhere = {
      ...record,
      key: '999',
      result: { ...record.result, delivered: [], skipped: [] },
    }
    expect(keyProblem(nowhere, model)).toBe('guild 999 names no guild in this world')
    expect(narrate(nowhere, model)).toBe(
      'GUILD_UPDATE on guild:999 → nobody: guild 999 names no guild in this world',
    )
    expect(keyProblem(record, model)).toBeNull()
  })
})
