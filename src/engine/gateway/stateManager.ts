import type { GatewayState, Snowflake } from '../types.ts'
import { parseSnowflake, shardBase } from '../ids.ts'
import type { Session } from './session.ts'

/** The sessions of the simulation (litecord `StateManager`, gateway/state_manager.py). */
export interface StateManager {
  /** The session, or undefined when unknown or closed. */
  fetchRaw(sessionId: string): GatewayState | undefined
  /** Every session of the user, any shard, in IDENTIFY order. */
  userStates(userId: Snowflake): GatewayState[]
  /** The user's sessions that serve the guild's shard: `(guildId >> 22) % shardCount == shardId`. */
  fetchStates(userId: Snowflake, guildId: Snowflake): GatewayState[]
  /** Every open session, in IDENTIFY order. */
  all(): GatewayState[]
}

/** @internal The engine's side: typed sessions and the mutations the gateway makes. */
export interface StateManagerInternal extends StateManager {
  session(sessionId: string): Session | undefined
  sessionsOf(userId: string): readonly Session[]
  insert(session: Session): void
  remove(session: Session): void
  /** True for ids of sessions that existed and were closed (RESUME tells them apart from unknown ids). */
  wasClosed(sessionId: string): boolean
  /** Every closed session id, in closing order (snapshots). */
  closedIds(): string[]
  markClosed(sessionId: string): void
}

const NONE: readonly Session[] = Object.freeze([])

/** True when `session` serves the guild whose `shardBase` (`guildId >> 22`) is given. */
export function serves(session: Session, guildShardBase: number): boolean {
  return session.shardCount === 1 || guildShardBase % session.shardCount === session.shardId
}

export function createStateManager(): StateManagerInternal {
  const bySession = new Map<string, Session>()
  const byUser = new Map<string, Session[]>()
  const closed = new Set<string>()

  const sessionsOf = (userId: string): readonly Session[] => byUser.get(userId) ?? NONE

  return {
    fetchRaw: (sessionId) => bySession.get(sessionId),
    userStates(userId) {
      const id = parseSnowflake(userId)
      return id === undefined ? [] : sessionsOf(id).slice()
    },
    fetchStates(userId, guildId) {
      const user = parseSnowflake(userId)
      const guild = parseSnowflake(guildId)
      if (user === undefined || guild === undefined) return []
      const base = shardBase(guild)
      return sessionsOf(user).filter((s) => serves(s, base))
    },
    all: () => Array.from(bySession.values()),
    session: (sessionId) => bySession.get(sessionId),
    sessionsOf,
    insert(session) {
      bySession.set(session.sessionId, session)
      // Copy-on-write: a fan-out iterating a user's sessions never sees its list change under it.
      byUser.set(session.userId, [...sessionsOf(session.userId), session])
    },
    remove(session) {
      bySession.delete(session.sessionId)
      closed.add(session.sessionId)
      const rest = sessionsOf(session.userId).filter((s) => s !== session)
      if (rest.length === 0) byUser.delete(session.userId)
      else byUser.set(session.userId, rest)
    },
    wasClosed: (sessionId) => closed.has(sessionId),
    closedIds: () => Array.from(closed),
    markClosed: (sessionId) => void closed.add(sessionId),
  }
}
