import type { Channel, PermissionOverwrite, Role } from './types.ts'

const FLAGS = {
  CREATE_INSTANT_INVITE: 1n << 0n,
  KICK_MEMBERS: 1n << 1n,
  BAN_MEMBERS: 1n << 2n,
  ADMINISTRATOR: 1n << 3n,
  MANAGE_CHANNELS: 1n << 4n,
  MANAGE_GUILD: 1n << 5n,
  ADD_REACTIONS: 1n << 6n,
  VIEW_AUDIT_LOG: 1n << 7n,
  PRIORITY_SPEAKER: 1n << 8n,
  STREAM: 1n << 9n,
  /** Reading a channel; litecord calls it `read_messages`. */
  VIEW_CHANNEL: 1n << 10n,
  SEND_MESSAGES: 1n << 11n,
  SEND_TTS_MESSAGES: 1n << 12n,
  MANAGE_MESSAGES: 1n << 13n,
  EMBED_LINKS: 1n << 14n,
  ATTACH_FILES: 1n << 15n,
  READ_MESSAGE_HISTORY: 1n << 16n,
  MENTION_EVERYONE: 1n << 17n,
  USE_EXTERNAL_EMOJIS: 1n << 18n,
  VIEW_GUILD_INSIGHTS: 1n << 19n,
  CONNECT: 1n << 20n,
  SPEAK: 1n << 21n,
  MUTE_MEMBERS: 1n << 22n,
  DEAFEN_MEMBERS: 1n << 23n,
  MOVE_MEMBERS: 1n << 24n,
  USE_VAD: 1n << 25n,
  CHANGE_NICKNAME: 1n << 26n,
  MANAGE_NICKNAMES: 1n << 27n,
  MANAGE_ROLES: 1n << 28n,
  MANAGE_WEBHOOKS: 1n << 29n,
  MANAGE_GUILD_EXPRESSIONS: 1n << 30n,
  USE_APPLICATION_COMMANDS: 1n << 31n,
  REQUEST_TO_SPEAK: 1n << 32n,
  MANAGE_EVENTS: 1n << 33n,
  MANAGE_THREADS: 1n << 34n,
  CREATE_PUBLIC_THREADS: 1n << 35n,
  CREATE_PRIVATE_THREADS: 1n << 36n,
  USE_EXTERNAL_STICKERS: 1n << 37n,
  SEND_MESSAGES_IN_THREADS: 1n << 38n,
  USE_EMBEDDED_ACTIVITIES: 1n << 39n,
  MODERATE_MEMBERS: 1n << 40n,
  VIEW_CREATOR_MONETIZATION_ANALYTICS: 1n << 41n,
  USE_SOUNDBOARD: 1n << 42n,
  CREATE_GUILD_EXPRESSIONS: 1n << 43n,
  CREATE_EVENTS: 1n << 44n,
  USE_EXTERNAL_SOUNDS: 1n << 45n,
  SEND_VOICE_MESSAGES: 1n << 46n,
  SEND_POLLS: 1n << 49n,
  USE_EXTERNAL_APPS: 1n << 50n,
  PIN_MESSAGES: 1n << 51n,
  BYPASS_SLOWMODE: 1n << 52n,
} as const

/**
 * Discord's permission bits (discord.com/developers/docs/topics/permissions), as bigints: real
 * bitfields pass 2^53. Bits 47 and 48 are left out because Discord's bot documentation does not
 * list them. `ALL` is every bit here: what the guild owner and ADMINISTRATOR holders get.
 *
 * @example
 * const mods = Permissions.VIEW_CHANNEL | Permissions.KICK_MEMBERS
 * sim.world.createRole('20971520', { id: '3002', name: 'Moderators', permissions: mods })
 */
export const Permissions = {
  ...FLAGS,
  ALL: Object.values(FLAGS).reduce((all, bit) => all | bit, 0n),
} as const

/** A permission name of {@link Permissions}. */
export type PermissionName = keyof typeof Permissions

const { ADMINISTRATOR, VIEW_CHANNEL, ALL } = Permissions

/**
 * What a new guild's `@everyone` role may do: Discord's long-standing default for new guilds,
 * `104324673` = CREATE_INSTANT_INVITE, ADD_REACTIONS, STREAM, VIEW_CHANNEL, SEND_MESSAGES,
 * SEND_TTS_MESSAGES, EMBED_LINKS, ATTACH_FILES, READ_MESSAGE_HISTORY, MENTION_EVERYONE,
 * USE_EXTERNAL_EMOJIS, CONNECT, SPEAK, USE_VAD and CHANGE_NICKNAME.
 */
export const DEFAULT_EVERYONE_PERMISSIONS = '104324673'

/**
 * What a recipient may do in a DM or group DM, where there are no roles or overwrites: read, write
 * and react (the text permissions Discord grants in private channels).
 */
export const PRIVATE_CHANNEL_PERMISSIONS =
  VIEW_CHANNEL |
  Permissions.SEND_MESSAGES |
  Permissions.SEND_TTS_MESSAGES |
  Permissions.EMBED_LINKS |
  Permissions.ATTACH_FILES |
  Permissions.READ_MESSAGE_HISTORY |
  Permissions.ADD_REACTIONS |
  Permissions.USE_EXTERNAL_EMOJIS

/** Everything the permission algorithm needs to know about one (possibly hypothetical) member. */
export interface PermissionSubject {
  readonly guildId: string
  readonly ownerId: string
  /** `null` for a hypothetical member that no member overwrite names and that is not the owner. */
  readonly userId: string | null
  readonly everyone: Pick<Role, 'permissions'>
  /** The member's roles, `@everyone` excluded. */
  readonly roles: readonly Pick<Role, 'id' | 'permissions'>[]
}

/** Whether `permissions` holds every bit of `flag`. */
export function hasPermission(permissions: bigint, flag: bigint): boolean {
  return (permissions & flag) === flag
}

/**
 * Guild-level permissions (Discord's `compute_base_permissions`): the owner has everything;
 * otherwise `@everyone` | the member's roles, and ADMINISTRATOR among them means everything.
 */
export function computeBasePermissions(subject: PermissionSubject): bigint {
  if (subject.userId !== null && subject.userId === subject.ownerId) return ALL
  let permissions = BigInt(subject.everyone.permissions)
  for (const role of subject.roles) permissions |= BigInt(role.permissions)
  return hasPermission(permissions, ADMINISTRATOR) ? ALL : permissions
}

/**
 * Applies a channel's overwrites to guild-level `base` (Discord's `compute_overwrites`): the
 * `@everyone` overwrite (id = guild id), then the union of the member's role overwrites (every
 * deny, then every allow, so one role's allow beats another's deny), then the member's own
 * overwrite; each deny then allow. ADMINISTRATOR bypasses overwrites. Discord's implicit denials
 * (no VIEW_CHANNEL removes the rest) are not applied: the engine only ever asks about VIEW_CHANNEL.
 */
export function computeOverwrites(
  base: bigint,
  subject: PermissionSubject,
  channel: Channel,
): bigint {
  if (hasPermission(base, ADMINISTRATOR)) return ALL
  let permissions = base
  const overwrites = channel.permission_overwrites
  const everyone = overwrites.find((o) => o.type === 0 && o.id === subject.guildId)
  if (everyone) permissions = apply(permissions, everyone.allow, everyone.deny)
  let allow = 0n
  let deny = 0n
  for (const overwrite of overwrites) {
    if (overwrite.type !== 0 || overwrite.id === subject.guildId) continue
    if (!subject.roles.some((r) => r.id === overwrite.id)) continue
    allow |= BigInt(overwrite.allow)
    deny |= BigInt(overwrite.deny)
  }
  permissions = (permissions & ~deny) | allow
  const own = overwrites.find((o) => o.type === 1 && o.id === subject.userId)
  if (own) permissions = apply(permissions, own.allow, own.deny)
  return permissions
}

/**
 * A member's permissions: guild-level without `channel`, else in that guild channel.
 *
 * @example
 * const perms = computePermissions(subject, channel)
 * hasPermission(perms, Permissions.VIEW_CHANNEL)
 */
export function computePermissions(subject: PermissionSubject, channel?: Channel): bigint {
  const base = computeBasePermissions(subject)
  return channel ? computeOverwrites(base, subject, channel) : base
}

/**
 * Whether `role` can view `channel` for the lazy member list (docs/design/semantics.md §6): a
 * member holding only `@everyone` and that role, not the owner and named by no member overwrite,
 * could. `guildRoles` must hold the guild's `@everyone` (id = guild id); without it `@everyone`
 * counts as granting nothing.
 */
export function roleCanView(guildRoles: Iterable<Role>, role: Role, channel: Channel): boolean {
  if (channel.guild_id !== role.guild_id) return false
  let everyone: Pick<Role, 'permissions'> = { permissions: '0' }
  for (const r of guildRoles) if (r.id === role.guild_id) everyone = r
  const subject: PermissionSubject = {
    guildId: role.guild_id,
    ownerId: '',
    userId: null,
    everyone,
    roles: role.id === role.guild_id ? [] : [role],
  }
  return hasPermission(computePermissions(subject, channel), VIEW_CHANNEL)
}

/**
 * Whether `@everyone` can view `channel` as Discord's clients decide it for the member list id
 * (docs/design/semantics.md §6, discord.py-self): its base permissions include VIEW_CHANNEL and no
 * overwrite of the channel, of any role or member, denies VIEW_CHANNEL.
 */
export function everyoneCanView(
  channel: Channel,
  everyoneRole: Pick<Role, 'permissions'>,
): boolean {
  if (channel.guild_id === null) return false
  if (!hasPermission(BigInt(everyoneRole.permissions), VIEW_CHANNEL)) return false
  return !channel.permission_overwrites.some((o: PermissionOverwrite) =>
    hasPermission(BigInt(o.deny), VIEW_CHANNEL),
  )
}

function apply(permissions: bigint, allow: string, deny: string): bigint {
  return (permissions & ~BigInt(deny)) | BigInt(allow)
}
