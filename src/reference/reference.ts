import type { BackendName } from '../engine/index.ts'

// Short reference text as data: the playground's backend card and glossary read it, and the docs can
// reuse it. Every sentence restates docs/design/semantics.md (§1 terms, §3 sessions, §5 backends);
// when the engine's rules change, this is the one place the short version changes.

/** What a backend's key is, who a dispatch reaches, and what it checks or ignores. */
export interface BackendReference {
  readonly backend: BackendName
  /** The key's shape, in words: "a guild id". */
  readonly key: string
  /** How the playground's key field shows that shape (`guildId:userId` for member). */
  readonly keyFormat: string
  /** What the backend keeps a list of, if anything. */
  readonly keeps: string
  readonly receives: string
  readonly checks: string
  readonly ignores: string
}

export const BACKEND_REFERENCE: Readonly<Record<BackendName, BackendReference>> = {
  guild: {
    backend: 'guild',
    key: 'a guild id',
    keyFormat: 'guildId',
    keeps:
      'a list of sessions per guild, filled at IDENTIFY for the guilds the session’s shard serves',
    receives: 'every session subscribed to the guild',
    checks:
      'shard, then intents (GUILD_UPDATE needs GUILDS, PRESENCE_UPDATE needs GUILD_PRESENCES…)',
    ignores: 'channel permissions: a guild-wide event is for every member',
  },
  channel: {
    backend: 'channel',
    key: 'a channel id',
    keyFormat: 'channelId',
    keeps: 'a list of sessions per channel: guild text channels the user can read, DMs on shard 0',
    receives: 'every session subscribed to the channel',
    checks:
      'in this order, guild channel: shard, then GUILD_* intents, then VIEW_CHANNEL at dispatch time; DM: DIRECT_* intents; group DM: MESSAGE_* pass any intents, other events need their DIRECT_* intent',
    ignores: 'sessions that are not subscribed, even if their user could read the channel',
  },
  member: {
    backend: 'member',
    key: 'a guild id and a user id',
    keyFormat: 'guildId:userId',
    keeps: 'no list: it asks the state manager for the user’s sessions',
    receives: 'that user’s sessions that serve the guild’s shard (the others are skipped: shard)',
    checks: 'shard',
    ignores: 'intents and permissions',
  },
  user: {
    backend: 'user',
    key: 'a user id',
    keyFormat: 'userId',
    keeps: 'no list: it asks the state manager for the user’s sessions',
    receives: 'every session of that user, on any shard',
    checks: 'nothing but the socket',
    ignores: 'shards, intents and permissions',
  },
  friend: {
    backend: 'friend',
    key: 'a user id (whose friends receive it)',
    keyFormat: 'userId',
    keeps: 'a list of friends’ user ids per user, both ways, made at IDENTIFY and by addFriend',
    receives: 'every session of every friend of that user (not the user’s own sessions)',
    checks: 'nothing but the socket',
    ignores: 'shards, intents and permissions',
  },
  lazy_guild: {
    backend: 'lazy_guild',
    key: 'a guild id',
    keyFormat: 'guildId',
    keeps: 'member lists per channel visibility, and the ranges each session asked for with op 14',
    receives: 'every session holding a range in any member list of the guild',
    checks: 'nothing: its own updates go only to sessions whose ranges the change touches',
    ignores: 'shards and intents; sub and unsub are refused (ranges come only from op 14)',
  },
}

/** The words the playground uses, one sentence each: shown on hover and keyboard focus. */
export const GLOSSARY = {
  guild: 'A server: members, roles and channels; guild events reach the sessions subscribed to it.',
  shard:
    'A slice of a bot’s guilds, [id, count]: a session serves the guilds whose (id >> 22) % count equals its shard id.',
  intent:
    'A bit a session asks for at IDENTIFY; an event gated by an intent it did not ask for is skipped.',
  seq: 'The sequence number `s` of a session’s dispatches, +1 each; RESUME sends the last one received.',
  session: 'One identified gateway connection of a user; a bot with four shards has four sessions.',
  topic:
    'A backend and key, such as guild:20971520: what sessions subscribe to and dispatches name.',
  buffered:
    'Kept for a disconnected session, to be replayed if it RESUMEs before its resume window ends.',
  'resume window':
    'How long a disconnected session stays resumable (60 s of simulation time); then it is closed.',
} as const satisfies Record<string, string>

export type GlossaryTerm = keyof typeof GLOSSARY
