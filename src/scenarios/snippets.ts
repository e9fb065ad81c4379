/**
 * Example code for the editor: one snippet per backend and per lesson, each written against whatever
 * world the scenario built (read through `world` and `states`), so it runs anywhere it makes sense and
 * says plainly where it does not. `snippets.test.ts` type-checks every snippet against the engine's
 * generated types and runs it in the sandbox.
 */
export interface Snippet {
  readonly id: string
  readonly title: string
  readonly code: string
}

const guild = `// The guild backend: one event to every session subscribed
// to the guild (IDENTIFY subscribed them), unless its
// shard, intents or permissions say no.
const guild = world.guilds()[0]
if (!guild) throw new Error('This scenario has no guild: try Guild basics')

const result = dispatcher.dispatch('guild', guild.id, 'GUILD_UPDATE', {
  id: guild.id,
  name: guild.name + ' (renamed)',
})
console.log('delivered to', result.delivered.length, 'sessions')
for (const skip of result.skipped) console.log('skipped', skip.sessionId.slice(0, 4), skip.reason)
`

const member = `// The member backend: an event for one member of a guild,
// sent to that user's sessions that serve the guild's
// shard. Others are skipped with the reason shard.
const guild = world.guilds()[0]
if (!guild) throw new Error('This scenario has no guild: try Sharded bot')
const member = world.members(guild.id).find((m) => states.userStates(m.user_id).length > 0)
if (!member) throw new Error('Nobody in ' + guild.name + ' has a session')

const result = dispatcher.dispatch('member', [guild.id, member.user_id], 'GUILD_MEMBER_UPDATE', {
  guild_id: guild.id,
  user: { id: member.user_id },
  roles: [...member.roles],
})
console.log(world.user(member.user_id)?.username, 'has', states.userStates(member.user_id).length, 'sessions')
console.log('delivered', result.delivered.length, 'skipped', result.skipped.map((s) => s.reason))
`

const channel = `// The channel backend: a message goes to the sessions
// subscribed to the channel. Permissions are checked again
// at dispatch time: a lost role means a permission skip.
for (const channel of world.channels().filter((c) => c.type === ChannelType.GUILD_TEXT)) {
  const result = dispatcher.dispatch('channel', channel.id, 'MESSAGE_CREATE', {
    id: String(9000 + Number(channel.position)),
    channel_id: channel.id,
    guild_id: channel.guild_id,
    author: { id: world.users()[0]!.id },
    content: 'hello #' + channel.name,
  })
  console.log('#' + channel.name, '→', result.delivered.length, 'delivered,', result.skipped.length, 'skipped')
}
`

const user = `// The user backend: every session of one user, whatever
// guilds they share. DMs and relationship events travel
// this way.
for (const u of world.users()) {
  const result = dispatcher.dispatch('user', u.id, 'USER_SETTINGS_UPDATE', { theme: 'dark' })
  console.log(u.username, '→', result.delivered.length + result.buffered.length, 'sessions')
}
`

const friend = `// The friend backend: a user's presence goes to the
// sessions of their friends. addFriend makes the link both
// ways and exchanges presences.
const [a, b] = world.users()
if (!a || !b) throw new Error('This scenario needs two users')
try {
  actions.addFriend(a.id, b.id)
} catch (error) {
  console.log('refused, nothing changed:', (error as Error).message)
}

const result = dispatcher.dispatch('friend', a.id, 'PRESENCE_UPDATE', {
  user: { id: a.id },
  status: 'dnd',
  activities: [],
})
console.log(a.username + "'s friends' sessions:", result.delivered.length, 'delivered')
`

const lazyGuild = `// The lazy_guild backend: sessions that asked for a range
// of the member list (op 14). A raw dispatch goes to every
// session holding a range in any list.
const guild = world.guilds()[0]
if (!guild) throw new Error('This scenario has no guild: try Lazy member list')
const channel = world.channels().find((c) => c.guild_id === guild.id)
const session = states.all().find((s) => s.status === 'connected')
if (!channel || !session) throw new Error('This scenario needs a guild channel and a session')

gateway.requestMemberList(session.sessionId, guild.id, { [channel.id]: [[0, 99]] })
console.log('range holders:', dispatcher.subscribers('lazy_guild', guild.id).length)
dispatcher.dispatch('lazy_guild', guild.id, 'GUILD_MEMBER_LIST_UPDATE', { guild_id: guild.id, ops: [] })
`

const op14 = `// Op 14 on the lazy member list: a session asks for ranges
// of a channel's list and is kept up to date only for
// those. Rename a member and watch who gets the update.
const guild = world.guilds()[0]
if (!guild) throw new Error('This scenario has no guild: try Lazy member list')
const channel = world.channels().find((c) => c.guild_id === guild.id)!
const [first, second] = states.all().filter((s) => s.status === 'connected')
if (!first) throw new Error('Nobody is connected')

gateway.requestMemberList(first.sessionId, guild.id, { [channel.id]: [[0, 99]] })
if (second) gateway.requestMemberList(second.sessionId, guild.id, { [channel.id]: [[0, 9]] })

const last = world.members(guild.id).at(-1)!
const results = actions.setNick(guild.id, last.user_id, 'aaa ' + world.user(last.user_id)?.username)
for (const r of results) console.log(r.type, 'via', r.backend, '→', r.delivered.length)
for (const list of sim.memberLists(guild.id)) console.log('list', list)
`

const dispatchMany = `// dispatchMany sends once per key, so a session subscribed
// to two of the keys gets the event twice.
// dispatchManyFilterList remembers who it reached: once
// each.
const [a, b] = world.users()
const home = world.guilds()[0]
if (!a || !b || !home) throw new Error('This scenario needs a guild and two users')
const second = world.createGuild({ name: 'Second guild', ownerId: a.id })
actions.joinGuild(second.id, b.id) // b's sessions subscribe to the new guild
if (!world.member(home.id, b.id)) actions.joinGuild(home.id, b.id)
const keys = [home.id, second.id]
const presence = { user: { id: a.id }, status: 'idle', activities: [] }

const twice = dispatcher.dispatchMany('guild', keys, 'PRESENCE_UPDATE', presence)
console.log('dispatchMany:', twice.map((r) => r.delivered.length), 'deliveries per key')

const reached = dispatcher.dispatchManyFilterList('guild', keys, [], 'PRESENCE_UPDATE', presence)
console.log('dispatchManyFilterList:', reached.length, 'sessions, each once')
`

const resume = `// Disconnect a session, dispatch while it is away (its
// frames are buffered), then RESUME with the last seq it
// saw: the missed frames are replayed in order.
const session = states.all().find((s) => s.status === 'connected')
const guild = world.guilds()[0]
if (!session || !guild) throw new Error('This scenario needs a guild and a connected session')

const lastSeen = session.seq
gateway.disconnect(session.sessionId)
dispatcher.dispatch('guild', guild.id, 'GUILD_UPDATE', { id: guild.id, name: 'missed 1' })
dispatcher.dispatch('guild', guild.id, 'GUILD_UPDATE', { id: guild.id, name: 'missed 2' })

const result = gateway.resume(session.sessionId, lastSeen)
if (result.resumed) console.log('replayed', result.replayed.map((f) => f.t + ' s=' + f.s))
else console.log('could not resume:', result.reason)
`

const messageContent = `// Intents decide which events a session gets at all.
// MESSAGE_CONTENT decides whether a message's content
// reaches it: without it, content arrives empty.
const guild = world.guilds()[0]
const channel = world.channels().find((c) => c.guild_id === guild?.id)
if (!guild || !channel) throw new Error('This scenario needs a guild with a channel')

const bot = world.createUser({ username: 'quietbot', bot: true })
actions.joinGuild(guild.id, bot.id)
const quiet = gateway.identify({ userId: bot.id, intents: Intents.GUILDS | Intents.GUILD_MESSAGES })

actions.sendMessage(channel.id, guild.owner_id, 'the password is swordfish')
const seen = quiet.frames.filter((f) => f.t === 'MESSAGE_CREATE').at(-1)
console.log('quietbot saw content:', JSON.stringify(seen?.d.content))
`

const sharding = `// Sharding: a bot runs one session per shard, and a session
// serves the guilds with (guild_id >> 22) % shard_count equal
// to its shard id. Each guild's event reaches one shard.
const bot = world.users().find((u) => u.bot && states.userStates(u.id).length > 1)
if (!bot) throw new Error('This scenario has no sharded bot: try Sharded bot')
const sessions = states.userStates(bot.id)
for (const guild of world.guilds()) {
  const result = dispatcher.dispatch('guild', guild.id, 'GUILD_UPDATE', { id: guild.id, name: guild.name })
  const got = sessions.filter((s) => result.delivered.includes(s.sessionId))
  const on = shardFor(guild.id, sessions[0]!.shard[1])
  console.log(guild.name, 'is on shard', on, '→', got.map((s) => bot.username + ' shard ' + s.shard[0]).join(', '))
}
`

export const SNIPPETS: readonly Snippet[] = [
  { id: 'guild', title: 'guild: an event to a whole guild', code: guild },
  { id: 'member', title: 'member: one member’s sessions, by shard', code: member },
  { id: 'sharding', title: 'Sharding: which shard serves which guild', code: sharding },
  { id: 'channel', title: 'channel: messages and permission skips', code: channel },
  { id: 'user', title: 'user: every session of a user', code: user },
  { id: 'friend', title: 'friend: presence to friends', code: friend },
  { id: 'lazy_guild', title: 'lazy_guild: member-list range holders', code: lazyGuild },
  { id: 'dispatch-many', title: 'dispatchMany vs dispatchManyFilterList', code: dispatchMany },
  { id: 'resume', title: 'Resume after a disconnect', code: resume },
  { id: 'op14', title: 'Op 14 on the lazy member list', code: op14 },
  { id: 'message-content', title: 'Intents and MESSAGE_CONTENT', code: messageContent },
]

/** The snippet each scenario opens with; others open with the guild one. */
const BY_SCENARIO: Readonly<Record<string, string>> = {
  'guild-basics': 'channel',
  intents: 'message-content',
  'sharded-bot': 'sharding',
  helpers: 'dispatch-many',
  'dms-and-group-dms': 'user',
  'friends-and-presence': 'friend',
  'lazy-member-list': 'op14',
  'disconnect-and-resume': 'resume',
  'large-guild': 'guild',
}

/** The snippet a scenario opens with. */
export function snippetFor(scenarioId: string): Snippet {
  const id = BY_SCENARIO[scenarioId] ?? 'guild'
  return SNIPPETS.find((s) => s.id === id) ?? (SNIPPETS[0] as Snippet)
}
