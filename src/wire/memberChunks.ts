import { Intents, type GatewayState, type Member, type Simulation } from '../engine/index.ts'
import type { EngineCall, Json } from '../calls/index.ts'
import { readRequestMembers } from './commands.ts'
import { CloseCode, isRefusal, type Refusal } from './protocol.ts'

/** At most this many members per GUILD_MEMBERS_CHUNK (docs/design/gateway-facts.md §8). */
export const CHUNK_SIZE = 1000
/** A `query` or `user_ids` request answers at most this many members. */
export const QUERY_LIMIT = 100

/**
 * op 8 (Request Guild Members) as engine calls: one `dispatcher.dispatchFilter` through `guild` per
 * GUILD_MEMBERS_CHUNK, filtered to the asking session (`{ $only: [sessionId] }`), so the chunks are
 * frames of that session like any other and the call replays exactly. The members are read from the
 * world now: a username prefix (case-insensitive) or the given ids, lowest user ids first.
 * `presences: true` gets an empty `presences` list. Refusals: a guild this session does not serve is 4001; the whole list without GUILD_MEMBERS, or
 * presences without GUILD_PRESENCES, is 4013 (Discord requires those intents for them).
 */
export function requestMembersCalls(
  sim: Simulation,
  state: GatewayState,
  d: unknown,
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
