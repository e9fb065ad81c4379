import type { GraphModel } from '../../store/graphModel.ts'

type Options = [string, string][]

/** Select options from the model at the cursor. */
export const userOptions = (m: GraphModel): Options =>
  m.users.map((u) => [u.id, `${u.username}${u.bot ? ' (bot)' : ''}`])
export const guildOptions = (m: GraphModel): Options => m.guilds.map((g) => [g.id, g.name])
export const roleOptions = (m: GraphModel, guildId: string): Options =>
  m.roles.filter((r) => r.guildId === guildId && r.id !== guildId).map((r) => [r.id, r.name])
export const sessionOptions = (m: GraphModel): Options =>
  m.sessions.map((s) => [
    s.id,
    `${m.users.find((u) => u.id === s.userId)?.username ?? s.userId} #${s.ordinal}`,
  ])
