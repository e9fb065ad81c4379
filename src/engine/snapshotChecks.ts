import { DISCORD_EPOCH, describeValue, LAST_SNOWFLAKE_TIME, parseSnowflake } from './ids.ts'
import type { SimulationSnapshot } from './snapshot.ts'

/**
 * The values of a snapshot, checked before anything is built from it (docs/design/semantics.md §10:
 * bad input is refused and changes nothing). `restoreSimulation` turns the error into
 * `INVALID_SNAPSHOT`. A snapshot is made by `sim.snapshot()`; these checks catch one edited by hand
 * or corrupted on the way: a clock or id generator that would make ids past 2^64 − 1 or fractional,
 * ids that are not canonical snowflakes, references to users, guilds, channels and sessions that
 * are not in it, a user befriending itself.
 */
export function checkSnapshotValues(snapshot: SimulationSnapshot): void {
  const s = snapshot
  need(
    isWhole(s.now) && s.now >= DISCORD_EPOCH && s.now <= LAST_SNOWFLAKE_TIME,
    `now must be a whole ms from ${DISCORD_EPOCH} to ${LAST_SNOWFLAKE_TIME}, got ${describeValue(s.now)}`,
  )
  need(isWhole(s.random) && s.random <= 0xffffffff, 'random must be a 32-bit state')
  const [lastMs, increment] = Array.isArray(s.ids) && s.ids.length === 2 ? s.ids : [NaN, NaN]
  need(
    Number.isSafeInteger(lastMs) &&
      lastMs >= -1 &&
      lastMs <= LAST_SNOWFLAKE_TIME - DISCORD_EPOCH &&
      isWhole(increment) &&
      increment <= 0xfff,
    `ids must be [last ms since the Discord epoch, increment ≤ 4095], got ${describeValue(s.ids)}`,
  )
  need(isWhole(s.nextDispatchId), 'nextDispatchId must be a whole number ≥ 0')

  const w = s.world
  const users = idSet(
    w.users.map((u) => u.id),
    'user',
  )
  const guilds = idSet(
    w.guilds.map((g) => g.guild.id),
    'guild',
  )
  for (const g of w.guilds) {
    known(users, g.guild.owner_id, `owner of guild ${g.guild.id}`)
    for (const role of g.roles) need(isId(role.id), `role id ${describeValue(role.id)}`)
    for (const member of g.members) known(users, member.user_id, `member of guild ${g.guild.id}`)
  }
  const channels = idSet(
    w.channels.map((c) => c.id),
    'channel',
  )
  for (const c of w.channels) {
    if (c.guild_id !== null) known(guilds, c.guild_id, `guild of channel ${c.id}`)
    for (const r of c.recipients) known(users, r, `recipient of channel ${c.id}`)
  }
  for (const [userId, guildIds] of w.memberships) {
    known(users, userId, 'member')
    for (const g of guildIds) known(guilds, g, `guild of user ${userId}`)
  }
  for (const [userId, friendIds] of w.friends) {
    known(users, userId, 'user with friends')
    for (const f of friendIds) {
      known(users, f, `friend of ${userId}`)
      need(f !== userId, `user ${userId} cannot be its own friend`)
    }
  }
  for (const [userId] of w.presences) known(users, userId, 'user with a presence')
  for (const m of w.messages) {
    need(isId(m.id), `message id ${describeValue(m.id)}`)
    known(channels, m.channel_id, `channel of message ${m.id}`)
  }

  const sessions = new Set<string>()
  for (const session of s.sessions) {
    need(isSessionId(session.sessionId), `session id ${describeValue(session.sessionId)}`)
    known(users, session.userId, `user of session ${session.sessionId}`)
    sessions.add(session.sessionId)
  }
  for (const id of s.closed) need(isSessionId(id), `closed session id ${describeValue(id)}`)
  for (const [id, deadline] of s.expiring) {
    known(sessions, id, 'expiring session')
    need(Number.isSafeInteger(deadline), `deadline of session ${id}`)
  }
  for (const [key, ids] of s.guild) {
    known(guilds, key, 'guild subscription key')
    for (const id of ids) known(sessions, id, `subscriber of guild ${key}`)
  }
  for (const [key, ids] of s.channel) {
    need(isId(key), `channel subscription key ${describeValue(key)}`)
    for (const id of ids) known(sessions, id, `subscriber of channel ${key}`)
  }
  checkSlotOrder(s, sessions)
  for (const [key, peers] of s.friend) {
    known(users, key, 'friend key')
    for (const peer of peers) {
      known(users, peer, `friend peer of ${key}`)
      need(peer !== key, `user ${key} cannot be its own friend peer`)
    }
  }
}

/**
 * `slotOrder` lists, per session, the numbers of its `guild` then `channel` topics (indexes into those
 * lists, in that order): exactly the topics it is in, each once, or the restored reverse index would
 * not match its subscriptions.
 */
function checkSlotOrder(s: SimulationSnapshot, sessions: ReadonlySet<string>): void {
  if (s.slotOrder === undefined) return
  need(Array.isArray(s.slotOrder), 'slotOrder must be a list')
  const topicsOf = new Map<string, Set<number>>()
  ;[...s.guild, ...s.channel].forEach(([, ids], n) => {
    for (const id of ids) {
      const topics = topicsOf.get(id) ?? new Set<number>()
      topicsOf.set(id, topics.add(n))
    }
  })
  const listed = new Set<string>()
  for (const entry of s.slotOrder) {
    const [id, order] = Array.isArray(entry) ? entry : [undefined, undefined]
    const topics = topicsOf.get(id as string)
    need(
      typeof id === 'string' && sessions.has(id) && !listed.has(id) && Array.isArray(order),
      `slotOrder entry ${describeValue(id)}`,
    )
    listed.add(id as string)
    need(
      (order as unknown[]).length === (topics?.size ?? 0) &&
        new Set(order).size === (order as unknown[]).length &&
        (order as unknown[]).every((n) => topics?.has(n as number)),
      `slotOrder of session ${id as string} must list each of its topics once`,
    )
  }
}

function need(ok: boolean, what: string): void {
  if (!ok) throw new Error(what)
}

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

/** A canonical snowflake string (decimal, no leading zero, at most 2^64 − 1). */
function isId(value: unknown): value is string {
  return typeof value === 'string' && parseSnowflake(value) === value
}

function isSessionId(value: unknown): boolean {
  return typeof value === 'string' && /^[0-9a-f]{32}$/.test(value)
}

function idSet(ids: readonly unknown[], what: string): Set<string> {
  const set = new Set<string>()
  for (const id of ids) {
    need(isId(id), `${what} id must be a canonical snowflake, got ${describeValue(id)}`)
    need(!set.has(id as string), `${what} id ${id as string} appears twice`)
    set.add(id as string)
  }
  return set
}

function known(set: ReadonlySet<string>, id: unknown, what: string): void {
  need(
    typeof id === 'string' && set.has(id),
    `${what}: ${describeValue(id)} is not in the snapshot`,
  )
}
