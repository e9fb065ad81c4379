import { CloseCode, isObject, type Refusal } from './protocol.ts'

/**
 * The shapes of the commands a client sends (docs/design/gateway-facts.md §2, §3), checked before
 * anything reaches the engine. A wrong shape is 4001 ("an invalid payload for an opcode"); the engine
 * still checks the values it owns (intent bits 4013, shard ranges 4010, presence 4001).
 */

const STATUSES = ['online', 'idle', 'dnd', 'invisible', 'offline'] as const
type WireStatus = (typeof STATUSES)[number]

/** A presence as the engine takes it; Discord's `invisible` shows as `offline` to everyone else. */
export interface EnginePresence {
  status: 'online' | 'idle' | 'dnd' | 'offline'
  activities: unknown[]
}

export interface IdentifyCommand {
  readonly token: unknown
  /** Absent: a user account's client (which sends none) gets every intent; a bot is refused 4013. */
  readonly intents: number | undefined
  readonly shard?: [number, number]
  readonly presence?: EnginePresence
  readonly largeThreshold?: number
}

export interface ResumeCommand {
  readonly token: unknown
  readonly sessionId: string
  readonly seq: number
}

export interface MemberListCommand {
  readonly guildId: string
  readonly channels: Record<string, [number, number][]>
}

export interface RequestMembersCommand {
  readonly guildId: string
  readonly query: string | null
  readonly limit: number
  readonly userIds: string[] | null
  readonly nonce: string | undefined
  readonly presences: boolean
}

const bad = (reason: string): Refusal => ({ code: CloseCode.UNKNOWN_OPCODE, reason })

const SNOWFLAKE = /^(0|[1-9][0-9]{0,19})$/

function isSnowflake(value: unknown): value is string {
  return typeof value === 'string' && SNOWFLAKE.test(value)
}

/** op 3's `{ since, activities, status, afk }` (also IDENTIFY's `presence`). */
export function readPresence(d: unknown): EnginePresence | Refusal {
  if (!isObject(d)) return bad('presence must be an object { since, activities, status, afk }')
  const status = d.status
  if (typeof status !== 'string' || !STATUSES.includes(status as WireStatus)) {
    return bad(`presence status must be one of ${STATUSES.join(', ')}`)
  }
  const activities = d.activities ?? []
  if (!Array.isArray(activities)) return bad('presence activities must be a list')
  if (d.afk !== undefined && d.afk !== null && typeof d.afk !== 'boolean') {
    return bad('presence afk must be a boolean')
  }
  if (d.since !== undefined && d.since !== null && typeof d.since !== 'number') {
    return bad('presence since must be a number or null')
  }
  return {
    status: status === 'invisible' ? 'offline' : (status as EnginePresence['status']),
    activities,
  }
}

/**
 * op 2. `token` is left to the caller (4004 is about the world, not the shape), and so is missing
 * `intents`: a bot's v10 IDENTIFY must carry them (4013), a user account's client sends none and gets
 * every intent (docs/design/gateway-facts.md §3.2). Non-integer `intents` is 4013.
 * `large_threshold` is 50–250.
 */
export function readIdentify(d: unknown): IdentifyCommand | Refusal {
  if (!isObject(d)) return bad('IDENTIFY takes an object { token, intents, properties, ... }')
  if (!isObject(d.properties)) return bad('IDENTIFY needs properties { os, browser, device }')
  for (const key of ['os', 'browser', 'device']) {
    const v = d.properties[key]
    if (v !== undefined && typeof v !== 'string') return bad(`properties.${key} must be a string`)
  }
  const intents = d.intents ?? undefined
  if (intents !== undefined && (typeof intents !== 'number' || !Number.isInteger(intents))) {
    return { code: CloseCode.INVALID_INTENTS, reason: 'IDENTIFY needs integer intents' }
  }
  if (d.compress !== undefined && typeof d.compress !== 'boolean') {
    return bad('compress must be a boolean')
  }
  let shard: [number, number] | undefined
  if (d.shard !== undefined && d.shard !== null) {
    const s = d.shard
    if (!Array.isArray(s) || s.length !== 2 || !s.every((n) => Number.isInteger(n))) {
      return { code: CloseCode.INVALID_SHARD, reason: 'shard must be [shard_id, num_shards]' }
    }
    shard = [s[0] as number, s[1] as number]
  }
  let largeThreshold: number | undefined
  if (d.large_threshold !== undefined && d.large_threshold !== null) {
    const t = d.large_threshold
    if (typeof t !== 'number' || !Number.isInteger(t) || t < 50 || t > 250) {
      return bad('large_threshold must be an integer from 50 to 250')
    }
    largeThreshold = t
  }
  let presence: EnginePresence | undefined
  if (d.presence !== undefined && d.presence !== null) {
    const p = readPresence(d.presence)
    if ('code' in p) return p
    presence = p
  }
  return {
    token: d.token,
    intents,
    ...(shard ? { shard } : {}),
    ...(presence ? { presence } : {}),
    ...(largeThreshold !== undefined ? { largeThreshold } : {}),
  }
}

/** op 6 `{ token, session_id, seq }`. */
export function readResume(d: unknown): ResumeCommand | Refusal {
  if (!isObject(d)) return bad('RESUME takes an object { token, session_id, seq }')
  if (typeof d.session_id !== 'string' || d.session_id.length > 128) {
    return bad('RESUME needs a session_id string')
  }
  const seq = d.seq === null ? 0 : d.seq
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) {
    return bad('RESUME seq must be the last s received, an integer >= 0')
  }
  return { token: d.token, sessionId: d.session_id, seq }
}

/** op 1's `d`: the last `s` received, or null. */
export function readHeartbeat(d: unknown): Refusal | undefined {
  if (d === null || (typeof d === 'number' && Number.isInteger(d) && d >= 0)) return undefined
  return bad('HEARTBEAT d must be the last s received, or null')
}

/**
 * op 14 `{ guild_id, channels: { id: [[start, end], ...] }, typing?, threads?, activities?, members? }`.
 * Only `channels` reaches the engine (its member lists); the flags ask for what every session of this
 * engine already gets, so they are accepted and ignored.
 */
export function readMemberList(d: unknown): MemberListCommand | Refusal {
  if (!isObject(d) || !isSnowflake(d.guild_id)) return bad('op 14 needs a guild_id snowflake')
  const channels = d.channels ?? {}
  if (!isObject(channels)) return bad('op 14 channels must be { channel_id: [[start, end]] }')
  const out: Record<string, [number, number][]> = {}
  for (const [id, ranges] of Object.entries(channels)) {
    if (!isSnowflake(id) || !Array.isArray(ranges)) {
      return bad('op 14 channels must be { channel_id: [[start, end]] }')
    }
    out[id] = ranges as [number, number][]
  }
  return { guildId: d.guild_id, channels: out }
}

/**
 * op 8, `{ guild_id, query?, limit, presences?, user_ids?, nonce? }`
 * (docs/design/gateway-facts.md §8).
 */
export function readRequestMembers(d: unknown): RequestMembersCommand | Refusal {
  if (!isObject(d) || !isSnowflake(d.guild_id)) return bad('op 8 needs a guild_id snowflake')
  const limit = d.limit ?? 0
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0) {
    return bad('op 8 limit must be an integer >= 0')
  }
  const userIds =
    d.user_ids === undefined || d.user_ids === null
      ? null
      : isSnowflake(d.user_ids)
        ? [d.user_ids]
        : d.user_ids
  if (userIds !== null && (!Array.isArray(userIds) || !userIds.every(isSnowflake))) {
    return bad('op 8 user_ids must be snowflakes')
  }
  const query = d.query ?? null
  if (query !== null && typeof query !== 'string') return bad('op 8 query must be a string')
  if (query === null && userIds === null) return bad('op 8 needs query or user_ids')
  const nonce = d.nonce
  if (nonce !== undefined && (typeof nonce !== 'string' || nonce.length > 32)) {
    return bad('op 8 nonce must be a string of at most 32 bytes')
  }
  return {
    guildId: d.guild_id,
    query,
    limit,
    userIds: userIds as string[] | null,
    nonce,
    presences: d.presences === true,
  }
}
