/**
 * Every docs page, in reading order: the sidebar, previous / next, the document titles, the search index
 * and the crawl test all read this one list. Plain data (no React, no imports), so the build's search
 * plugin can load it too. `file` is the page's MDX file under `content/`, without `.mdx`.
 */
export interface DocPageInfo {
  /** The app path (before the base path), e.g. `/docs/backends/lazy-guild`. */
  readonly path: string
  readonly file: string
  readonly title: string
  readonly section: string
  /** One sentence: the search result's line and the page's meta description. */
  readonly summary: string
  /**
   * The page's example world: the scenario its code blocks run against (its live example's, or the
   * docs' world, `docs-world`). The docs checks run every block there.
   */
  readonly world: string
  /** Its "On this page" lists every entry (h3) under its section, with a filter: the API reference. */
  readonly entries?: true
}

export const DOC_PAGES: readonly DocPageInfo[] = [
  {
    path: '/docs',
    file: 'overview',
    title: 'Overview',
    section: 'Start here',
    summary: 'Publish/subscribe, how a Discord-style gateway uses it, and a map of the pieces.',
    world: 'docs-world',
  },
  {
    path: '/docs/events-and-frames',
    file: 'events-and-frames',
    title: 'Events and frames',
    section: 'Start here',
    summary: 'An event is a type and a payload; a frame is { op, t, s, d }; s counts per session.',
    world: 'docs-world',
  },
  {
    path: '/docs/sessions',
    file: 'sessions',
    title: 'Sessions',
    section: 'Start here',
    summary:
      'GatewayState and StateManager: IDENTIFY, READY, what a session is subscribed to, closing.',
    world: 'docs-world',
  },
  {
    path: '/docs/dispatcher',
    file: 'dispatcher',
    title: 'The dispatcher',
    section: 'Start here',
    summary: 'dispatch, dispatchMany, dispatchFilter, dispatchManyFilterList, sub, unsub, subMany.',
    world: 'dispatch-many',
  },
  {
    path: '/docs/backends/guild',
    file: 'backends/guild',
    title: 'guild',
    section: 'Backends',
    summary: 'Guild id → sessions: every subscribed session serving the shard, with the intent.',
    world: 'guild-backend',
  },
  {
    path: '/docs/backends/channel',
    file: 'backends/channel',
    title: 'channel',
    section: 'Backends',
    summary:
      'Channel id → sessions, checking VIEW_CHANNEL now; DMs and group DMs with DIRECT_* intents.',
    world: 'channel-backend',
  },
  {
    path: '/docs/backends/member',
    file: 'backends/member',
    title: 'member',
    section: 'Backends',
    summary: 'No list: one user’s sessions that serve the guild’s shard, nothing else checked.',
    world: 'member-backend',
  },
  {
    path: '/docs/backends/user',
    file: 'backends/user',
    title: 'user',
    section: 'Backends',
    summary: 'No list: every session of one user, any shard, any intents.',
    world: 'user-backend',
  },
  {
    path: '/docs/backends/friend',
    file: 'backends/friend',
    title: 'friend',
    section: 'Backends',
    summary: 'User id → friends’ user ids: every session of every friend.',
    world: 'friend-backend',
  },
  {
    path: '/docs/backends/lazy-guild',
    file: 'backends/lazy-guild',
    title: 'lazy_guild',
    section: 'Backends',
    summary:
      'Guild id → member lists → sessions with ranges: only the sessions whose window shows it.',
    world: 'lazy-guild-backend',
  },
  {
    path: '/docs/sharding',
    file: 'sharding',
    title: 'Sharding',
    section: 'Gateway rules',
    summary: 'Which shard serves a guild: (guild_id >> 22) % num_shards, in BigInt.',
    world: 'docs-world',
  },
  {
    path: '/docs/intents',
    file: 'intents',
    title: 'Intents',
    section: 'Gateway rules',
    summary: 'The bits a session asks for, the events each one gates, and the privileged three.',
    world: 'docs-world',
  },
  {
    path: '/docs/lazy-member-list',
    file: 'lazy-member-list',
    title: 'Lazy member list',
    section: 'Gateway rules',
    summary:
      'op 14 ranges as windows; SYNC, INSERT, DELETE, UPDATE, INVALIDATE on a client’s copy.',
    world: 'docs-world',
  },
  {
    path: '/docs/resume',
    file: 'resume',
    title: 'Resume and faults',
    section: 'Gateway rules',
    summary: 'The buffer, the window, replay, INVALID_SESSION, and a socket that fails.',
    world: 'resume',
  },
  {
    path: '/docs/wire-protocol',
    file: 'wire-protocol',
    title: 'The wire protocol',
    section: 'Real clients',
    summary:
      'Frames on a WebSocket: HELLO, IDENTIFY, heartbeats, RESUME, close codes, frame by frame.',
    world: 'docs-world',
  },
  {
    path: '/docs/your-bot',
    file: 'your-bot',
    title: 'Connect your own bot',
    section: 'Real clients',
    summary:
      'npm run gateway: a local gateway that discord.js connects to, watched live in the playground.',
    world: 'docs-world',
  },
  {
    path: '/docs/litecord',
    file: 'litecord',
    title: 'Differences from litecord',
    section: 'Context',
    summary: 'Each litecord bug this engine does not copy, with the correct behaviour beside it.',
    world: 'docs-world',
  },
  {
    path: '/docs/beyond-one-process',
    file: 'beyond-one-process',
    title: 'Beyond one process',
    section: 'Context',
    summary:
      'Fan-out across K gateway nodes: broadcast, a topic per entity, interest routing, batching.',
    world: 'docs-world',
  },
  {
    path: '/docs/api',
    file: 'api',
    title: 'API reference',
    section: 'Reference',
    summary: 'Every name the engine exports, generated from its TSDoc at build time.',
    world: 'docs-world',
    entries: true,
  },
]

/** The page at an app path (a trailing slash is ignored), or undefined. */
export function docPageAt(path: string): DocPageInfo | undefined {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path
  return DOC_PAGES.find((p) => p.path === clean)
}
