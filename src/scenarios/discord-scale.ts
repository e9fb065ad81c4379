import {
  BOT_SHARDS,
  CHANNELS,
  SERVING_SHARD,
  generatedSteps,
  listedCalls,
  suggestedCalls,
  type DiscordScaleShape,
} from './scale/discordScale.ts'
import type { Scenario } from './types.ts'

/** 100,000 members: the bot and 99,999 humans. */
const SHAPE: DiscordScaleShape = { members: 100_000 }

export default {
  id: 'discord-scale',
  title: 'Discord-scale guild (100,000 sessions)',
  summary:
    'One guild of 100,000 members on a 16-shard bot and 100,040 sessions: every dispatch decided by the engine, none faked.',
  order: 9,
  seed: 9,
  generated: generatedSteps(SHAPE),
  calls: listedCalls(SHAPE),
  suggested: suggestedCalls(SHAPE),
  explanation: [
    `The world is built from rules, in slices, so the page never freezes. The bot "herald" runs ${BOT_SHARDS} ` +
      `shards; only shard ${SERVING_SHARD} serves this guild, so the other ${BOT_SHARDS - 1} are drawn per shard ` +
      'and are never subscribed to it.',
    'As in real large guilds, almost everyone identified offline and without GUILD_PRESENCES: only the 25 ' +
      'staff (online, on desktop and phone) and 1 in 100 members see presences. 1 in 25 is a light client ' +
      'without GUILD_MESSAGES, and 1 in 1,000 a DM relay without GUILDS: they are the intents skips.',
    `#staff-room (${CHANNELS.staffRoom}) denies VIEW_CHANNEL to @everyone and allows Staff: 25 people. ` +
      'Six clients hold member-list ranges; a member coming online moves into the online group near the ' +
      'top, so every range that ends past it gets ops, the deep one too.',
  ],
} satisfies Scenario
