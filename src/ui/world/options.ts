import { ChannelType } from '../../store/engineTables.ts'
import { usernameOf, type GraphModel } from '../../store/graphModel.ts'

type Options = [string, string][]

/** The statuses IDENTIFY and op 3 accept. */
export const presenceOptions: Options = ['online', 'idle', 'dnd', 'offline'].map((s) => [s, s])

/** Options built once per list: models of consecutive steps share their 100,000 users and sessions. */
function cached<K extends object>(
  cache: WeakMap<K, Options>,
  key: K,
  build: () => Options,
): Options {
  let options = cache.get(key)
  if (!options) cache.set(key, (options = build()))
  return options
}
const byUsers = new WeakMap<GraphModel['users'], Options>()
const bySessions = new WeakMap<
  GraphModel['sessions'],
  { users: GraphModel['users']; options: Options }
>()

/** Select options from the model at the cursor. */
export const userOptions = (m: GraphModel): Options =>
  cached(byUsers, m.users, () =>
    m.users.map((u) => [u.id, `${u.username}${u.bot ? ' (bot)' : ''}`]),
  )
export const guildOptions = (m: GraphModel): Options => m.guilds.map((g) => [g.id, g.name])
export const roleOptions = (m: GraphModel, guildId: string): Options =>
  m.roles.filter((r) => r.guildId === guildId && r.id !== guildId).map((r) => [r.id, r.name])
/** Sessions as "alice #2"; rebuilt when the sessions or the users' names change. */
export function sessionOptions(m: GraphModel): Options {
  const hit = bySessions.get(m.sessions)
  if (hit?.users === m.users) return hit.options
  const options: Options = m.sessions.map((s) => [s.id, `${usernameOf(m, s.userId)} #${s.ordinal}`])
  bySessions.set(m.sessions, { users: m.users, options })
  return options
}

const TEXT_LIKE: ReadonlySet<number> = new Set([
  ChannelType.GUILD_TEXT,
  ChannelType.DM,
  ChannelType.GROUP_DM,
])

/** Channels a message can be sent in: guild text channels, DMs and group DMs. */
export const textChannelOptions = (m: GraphModel): Options =>
  m.channels
    .filter((c) => TEXT_LIKE.has(c.type))
    .map((c) => [c.id, c.guildId ? `${c.label} (${guildName(m, c.guildId)})` : c.label])

/** A guild's text channels: the ones op 14 can ask a member list for. */
export const guildTextChannelOptions = (m: GraphModel, guildId: string): Options =>
  m.channels
    .filter((c) => c.guildId === guildId && c.type === ChannelType.GUILD_TEXT)
    .map((c) => [c.id, c.label])

const guildName = (m: GraphModel, id: string) => m.guilds.find((g) => g.id === id)?.name ?? id
