import { createSimulation, Intents, type Simulation } from '../engine/index.ts'

/**
 * Engine worlds for the topic workloads, built through the public API only. Sessions belong to users
 * who are not guild members, so IDENTIFY sends READY alone (no GUILD_CREATE, no presence: they identify
 * `offline`), and the benchmark subscribes them to the guild with `dispatcher.subMany`: one topic with
 * exactly the subscribers the workload asks for, as litecord's `dispatcher.sub` would make it.
 */
export interface TopicWorld {
  readonly sim: Simulation
  readonly guildId: string
  /** Every session identified, in order; `subscribed` says which are in the guild's topic. */
  readonly sessionIds: string[]
}

export interface TopicWorldOptions {
  /** Intents of session `i` (default GUILDS, which GUILD_UPDATE needs). */
  readonly intentsOf?: (i: number) => number
  /** Subscribe the sessions to the guild (default true); false builds the same world without them. */
  readonly subscribe?: boolean
  readonly seed?: number
  /** The simulation's resume buffer (frames kept per session for RESUME); the engine's default if unset. */
  readonly resumeBufferSize?: number
}

/** `n` sessions (one user each) and one guild whose topic holds them all. */
export function buildTopicWorld(n: number, options: TopicWorldOptions = {}): TopicWorld {
  const sim = createSimulation({
    seed: options.seed ?? 1,
    ...(options.resumeBufferSize === undefined
      ? {}
      : { resumeBufferSize: options.resumeBufferSize }),
  })
  const owner = sim.world.createUser({ username: 'owner' })
  const guildId = sim.world.createGuild({ name: 'Fanout bench', ownerId: owner.id }).id
  const sessionIds: string[] = []
  for (let i = 0; i < n; i++)
    sessionIds.push(openSession(sim, i, options.intentsOf?.(i) ?? Intents.GUILDS))
  if (options.subscribe ?? true) sim.dispatcher.subMany('guild', guildId, sessionIds)
  return { sim, guildId, sessionIds }
}

/** A new user (a bot, as in large guilds) and its one session, identified offline. */
export function openSession(sim: Simulation, i: number, intents: number = Intents.GUILDS): string {
  const user = sim.world.createUser({ username: `user${i}`, bot: true })
  return sim.gateway.identify({ userId: user.id, intents, presence: { status: 'offline' } })
    .sessionId
}
