/**
 * The docs' one cast of characters: every example world on a docs page (the docs' scenarios, their
 * code, the snippets in the prose, the playground scenarios a page links to) names these ids with these
 * names, so bob is user 11 on every page. A world that differs says so on its page, and
 * `scripts/docs/cast.test.ts` holds every world to this table.
 */
export const CAST = {
  users: {
    alice: '10',
    bob: '11',
    carol: '12',
    dave: '13',
    erin: '14',
    logbot: '40',
    fanbot: '50',
  },
  guilds: { 'Fanout HQ': '20971520', 'Book club': '16777216' },
  roles: { staff: '3001', Moderators: '3002' },
  /** Channel ids with their names: #general and #staff in Fanout HQ, #books in Book club, alice's DM with bob. */
  channels: { general: '100', staff: '101', books: '200', 'alice–bob DM': '300' },
} as const

export type CastUser = keyof typeof CAST.users
export type CastGuild = keyof typeof CAST.guilds
export type CastRole = keyof typeof CAST.roles
export type CastChannel = keyof typeof CAST.channels

/** Where a cast channel lives: a text channel of a guild (readable by one role only, or everyone), or a DM. */
export type CastChannelHome =
  | { readonly guild: CastGuild; readonly readableBy?: CastRole }
  | { readonly recipients: readonly [CastUser, CastUser] }

/**
 * What the cast is beyond its names, said once: who is a bot, who owns each guild, which guild each
 * role and channel belongs to. The world builder (`castWorld.ts`) reads it, so a scenario's world says
 * only which of these it holds.
 */
export const CAST_DETAILS: {
  readonly bots: readonly CastUser[]
  readonly owners: Readonly<Record<CastGuild, CastUser>>
  readonly roles: Readonly<
    Record<
      CastRole,
      { readonly guild: CastGuild; readonly position: number; readonly hoist?: true }
    >
  >
  readonly channels: Readonly<Record<CastChannel, CastChannelHome>>
} = {
  bots: ['logbot', 'fanbot'],
  owners: { 'Fanout HQ': 'alice', 'Book club': 'alice' },
  roles: {
    staff: { guild: 'Fanout HQ', position: 1 },
    // Hoisted: the member list shows its holders under a header of their own.
    Moderators: { guild: 'Fanout HQ', position: 1, hoist: true },
  },
  channels: {
    general: { guild: 'Fanout HQ' },
    staff: { guild: 'Fanout HQ', readableBy: 'staff' },
    books: { guild: 'Book club' },
    'alice–bob DM': { recipients: ['alice', 'bob'] },
  },
}
