/**
 * Discord's channel types that the engine models: guild text, DM, guild voice, group DM and category.
 *
 * @example
 * sim.world.createChannel({ guildId: '20971520', type: ChannelType.GUILD_VOICE, name: 'Lounge' })
 */
export const ChannelType = {
  GUILD_TEXT: 0,
  DM: 1,
  GUILD_VOICE: 2,
  GROUP_DM: 3,
  GUILD_CATEGORY: 4,
} as const

/** One of the {@link ChannelType} values. */
export type ChannelTypeValue = (typeof ChannelType)[keyof typeof ChannelType]

const GUILD_TYPES: ReadonlySet<number> = new Set([
  ChannelType.GUILD_TEXT,
  ChannelType.GUILD_VOICE,
  ChannelType.GUILD_CATEGORY,
])
const ALL_TYPES: ReadonlySet<number> = new Set(Object.values(ChannelType))

/** Whether `type` is a channel type the engine knows. */
export function isChannelType(type: unknown): type is ChannelTypeValue {
  return typeof type === 'number' && ALL_TYPES.has(type)
}

/**
 * Whether channels of `type` belong to a guild (text, voice, category) rather than to recipients.
 */
export function isGuildChannelType(type: number): boolean {
  return GUILD_TYPES.has(type)
}
