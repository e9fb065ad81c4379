import { EngineError } from '../errors.ts'
import { describeValue, parseSnowflake, shardBase } from '../ids.ts'
import type { Frame, GatewayState, Snowflake } from '../types.ts'
import type { Session } from './session.ts'
import { UserSessions } from './userSessions.ts'

/**
 * The sessions of the simulation (litecord `StateManager`, gateway/state_manager.py). Every state it
 * hands out is the session's live, read-only view: it shows the session's current seq, status and
 * frames, assigning to it changes nothing, and `JSON.stringify` gives plain JSON.
 *
 * @example
 * const [first] = sim.states.userStates('10') // alice's sessions
 * sim.states.fetchRaw(first.sessionId) === first // true: one view per session
 * JSON.stringify(sim.states.all()) // plain JSON: sessionId, userId, shard, intents, seq, status, frames…
 */
export interface StateManager {
  /** The session, or undefined when unknown or closed. */
  fetchRaw(sessionId: string): GatewayState | undefined
  /** Every session of the user, any shard, in IDENTIFY order. */
  userStates(userId: Snowflake): GatewayState[]
  /** The user's sessions that serve the guild's shard: `(guildId >> 22) % shardCount == shardId`. */
  fetchStates(userId: Snowflake, guildId: Snowflake): GatewayState[]
  /** Every open session, in IDENTIFY order. */
  all(): GatewayState[]
  /** How many sessions are open: `all().length` without building the list (100,000 sessions). */
  count(): number
  /**
   * The frames the session's socket received after its first `count`, in order, frozen:
   * `fetchRaw(sessionId).frames.slice(count)` without copying the frames before them. A reader that
   * remembers how many frames it has seen (a gateway forwarding them to a real client) pays for the
   * new ones only, where reading `frames` after a delivery copies the whole list. `[]` for an unknown
   * or closed session (a `GatewayState` handed out before it closed still shows its frames).
   *
   * @example
   * let seen = 0
   * const fresh = sim.states.framesSince(sessionId, seen) // after each call
   * seen += fresh.length
   */
  framesSince(sessionId: string, count: number): readonly Frame[]
}

/** @internal The engine's side: the sessions themselves and the mutations the gateway makes. */
export interface StateManagerInternal extends StateManager {
  session(sessionId: string): Session | undefined
  /** Every open session, in IDENTIFY order (snapshots). */
  sessions(): Session[]
  /**
   * The open session `sessionId` names, or the one refusal every part of the engine uses: `SESSION_CLOSED`
   * for a session that was closed, `UNKNOWN_SESSION` for anything else.
   */
  require(sessionId: unknown): Session
  /** The user's open sessions in IDENTIFY order (shared: do not mutate). */
  sessionsOf(userId: string): readonly Session[]
  /** How many sessions the user has open: `sessionsOf(userId).length` without building the list. */
  sessionCount(userId: string): number
  insert(session: Session): void
  remove(session: Session): void
  /** True for ids of sessions that existed and were closed (RESUME tells them apart from unknown ids). */
  wasClosed(sessionId: string): boolean
  /** Every closed session id, in closing order (snapshots). */
  closedIds(): string[]
  markClosed(sessionId: string): void
}

const NO_FRAMES: readonly Frame[] = Object.freeze([])

/** True when `session` serves the guild whose `shardBase` (`guildId >> 22`) is given. */
export function serves(session: Session, guildShardBase: number): boolean {
  return session.shardCount === 1 || guildShardBase % session.shardCount === session.shardId
}

export function createStateManager(): StateManagerInternal {
  const bySession = new Map<string, Session>()
  const byUser = new UserSessions()
  /**
   * What a closed session leaves behind (docs/design/semantics.md §10): its id, so a late RESUME
   * hears `closed`.
   */
  const closed = new Set<string>()

  const sessionsOf = (userId: string): readonly Session[] => byUser.of(userId)
  const session = (sessionId: string) =>
    typeof sessionId === 'string' ? bySession.get(sessionId) : undefined

  return {
    fetchRaw: (sessionId) => session(sessionId)?.view,
    userStates(userId) {
      const id = parseSnowflake(userId)
      return id === undefined ? [] : sessionsOf(id).map((s) => s.view)
    },
    fetchStates(userId, guildId) {
      const user = parseSnowflake(userId)
      const guild = parseSnowflake(guildId)
      if (user === undefined || guild === undefined) return []
      const base = shardBase(guild)
      return sessionsOf(user)
        .filter((s) => serves(s, base))
        .map((s) => s.view)
    },
    all: () => Array.from(bySession.values(), (s) => s.view),
    count: () => bySession.size,
    framesSince(sessionId, count) {
      if (!Number.isInteger(count) || count < 0) {
        throw new EngineError(
          'INVALID_INPUT',
          `states.framesSince: count must be how many frames were already read, an integer ≥ 0, got ${describeValue(count)}`,
        )
      }
      return session(sessionId)?.framesFrom(count) ?? NO_FRAMES
    },
    session,
    sessions: () => Array.from(bySession.values()),
    require(sessionId) {
      const found = typeof sessionId === 'string' ? bySession.get(sessionId) : undefined
      if (found) return found
      if (typeof sessionId === 'string' && closed.has(sessionId)) {
        throw new EngineError(
          'SESSION_CLOSED',
          `session ${sessionId} is closed; IDENTIFY a new one`,
        )
      }
      throw new EngineError(
        'UNKNOWN_SESSION',
        `no session ${describeValue(sessionId)}; use a sessionId returned by gateway.identify`,
      )
    },
    sessionsOf,
    sessionCount: (userId) => byUser.count(userId),
    insert(session) {
      bySession.set(session.sessionId, session)
      byUser.add(session)
    },
    remove(session) {
      bySession.delete(session.sessionId)
      closed.add(session.sessionId)
      byUser.remove(session)
    },
    wasClosed: (sessionId) => closed.has(sessionId),
    closedIds: () => Array.from(closed),
    markClosed: (sessionId) => void closed.add(sessionId),
  }
}
