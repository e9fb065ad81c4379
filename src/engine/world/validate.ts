import { EngineError } from '../errors.ts'
import { describeValue, parseSnowflake, toSnowflake } from '../ids.ts'
import type { GuildState, WorldCore, WorldState } from './state.ts'
import type { Channel, Member, Role } from './types.ts'

/**
 * @internal Input checks shared by the mutators. Each throws `EngineError` before anything changes,
 * with a message that says what was wrong and what would be right.
 */

/** Throws `EngineError(code, message)`; typed `never` so checks narrow. */
export function fail(code: string, message: string): never {
  throw new EngineError(code, message)
}

/** The input must be a plain object (sandboxed user code can pass anything). */
export function requireInput(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail('INVALID_INPUT', `${what} must be an object, got ${describeValue(value)}`)
  }
  return value as Record<string, unknown>
}

/** Text of 1 to `max` characters, not only whitespace. */
export function requireText(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    fail(
      'INVALID_INPUT',
      `${what} must be a non-empty string of at most ${max} characters, ` +
        `got ${describeValue(value)}`,
    )
  }
  return value
}

/** A boolean flag, `fallback` when left out. */
export function optionalBoolean(value: unknown, what: string, fallback: boolean): boolean {
  if (value === undefined) return fallback
  if (typeof value !== 'boolean')
    fail('INVALID_INPUT', `${what} must be true or false, got ${describeValue(value)}`)
  return value
}

/** A permission bitfield: canonical decimal string, bigint or safe integer, as a decimal string. */
export function requireBitfield(value: unknown, what: string): string {
  const bits = parseSnowflake(value)
  if (bits === undefined) {
    fail(
      'INVALID_INPUT',
      `${what} must be a permission bitfield (a decimal string such as "1024", a bigint such as ` +
        `Permissions.VIEW_CHANNEL, or a safe-integer number ≥ 0), got ${describeValue(value)}`,
    )
  }
  return bits
}

/** A nickname: 1–32 characters, or `null`/`''` for none (as Discord's API resets it). */
export function requireNick(value: unknown): string | null {
  if (value === null || value === '') return null
  if (typeof value !== 'string' || value.length > 32) {
    fail(
      'INVALID_INPUT',
      `nick must be a string of at most 32 characters or null, got ${describeValue(value)}`,
    )
  }
  return value
}

/** An explicit id for a new entity: a snowflake not used by another entity of that kind. */
export function optionalNewId(
  value: unknown,
  what: string,
  taken: (id: string) => boolean,
): string | undefined {
  if (value === undefined) return undefined
  const id = toSnowflake(value, what)
  if (taken(id)) fail('DUPLICATE_ID', `${what} ${id} is already used; omit it to get a fresh one`)
  return id
}

/**
 * The id of a new entity: the explicit one, or the generator's. Called last, after every other
 * check, so that a refused call consumes no id.
 */
export function newId(
  core: WorldCore,
  explicit: string | undefined,
  what: string,
  taken: (id: string) => boolean,
): string {
  if (explicit !== undefined) return explicit
  const id = core.ctx.nextId()
  if (taken(id)) {
    fail(
      'DUPLICATE_ID',
      `the generated ${what} ${id} is already used by an entity created with an explicit id`,
    )
  }
  return id
}

/** The canonical id of an existing user (`INVALID_ID`, `UNKNOWN_USER`). */
export function requireUser(state: WorldState, value: unknown, what = 'user id'): string {
  const id = toSnowflake(value, what)
  if (!state.users.has(id))
    fail('UNKNOWN_USER', `${what} ${id} is not a user; create it with world.createUser`)
  return id
}

/** An existing guild (`INVALID_ID`, `UNKNOWN_GUILD`). */
export function requireGuild(state: WorldState, value: unknown): GuildState {
  const id = toSnowflake(value, 'guild id')
  const guild = state.guilds.get(id)
  if (!guild) fail('UNKNOWN_GUILD', `no guild ${id}; create it with world.createGuild`)
  return guild
}

/** An existing channel (`INVALID_ID`, `UNKNOWN_CHANNEL`). */
export function requireChannel(state: WorldState, value: unknown): Channel {
  const id = toSnowflake(value, 'channel id')
  const channel = state.channels.get(id)
  if (!channel)
    fail(
      'UNKNOWN_CHANNEL',
      `no channel ${id}; create it with world.createChannel or actions.createChannel`,
    )
  return channel
}

/** A role of this guild (`INVALID_ID`, `UNKNOWN_ROLE`). */
export function requireRole(guild: GuildState, value: unknown, what = 'role id'): Role {
  const id = toSnowflake(value, what)
  const role = guild.roles.get(id)
  if (!role) fail('UNKNOWN_ROLE', `${what} ${id} is not a role of guild ${guild.guild.id}`)
  return role
}

/** A member of this guild (`INVALID_ID`, `UNKNOWN_MEMBER`). */
export function requireMember(guild: GuildState, value: unknown): Member {
  const id = toSnowflake(value, 'user id')
  const member = guild.members.get(id)
  if (!member) {
    fail(
      'UNKNOWN_MEMBER',
      `user ${id} is not a member of guild ${guild.guild.id}; add them with actions.joinGuild`,
    )
  }
  return member
}

/**
 * A member's role list: roles of this guild, without `@everyone` (every member has it implicitly,
 * and Discord never lists it), duplicates dropped, order kept.
 */
export function requireMemberRoles(guild: GuildState, value: unknown): string[] {
  if (!Array.isArray(value))
    fail('INVALID_INPUT', `roles must be an array of role ids, got ${describeValue(value)}`)
  const roles = new Set<string>()
  value.forEach((item: unknown, i) => {
    const role = requireRole(guild, item, `roles[${i}]`)
    if (role.id === guild.guild.id) {
      fail(
        'INVALID_INPUT',
        `roles[${i}] is @everyone, which every member has implicitly; leave it out`,
      )
    }
    roles.add(role.id)
  })
  return [...roles]
}
