import { Intents, type GatewayState, type Member, type Simulation } from '../engine/index.ts'
import type { EngineCall, Json } from '../calls/index.ts'
import { readRequestMembers } from './commands.ts'
import { CloseCode, isRefusal, type Refusal } from './protocol.ts'

/** At most this many members per GUILD_MEMBERS_CHUNK (docs/design/gateway-facts.md §8). */
export const CHUNK_SIZE = 1000
/** A `query` or `user_ids` request answers at most this many members. */
export const QUERY_LIMIT = 100
/**
 * A request for every member (`query: ""`, `limit: 0`) is allowed once per guild per this many ms;
 * a second one sooner is answered with RATE_LIMITED (docs/design/gateway-facts.md §8).
 */
export const ALL_MEMBERS_EVERY_MS = 30_000

/**
 * The requests for every member each user made, per guild: when the last one allowed was made.
 * Discord counts them per application; a user's sessions share one count here.
 */
export class AllMembersLimit {
  private readonly last = new Map<string, number>()

  /** 0 when a request for every member of `guildId` by `userId` may go at `now` (and counts it), else the ms left. */
  wait(userId: string, guildId: string, now: number): number {
    const key = `${userId}/${guildId}`
    const last = this.last.get(key)
    if (last !== undefined && now - last < ALL_MEMBERS_EVERY_MS) {
      return ALL_MEMBERS_EVERY_MS - (now - last)
    }
    this.last.set(key, now)
    return 0
  }
}

/**
 * op 8 (Request Guild Members) as engine calls: one `dispatcher.dispatchFilter` through `guild` per
 * GUILD_MEMBERS_CHUNK, filtered to the asking session (`{ $only: [sessionId] }`), so the chunks are
 * frames of that session like any other and the call replays exactly. The members are read from the
 * world now: a username prefix (case-insensitive) or the given ids, lowest user ids first.
 * `presences: true` gets an empty `presences` list. Refusals: a guild this session does not serve is 4001; the whole list without GUILD_MEMBERS, or
 * presences without GUILD_PRESENCES, is 4013 (Discord requires those intents for them). The whole
 * list again within {@link ALL_MEMBERS_EVERY_MS} of the last is one RATE_LIMITED dispatch
 * `{ opcode: 8, retry_after, meta: { guild_id, nonce? } }` to the session, and no chunk: without it, a
 * client could make the server build and send every member of a large guild twice a second.
 */
export function requestMembersCalls(
  sim: Simulation,
  state: GatewayState,
  d: unknown,
  limit: { readonly allMembers: AllMembersLimit; readonly now: number },
): EngineCall[] | Refusal {
  const request = readRequestMembers(d)
  if (isRefusal(request)) return request
  const { guildId } = request
  const world = sim.world
  const [shardId, shardCount] = state.shard
  if (world.guild(guildId) === undefined || !world.member(guildId, state.userId)) {
    return { code: CloseCode.UNKNOWN_OPCODE, reason: `op 8: not a member of guild ${guildId}` }
  }
  if (Number((BigInt(guildId) >> 22n) % BigInt(shardCount)) !== shardId) {
    return { code: CloseCode.UNKNOWN_OPCODE, reason: `op 8: guild ${guildId} is on another shard` }
  }
  const everyone = request.userIds === null && request.query === ''
  if (everyone && (state.intents & Intents.GUILD_MEMBERS) === 0) {
    return { code: CloseCode.INVALID_INTENTS, reason: 'op 8 for every member needs GUILD_MEMBERS' }
  }
  if (request.presences && (state.intents & Intents.GUILD_PRESENCES) === 0) {
    return { code: CloseCode.INVALID_INTENTS, reason: 'op 8 presences need GUILD_PRESENCES' }
  }
  if (everyone && request.limit === 0) {
    const wait = limit.allMembers.wait(state.userId, guildId, limit.now)
    if (wait > 0) {
      const meta: Record<string, Json> = { guild_id: guildId }
      if (request.nonce !== undefined) meta.nonce = request.nonce
      const payload = { opcode: 8, retry_after: wait / 1000, meta }
      return [
        {
          target: 'dispatcher',
          method: 'dispatchFilter',
          args: ['guild', guildId, { $only: [state.sessionId] }, 'RATE_LIMITED', payload],
          label: `RATE_LIMITED (op 8 for every member, ${Math.ceil(wait / 1000)} s early)`,
        },
      ]
    }
  }
  const byId = (a: Member, b: Member) => (BigInt(a.user_id) < BigInt(b.user_id) ? -1 : 1)
  let members: Member[]
  let notFound: string[] = []
  if (request.userIds !== null) {
    const ids = request.userIds.slice(0, QUERY_LIMIT)
    members = ids.flatMap((id) => world.member(guildId, id) ?? [])
    notFound = ids.filter((id) => world.member(guildId, id) === undefined)
  } else {
    const prefix = (request.query as string).toLowerCase()
    const cap =
      everyone && request.limit === 0
        ? Infinity
        : Math.min(request.limit || QUERY_LIMIT, QUERY_LIMIT)
    members = world
      .members(guildId)
      .filter((m) => (world.user(m.user_id)?.username ?? '').toLowerCase().startsWith(prefix))
      .sort(byId)
      .slice(0, cap)
  }
  const chunkCount = Math.max(1, Math.ceil(members.length / CHUNK_SIZE))
  const calls: EngineCall[] = []
  for (let i = 0; i < chunkCount; i++) {
    const part = members.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE)
    const payload: Record<string, Json> = {
      guild_id: guildId,
      members: part.map((m) => memberJson(sim, m)),
      chunk_index: i,
      chunk_count: chunkCount,
    }
    if (i === 0 && notFound.length > 0) payload.not_found = notFound
    // The world keeps presences inside the engine, out of its public API: a presences request is
    // answered with an empty list (the GUILD_CREATE and PRESENCE_UPDATE frames carry them).
    if (request.presences) payload.presences = []
    if (request.nonce !== undefined) payload.nonce = request.nonce
    calls.push({
      target: 'dispatcher',
      method: 'dispatchFilter',
      args: ['guild', guildId, { $only: [state.sessionId] }, 'GUILD_MEMBERS_CHUNK', payload],
      label: `GUILD_MEMBERS_CHUNK ${i + 1}/${chunkCount} (op 8)`,
    })
  }
  return calls
}

function memberJson(sim: Simulation, m: Member): Json {
  const user = sim.world.user(m.user_id)
  return {
    user: user
      ? {
          id: user.id,
          username: user.username,
          discriminator: user.discriminator,
          global_name: user.global_name,
          avatar: user.avatar,
          bot: user.bot,
        }
      : { id: m.user_id },
    nick: m.nick,
    roles: [...m.roles],
    joined_at: m.joined_at,
    deaf: false,
    mute: false,
  }
}
