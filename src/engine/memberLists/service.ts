import type { EventDispatcherInternal } from '../dispatcher.ts'
import { SessionMark, type Session } from '../gateway/session.ts'
import type { StateManagerInternal } from '../gateway/stateManager.ts'
import {
  concatChanges,
  MemberList,
  type ListChange,
  type ListMember,
  type ListOp,
  PlanMemo,
} from '../lazyGuild/index.ts'
import type { WorldInternal } from '../world/createWorld.ts'
import type { Channel } from '../world/types.ts'
import { entryFor, groupOrderFor, sameEntry } from './listEntries.ts'
import { parseMemberListRequest, type ListRequest } from './op14.ts'
import { carriesMember, sendListUpdate } from './publish.ts'
import { leave, regroupList, type PendingInvalidation, type PendingMoves } from './regroupList.ts'
import {
  allRanges,
  keyOf,
  type Holding,
  type ListState,
  type MemberListRegistry,
} from './registry.ts'
import { restoreLists, snapshotLists } from './snapshot.ts'

/**
 * The member lists of op 14 (src/engine/lazyGuild/), as the rest of the engine sees them: the hooks
 * that keep lists in step with sessions and the world. Who holds what is the registry's
 * (`MemberListRegistry`, also what the `lazy_guild` backend reaches).
 */
export interface MemberListService {
  /** op 14 from a connected session (the gateway checks the session and the guild id). */
  request(session: Session, guildId: string, channels: unknown): void
  /**
   * {@link request} as a job: checks the request whole on the first `next()`, builds the lists that do
   * not exist yet while yielding every {@link MEMBERS_PER_STEP} members, then serves the request in its
   * last step. Nothing changes before that last step.
   */
  requestInSteps(session: Session, guildId: string, channels: unknown): Generator<void, void>
  /** A session closed: drop its ranges and everything kept for it. */
  dropSession(session: Session): void
  /**
   * Something about these members of the guild changed (presence, roles, nick, join, leave,
   * profile): update every list of the guild and send the ops. Returns the sessions sent an op
   * carrying the row of one of them (docs/design/semantics.md §10: an update with no such op tells
   * nothing about the member), as a mark valid until the next call.
   */
  membersChanged(guildId: string, userIds: readonly string[]): SessionMark
  /**
   * Roles or channel overwrites of the guild changed: lists may regroup, split or merge. `scope` says
   * what the change can concern (default: everything, every member read again).
   */
  guildChanged(guildId: string, scope?: ListScope): void
  /** A user is leaving the guild: its sessions stop holding ranges there (no INVALIDATE: it left). */
  userLeftGuild(guildId: string, userId: string): void
  /** The guild's member lists now: who holds which ranges, and the list's counts. */
  describe(guildId: string): MemberListInfo[]
  /** How many sessions anything is kept for (tests: closed sessions leave nothing). */
  trackedSessions(): number
  /** The lists and subscriptions as plain data (snapshots); lists themselves are rebuilt from it. */
  snapshot(): unknown
  restore(snapshot: unknown): void
}

/**
 * What a change of roles or channels can concern, so that its cost is that of the change (every
 * field defaults to "everything").
 */
export interface ListScope {
  /** The members whose rows may have changed, in join order (`world.inJoinOrder`). */
  readonly users?: readonly string[]
  /**
   * Whose holdings to check for channels that show another list now, or that they can no longer read:
   * everyone's (`'all'`: an overwrite or `@everyone` changed), only `users`' (a role's permissions
   * changed), or nobody's (`'none'`: nothing that decides visibility changed).
   */
  readonly moves?: 'all' | 'users' | 'none'
}

const NO_MOVES: PendingMoves = Object.freeze({ invalidations: [], arrivals: [] })

/** Members read into a new list between two yields of {@link MemberListService.requestInSteps}. */
export const MEMBERS_PER_STEP = 500

/** Runs a job to its end at once. */
function drain<T>(job: Generator<void, T>): T {
  for (;;) {
    const next = job.next()
    if (next.done) return next.value
  }
}

/** One member list as `sim.memberLists(guildId)` describes it (plain, frozen data). */
export interface MemberListInfo {
  /** `"everyone"` or the murmur3 list id. */
  readonly id: string
  /** The guild. */
  readonly guildId: string
  /** The graph's topic key: `lazy_guild:<guildId>:<listId>`'s `<guildId>:<listId>` part. */
  readonly key: string
  /** How many members can view the list's channels. */
  readonly memberCount: number
  /** How many of them are not offline. */
  readonly onlineCount: number
  /** Every non-empty group, in list order, with its count. */
  readonly groups: readonly { readonly id: string; readonly count: number }[]
  /** Sessions holding ranges, in the order they first asked, with the channels their op 14 named. */
  readonly holders: readonly {
    readonly sessionId: string
    readonly ranges: readonly (readonly [number, number])[]
    readonly channels: readonly string[]
  }[]
}

/**
 * The lazy member lists (op 14, `lazy_guild`), wired to the world and the sessions: one list per
 * distinct visibility per guild, built on the first request for it and then kept up to date
 * incrementally; each change reaches exactly the sessions whose ranges it touches, with the minimal ops
 * for their ranges (src/engine/lazyGuild/README.md). litecord re-sent whole ranges and accumulated
 * them (bugs 10–12, 15).
 */
export function createMemberListService(deps: {
  readonly world: WorldInternal
  readonly states: StateManagerInternal
  readonly dispatcher: EventDispatcherInternal
  readonly registry: MemberListRegistry
}): MemberListService {
  const { world, dispatcher, registry } = deps

  /** A channel's list, read from the world member by member (yields every MEMBERS_PER_STEP). */
  function* buildListInSteps(channel: Channel, id: string): Generator<void, ListState> {
    const order = groupOrderFor(world, channel)
    const list = new MemberList(order)
    const groups = new Set(order)
    const entries: ListMember[] = []
    let read = 0
    for (const userId of world.guildMemberIds(channel.guild_id as string)) {
      const entry = entryFor(world, channel, groups, userId)
      if (entry) entries.push(entry)
      if (++read % MEMBERS_PER_STEP === 0) yield
    }
    // Sorted once per group, not inserted one by one (the same list: MemberList.fill).
    yield* list.fillInSteps(entries, MEMBERS_PER_STEP * 8)
    return {
      id,
      guildId: channel.guild_id as string,
      channelId: channel.id,
      list,
      holdings: new Map(),
    }
  }

  const buildList = (channel: Channel, id: string): ListState =>
    drain(buildListInSteps(channel, id))

  /** Serves a checked op 14; lists it names that do not exist yet come from `built`, or are built now. */
  function serve(
    session: Session,
    guildId: string,
    byList: ReadonlyMap<string, ListRequest>,
    built: ReadonlyMap<string, ListState>,
  ): void {
    const lists = registry.guildOf(guildId)
    for (const [id, request] of byList) {
      let state = lists.lists.get(id)
      if (!state) lists.lists.set(id, (state = built.get(id) ?? buildList(request.channel, id)))
      const ranges = allRanges(request.channels)
      const ops = registry.subscription(state, session).request(state.list, ranges)
      // A channel named with no ranges holds nothing: it has no ranges to move if its list id changes.
      const holding = new Map([...request.channels].filter(([, rs]) => rs.length > 0))
      registry.hold(state, session, holding)
      sendTo(state, session, ops)
      // Asking for no ranges lets go of the list (after the INVALIDATEs above).
      if (ranges.length === 0) registry.release(state, session)
    }
  }

  const sendTo = (state: ListState, session: Session, ops: readonly ListOp[]) =>
    sendListUpdate(dispatcher, state, [session], [ops])

  /**
   * Sends every holder of `state` its ops for `change`; those whose ops carry the row of one of
   * `about` go into `told`. A send that fails still counts: the frame waits in its resume buffer, as a
   * PRESENCE_UPDATE would.
   */
  function publish(
    state: ListState,
    change: ListChange,
    about: readonly string[],
    told: SessionMark,
  ) {
    const sessions: Session[] = []
    const opsOf: (readonly ListOp[] | null)[] = []
    const plans = new PlanMemo()
    // Holders of the same ranges share one ops array: whether it carries the member is asked once.
    let lastOps: readonly ListOp[] | null = null
    let lastCarried = false
    const carries = new Map<readonly ListOp[], boolean>()
    for (const [session, holding] of state.holdings) {
      const ops = holding.sub.update(change, state.list, 'auto', plans)
      sessions.push(session)
      opsOf.push(ops)
      if (ops === null) continue
      if (ops !== lastOps) {
        let carried = carries.get(ops)
        if (carried === undefined) carries.set(ops, (carried = carriesMember(ops, about)))
        lastOps = ops
        lastCarried = carried
      }
      if (lastCarried) told.add(session)
    }
    sendListUpdate(dispatcher, state, sessions, opsOf)
  }

  /** Re-reads one member into one list; an unchanged row is no change at all. */
  function refresh(
    state: ListState,
    userId: string,
    groups: ReadonlySet<string> = new Set(state.list.groupOrder),
  ): ListChange | null {
    const channel = world.channel(state.channelId)
    if (!channel) return null
    const next = entryFor(world, channel, groups, userId)
    const current = state.list.get(userId)
    if (!next) return current ? state.list.remove(userId) : null
    if (current && sameEntry(current, next)) return null
    return state.list.upsert(next)
  }

  /**
   * Sessions of these users that can no longer read a channel they asked this list for (a role was
   * taken away) stop holding its ranges. Their INVALIDATEs are returned, to be sent once the list's
   * own changes have gone out, so that they carry its counts after the change
   * (docs/design/semantics.md §6).
   */
  function loseSight(state: ListState, userIds: readonly string[]): PendingInvalidation[] {
    const pending: PendingInvalidation[] = []
    // Only the changed members' own sessions can lose sight: found through their sessions, O(those),
    // not by a scan of every holder (100,000 per presence change). Several are taken in the order
    // they hold the list, as the scan took them.
    const candidates: Session[] = []
    for (const userId of userIds) {
      for (const session of deps.states.sessionsOf(userId)) {
        if (state.holdings.has(session) && !candidates.includes(session)) candidates.push(session)
      }
    }
    if (candidates.length === 0) return pending
    const inOrder =
      candidates.length === 1
        ? candidates
        : [...state.holdings.keys()].filter((s) => candidates.includes(s))
    for (const session of inOrder) {
      const holding = state.holdings.get(session) as Holding
      const readable = new Map(
        [...holding.channels].filter(([c]) => world.canView(session.userId, c)),
      )
      if (readable.size === holding.channels.size) continue
      pending.push([state, session, leave(registry, state, session, readable)])
    }
    return pending
  }

  function sendPending(pending: readonly PendingInvalidation[]): void {
    for (const [state, session, ops] of pending) if (ops.length > 0) sendTo(state, session, ops)
  }

  return {
    request(session, guildId, channels) {
      serve(session, guildId, parseMemberListRequest(world, session, guildId, channels), new Map())
    },

    *requestInSteps(session, guildId, channels) {
      const byList = parseMemberListRequest(world, session, guildId, channels)
      const built = new Map<string, ListState>()
      for (const [id, request] of byList) {
        if (registry.guild(guildId)?.lists.has(id)) continue
        built.set(id, yield* buildListInSteps(request.channel, id))
      }
      serve(session, guildId, byList, built)
    },

    dropSession: (session) => registry.dropSession(session),

    userLeftGuild(guildId, userId) {
      for (const state of [...(registry.guild(guildId)?.lists.values() ?? [])]) {
        for (const [session, holding] of [...state.holdings]) {
          if (session.userId !== userId) continue
          holding.sub.forgetRanges()
          registry.release(state, session)
        }
      }
    },

    membersChanged(guildId, userIds) {
      const told = new SessionMark()
      const lists = registry.guild(guildId)
      if (!lists) return told
      for (const state of [...lists.lists.values()]) {
        const lost = loseSight(state, userIds)
        // A list its last holder let go of is still brought up to date for the header of its INVALIDATE.
        const changes = userIds
          .map((u) => refresh(state, u))
          .filter((c): c is ListChange => c !== null)
        if (changes.length > 0) publish(state, concatChanges(changes), userIds, told)
        sendPending(lost)
      }
      return told
    },

    guildChanged(guildId, scope = {}) {
      const lists = registry.guild(guildId)
      if (!lists) return
      const moves = scope.moves ?? 'all'
      const pending =
        moves === 'none'
          ? NO_MOVES
          : regroupList.planMoves(
              { world, registry },
              lists,
              moves === 'users' ? new Set(scope.users) : null,
            )
      const regroup = new Set([...lists.lists.values(), ...pending.invalidations.map(([s]) => s)])
      for (const state of regroup) {
        if (!regroupList.stillShown(world, state)) continue
        const change = regroupList.regroup(world, state, refresh, scope.users)
        if (change) publish(state, change, [], new Set())
      }
      regroupList.finishMoves({ world, registry, build: buildList, send: sendTo }, lists, pending)
    },

    describe(guildId) {
      return Array.from(registry.guild(guildId)?.lists.values() ?? [], (state) =>
        Object.freeze({
          id: state.id,
          guildId,
          key: keyOf(state),
          memberCount: state.list.memberCount,
          onlineCount: state.list.onlineCount,
          groups: Object.freeze(state.list.groups().map((g) => Object.freeze({ ...g }))),
          holders: Object.freeze(
            Array.from(state.holdings, ([session, h]) =>
              Object.freeze({
                sessionId: session.sessionId,
                ranges: Object.freeze(
                  h.sub.ranges.map(([start, end]) => Object.freeze([start, end] as const)),
                ),
                channels: Object.freeze([...h.channels.keys()]),
              }),
            ),
          ),
        }),
      )
    },

    trackedSessions: () => registry.trackedSessions(),
    snapshot: () => snapshotLists(registry),
    restore: (data) => restoreLists(data, deps.states, registry),
  }
}
