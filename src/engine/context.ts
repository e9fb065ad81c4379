import type { Backends } from './backends/index.ts'
import type { ManualClock } from './clock.ts'
import type { EventDispatcherInternal } from './dispatcher.ts'
import type { Session } from './gateway/session.ts'
import type { StateManagerInternal } from './gateway/stateManager.ts'
import type { Random } from './random.ts'
import type { Inspector } from './trace/inspector.ts'
import type { Frame } from './types.ts'
import type { WorldInternal } from './world/createWorld.ts'

/** The simulation's options, with defaults applied. */
export interface SimulationSettings {
  readonly seed: number
  readonly startTime: number
  readonly resumeWindowMs: number
  readonly resumeBufferSize: number
}

/**
 * The member lists of op 14 (src/engine/lazyGuild/), as the rest of the engine sees them: who holds
 * ranges, and the hooks that keep lists in step with sessions and the world.
 */
export interface MemberListService {
  holders(guildId: string): readonly Session[]
  guildsWithHolders(): string[]
  request(session: Session, guildId: string, channels: Record<string, [number, number][]>): void
  /** A session closed: drop its ranges. */
  dropSession(session: Session): void
  /**
   * Something about these members of the guild changed (presence, roles, nick, join, leave, profile):
   * update every list of the guild and send the ops. Returns the sessions sent an op carrying the row
   * of one of them (semantics §10: an update with no such op tells nothing about the member).
   */
  membersChanged(guildId: string, userIds: readonly string[]): ReadonlySet<string>
  /** Roles or channel overwrites of the guild changed: lists may regroup, split or merge. */
  guildChanged(guildId: string): void
  /** The guild's member lists now: who holds which ranges, and the list's counts. */
  describe(guildId: string): MemberListInfo[]
  /** The ranges sessions hold, as plain data (snapshots); lists themselves are rebuilt from the world. */
  snapshot(): unknown
  restore(snapshot: unknown): void
  /** A user is leaving the guild: its sessions stop holding ranges there (no INVALIDATE: it left). */
  userLeftGuild(guildId: string, userId: string): void
  /** How many sessions the service keeps anything for (tests: closed sessions leave nothing). */
  trackedSessions(): number
}

/** One member list as `sim.memberLists(guildId)` describes it. */
export interface MemberListInfo {
  /** `"everyone"` or the murmur3 list id. */
  readonly id: string
  readonly guildId: string
  /** The graph's topic key: `lazy_guild:<guildId>:<listId>`'s `<guildId>:<listId>` part. */
  readonly key: string
  readonly memberCount: number
  readonly onlineCount: number
  readonly groups: readonly { readonly id: string; readonly count: number }[]
  /** Sessions holding ranges, in the order they first asked, with the channels their op 14 named. */
  readonly holders: readonly {
    readonly sessionId: string
    readonly ranges: readonly (readonly [number, number])[]
    readonly channels: readonly string[]
  }[]
}

/** Presence (spec/semantics.md §7). */
export interface PresenceService {
  /** Sets the user's presence and fans the change out; nothing when it is unchanged. */
  set(userId: string, presence: { status: string; activities: readonly unknown[] }): void
}

/** The engine's parts, wired once by createSimulation; modules read what they need from here. */
export interface EngineContext {
  readonly settings: SimulationSettings
  readonly world: WorldInternal
  readonly states: StateManagerInternal
  readonly backends: Backends
  readonly dispatcher: EventDispatcherInternal
  readonly inspector: Inspector
  readonly clock: ManualClock
  readonly random: Random
  readonly lists: MemberListService
  readonly presence: PresenceService
  /** Sends one frame straight to a session (READY, GUILD_CREATE, RESUMED), reporting it. */
  sendDirect(session: Session, t: string, d: unknown): void
  /** Reports a frame sent outside a dispatch (replays, op 9). */
  reportFrame(
    session: Session,
    frame: Frame,
    outcome: 'delivered' | 'buffered' | 'failed',
    replay: boolean,
  ): void
}
