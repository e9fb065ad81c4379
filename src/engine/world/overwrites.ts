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

/** VIEW_CHANNEL, `1 << 10`: the one bit the engine asks overwrites about. */
const VIEW_CHANNEL = 1n << 10n

/**
 * @internal Whose VIEW_CHANNEL in a channel a change of its overwrites can alter (the bit of the
 * result depends on that bit of each overwrite alone): everyone (the `@everyone` overwrite changed),
 * else the members of these roles and these members. Nobody when no overwrite's VIEW_CHANNEL changed.
 */
export interface ViewChange {
  readonly everyone: boolean
  readonly roles: readonly string[]
  readonly members: readonly string[]
}

export function viewChange(
  guildId: string,
  before: readonly PermissionOverwrite[],
  after: readonly PermissionOverwrite[],
): ViewChange {
  const bits = (o: PermissionOverwrite | undefined) =>
    o === undefined
      ? '00'
      : `${(BigInt(o.allow) & VIEW_CHANNEL) !== 0n ? 1 : 0}${(BigInt(o.deny) & VIEW_CHANNEL) !== 0n ? 1 : 0}`
  const find = (list: readonly PermissionOverwrite[], o: PermissionOverwrite) =>
    list.find((x) => x.type === o.type && x.id === o.id)
  const change = { everyone: false, roles: [] as string[], members: [] as string[] }
  const seen = new Set<string>()
  for (const o of [...before, ...after]) {
    const key = `${o.type}:${o.id}`
    if (seen.has(key)) continue
    seen.add(key)
    if (bits(find(before, o)) === bits(find(after, o))) continue
    if (o.type === 1) change.members.push(o.id)
    else if (o.id === guildId) change.everyone = true
    else change.roles.push(o.id)
  }
  return change
}

/** @internal The users a non-`@everyone` ViewChange concerns: its roles' members, its members. */
export function viewers(guild: GuildState, change: ViewChange): Set<string> {
  const users = new Set<string>(change.members)
  for (const role of change.roles) for (const id of guild.index.roleMembers(role)) users.add(id)
  return users
}
