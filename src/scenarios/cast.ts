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
