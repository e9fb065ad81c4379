import { describeValue, toSnowflake } from '../ids.ts'
import type { GuildState, WorldState } from './state.ts'
import type { PermissionOverwrite } from './types.ts'
import { fail, requireBitfield, requireInput } from './validate.ts'

/**
 * @internal Checks a guild channel's overwrites and stores them as Discord does: ids and bitfields
 * as decimal strings, `allow`/`deny` defaulting to `'0'`. A role overwrite (type 0) must name a
 * role of this guild (its `@everyone` overwrite names the guild id); a member overwrite (type 1)
 * must name a user, who need not be a member (Discord keeps a leaver's overwrite). One overwrite
 * per (type, id).
 */
export function normaliseOverwrites(
  state: WorldState,
  guild: GuildState,
  value: unknown,
): PermissionOverwrite[] {
  if (!Array.isArray(value)) {
    fail(
      'INVALID_INPUT',
      `overwrites must be an array of { id, type, allow?, deny? }, got ${describeValue(value)}`,
    )
  }
  const seen = new Set<string>()
  return value.map((item: unknown, i): PermissionOverwrite => {
    const what = `overwrites[${i}]`
    const o = requireInput(item, what)
    const id = toSnowflake(o.id, `${what}.id`)
    if (o.type !== 0 && o.type !== 1) {
      fail(
        'INVALID_INPUT',
        `${what}.type must be 0 (role) or 1 (member), got ${describeValue(o.type)}`,
      )
    }
    if (o.type === 0 && !guild.roles.has(id)) {
      fail(
        'UNKNOWN_ROLE',
        `${what} names role ${id}, which is not a role of guild ${guild.guild.id}`,
      )
    }
    if (o.type === 1 && !state.users.has(id)) {
      fail('UNKNOWN_USER', `${what} names user ${id}, which does not exist`)
    }
    const key = `${o.type}:${id}`
    if (seen.has(key)) {
      fail(
        'INVALID_INPUT',
        `${what} repeats the ${o.type === 0 ? 'role' : 'member'} ${id}; merge them into one`,
      )
    }
    seen.add(key)
    const allow = o.allow === undefined ? '0' : requireBitfield(o.allow, `${what}.allow`)
    const deny = o.deny === undefined ? '0' : requireBitfield(o.deny, `${what}.deny`)
    return { id, type: o.type, allow, deny }
  })
}
