import { EngineError } from '../errors.ts'
import type { Session } from '../gateway/session.ts'
import { describeValue, parseSnowflake } from '../ids.ts'
import { validateRanges, type Range } from '../lazyGuild/index.ts'
import type { WorldInternal } from '../world/createWorld.ts'
import type { Channel } from '../world/types.ts'
import { listIdFor } from './listEntries.ts'

/**
 * The most channels one op 14 may name, and ranges per channel. Discord's client sends one or two
 * channels with a handful of ranges; these bounds keep one request's cost (and the frame it answers
 * with) small. Beyond them the request is refused whole.
 */
export const MAX_REQUEST_CHANNELS = 100
export const MAX_RANGES_PER_CHANNEL = 16

/** What one op 14 asks of one list: the channels that show it and their ranges, added up. */
export interface ListRequest {
  /** The first requested channel showing the list (its overwrites define the list). */
  readonly channel: Channel
  /** Each channel with its own ranges, in the order requested. */
  readonly channels: Map<string, Range[]>
}

/**
 * Reads op 14 (`{ [channelId]: [[start, end], …] }`) into one request per list id, in the order the
 * channels come (docs/design/semantics.md §6, §10). Everything is checked before anything changes:
 * the guild, the session's membership, every channel of the request, every range (a bad one refuses
 * the whole request). A channel the user cannot read is skipped, the rest is served (litecord
 * stopped, bug 15); two channels that show the same list add up their ranges.
 */
export function parseMemberListRequest(
  world: WorldInternal,
  session: Session,
  guildId: string,
  channels: unknown,
): Map<string, ListRequest> {
  world.requireGuild(guildId)
  if (!world.member(guildId, session.userId)) {
    throw new EngineError(
      'NOT_A_MEMBER',
      `user ${session.userId} is not a member of guild ${guildId}; only members see its member list`,
    )
  }
  if (typeof channels !== 'object' || channels === null || Array.isArray(channels)) {
    throw new EngineError(
      'INVALID_INPUT',
      `op 14 channels must be an object { [channelId]: [[start, end], …] }; got ${describeValue(channels)}`,
    )
  }
  const entries = Object.entries(channels)
  if (entries.length > MAX_REQUEST_CHANNELS) {
    throw new EngineError(
      'INVALID_INPUT',
      `op 14 names at most ${MAX_REQUEST_CHANNELS} channels; got ${entries.length}`,
    )
  }
  const byList = new Map<string, ListRequest>()
  for (const [key, ranges] of entries) {
    const channel = world.requireChannel(parseSnowflake(key) ?? key)
    if (channel.guild_id !== guildId) {
      throw new EngineError('UNKNOWN_CHANNEL', `channel ${channel.id} is not in guild ${guildId}`)
    }
    if (!Array.isArray(ranges)) {
      throw new EngineError(
        'INVALID_RANGE',
        `channel ${channel.id}: ranges must be an array of [start, end] pairs; got ${describeValue(ranges)}`,
      )
    }
    if (ranges.length > MAX_RANGES_PER_CHANNEL) {
      throw new EngineError(
        'INVALID_RANGE',
        `channel ${channel.id}: at most ${MAX_RANGES_PER_CHANNEL} ranges per channel; got ${ranges.length}`,
      )
    }
    validateRanges(ranges as Range[])
    if (!world.canView(session.userId, channel.id)) continue
    const id = listIdFor(world, channel)
    const request = byList.get(id) ?? { channel, channels: new Map<string, Range[]>() }
    const own = request.channels.get(channel.id) ?? []
    request.channels.set(channel.id, [...own, ...(ranges as Range[])])
    byList.set(id, request)
  }
  return byList
}
