import type { Scenario } from '../../src/scenarios/types.ts'
import type { EngineCall } from '../../src/calls/index.ts'

/** Guild `4 << 22` is served by shard 0 of 2, guild `5 << 22` by shard 1 of 2. */
export const GUILD_0 = String(4 * 2 ** 22)
export const GUILD_1 = String(5 * 2 ** 22)
export const CHANNEL_0 = '2000'
export const CHANNEL_1 = '2001'
export const ALICE = '10'
export const BOB = '11'
export const BOT = '50'

const VIEW_CHANNEL = String(1 << 10)

const world: EngineCall[] = [
  { target: 'world', method: 'createUser', args: [{ id: ALICE, username: 'alice' }] },
  { target: 'world', method: 'createUser', args: [{ id: BOB, username: 'bob' }] },
  { target: 'world', method: 'createUser', args: [{ id: BOT, username: 'fanbot', bot: true }] },
  ...[GUILD_0, GUILD_1].flatMap((guild, i): EngineCall[] => [
    {
      target: 'world',
      method: 'createGuild',
      args: [{ id: guild, name: `Guild ${i}`, ownerId: ALICE }],
    },
    {
      target: 'world',
      method: 'createRole',
      args: [
        guild,
        {
          id: String(3000 + i),
          name: 'staff',
          position: 1,
          hoist: true,
          permissions: VIEW_CHANNEL,
        },
      ],
    },
    { target: 'world', method: 'addMember', args: [guild, BOB, { roles: [String(3000 + i)] }] },
    { target: 'world', method: 'addMember', args: [guild, BOT] },
    {
      target: 'world',
      method: 'createChannel',
      args: [{ id: String(2000 + i), guildId: guild, name: 'general' }],
    },
  ]),
  // alice is online on the web client: the session that sees what the bot posts.
  { target: 'gateway', method: 'identify', args: [{ userId: ALICE }] },
]

/** A small world for the real-client tests: two guilds on two shards, a bot, and alice online. */
export const wireTestScenario: Scenario = {
  id: 'wire-test',
  title: 'Wire test',
  summary: 'Two guilds on two shards, a bot, and alice online.',
  seed: 5,
  calls: world,
  suggested: [],
  explanation: [],
  order: 999,
}
