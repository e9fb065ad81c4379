import type { EngineContext, MemberListService } from '../../context.ts'
import type { EachTarget } from '../../dispatcher.ts'
import { EngineError } from '../../errors.ts'
import type { Session } from '../../gateway/session.ts'
import { describeValue, parseSnowflake } from '../../ids.ts'
import { freezeOwned } from '../../payload.ts'
import type { Channel } from '../../world/types.ts'
import { MemberList } from '../memberList.ts'
import { validateRanges } from '../ops.ts'
import { ListSubscription } from '../subscription.ts'
import { concatChanges, type ListChange, type ListItem, type ListOp, type Range } from '../types.ts'
import { GuildLists, type ListState } from './guildLists.ts'
import { entryFor, groupOrderFor, listIdFor, sameEntry } from './listEntries.ts'
import { regroupList } from './regroupList.ts'
import { restoreLists, snapshotLists } from './snapshot.ts'

/**
 * The lazy member lists (op 14, `lazy_guild`), wired to the world and the sessions: one list per distinct
 * visibility per guild, built on the first request for it and then kept up to date incrementally; each
 * change reaches exactly the sessions whose ranges it touches, with the minimal ops for their ranges
 * (src/engine/lazyGuild/README.md). litecord re-sent whole ranges and accumulated them (bugs 10–12, 15).
 */
export function createMemberLists(ctx: EngineContext): MemberListService {
  const guilds = new Map<string, GuildLists>()
  /**
   * Per session, its subscription to every list it ever held (`<guildId>:<listId>`), held now or not:
   * a client keeps its copy of a list after letting go of it (semantics §10), so asking again must start
   * from that copy's length, not from an empty one. Also the reverse index for `dropSession`.
   */
  const clients = new Map<Session, Map<string, ListSubscription>>()

  function subscriptionFor(state: ListState, session: Session): ListSubscription {
    let subs = clients.get(session)
    if (!subs) clients.set(session, (subs = new Map()))
    const key = `${state.guildId}:${state.id}`
    let sub = subs.get(key)
    if (!sub) subs.set(key, (sub = new ListSubscription()))
    return sub
  }

  const guildOf = (guildId: string) => {
    let lists = guilds.get(guildId)
    if (!lists) guilds.set(guildId, (lists = new GuildLists()))
    return lists
  }

  function buildList(channel: Channel, id: string): ListState {
    const order = groupOrderFor(ctx.world, channel)
    const list = new MemberList(order)
    const groups = new Set(order)
    for (const userId of ctx.world.guildMemberIds(channel.guild_id as string)) {
      const entry = entryFor(ctx.world, channel, groups, userId)
      if (entry) list.upsert(entry)
    }
    return {
      id,
      guildId: channel.guild_id as string,
      channelId: channel.id,
      list,
      holdings: new Map(),
    }
  }

  function report(type: 'subscribe' | 'unsubscribe', state: ListState, session: Session): void {
    if (!ctx.inspector.active) return
    ctx.inspector.emit({
      type,
      at: ctx.clock.now(),
      backend: 'lazy_guild',
      key: `${state.guildId}:${state.id}`,
      subscriber: session.sessionId,
    })
  }

  function hold(
    state: ListState,
    session: Session,
    sub: ListSubscription,
    channels: string[],
  ): void {
    if (!state.holdings.has(session)) report('subscribe', state, session)
    guildOf(state.guildId).hold(state, session, { sub, channels })
  }

  function release(state: ListState, session: Session): void {
    if (state.holdings.has(session)) report('unsubscribe', state, session)
    guilds.get(state.guildId)?.release(state, session)
  }

  function payload(state: ListState, ops: readonly ListOp[]) {
    return freezeOwned({
      id: state.id,
      guild_id: state.guildId,
      member_count: state.list.memberCount,
      online_count: state.list.onlineCount,
      groups: state.list.groups(),
      ops,
    })
  }

  /**
   * Sends every holder of `state` its ops for `change`. Sessions whose ops carry the row of one of
   * `about` (with its new data) go into `told`: an update with no ops, or one that only recounts a group
   * header, tells nothing about the member (semantics §10), so such a session still needs
   * PRESENCE_UPDATE. A send that fails still counts: the frame waits in its resume buffer, as a
   * PRESENCE_UPDATE would.
   */
  function publish(
    state: ListState,
    change: ListChange,
    about: readonly string[] = [],
    told?: Set<string>,
  ): void {
    const targets: EachTarget[] = []
    for (const [session, holding] of state.holdings) {
      const ops = holding.sub.update(change, state.list)
      if (ops === null) {
        targets.push([session, null, 'range'])
        continue
      }
      targets.push([session, payload(state, ops)])
      if (told && carriesMember(ops, about)) told.add(session.sessionId)
    }
    if (targets.length > 0) {
      ctx.dispatcher.sendEach('lazy_guild', state.guildId, 'GUILD_MEMBER_LIST_UPDATE', targets)
    }
  }

  /** Re-reads one member into one list; an unchanged row is no change at all. */
  function refresh(
    state: ListState,
    userId: string,
    groups: ReadonlySet<string> = new Set(state.list.groupOrder),
  ): ListChange | null {
    const channel = ctx.world.channel(state.channelId)
    if (!channel) return null
    const next = entryFor(ctx.world, channel, groups, userId)
    const current = state.list.get(userId)
    if (!next) return current ? state.list.remove(userId) : null
    if (current && sameEntry(current, next)) return null
    return state.list.upsert(next)
  }

  /**
   * Sessions of these users that can no longer read any channel they asked this list for (a role was
   * taken away) stop holding it: INVALIDATE of their ranges, before the list's own changes go out.
   */
  function loseSight(state: ListState, userIds: readonly string[]): void {
    for (const [session, holding] of [...state.holdings]) {
      if (!userIds.includes(session.userId)) continue
      const readable = holding.channels.filter((c) => ctx.world.canView(session.userId, c))
      if (readable.length > 0) {
        holding.channels.splice(0, holding.channels.length, ...readable)
        continue
      }
      const ops = holding.sub.request(state.list, [])
      ctx.dispatcher.sendEach('lazy_guild', state.guildId, 'GUILD_MEMBER_LIST_UPDATE', [
        [session, payload(state, ops)],
      ])
      release(state, session)
    }
  }

  function parseRequest(session: Session, guildId: string, channels: unknown) {
    const guild = ctx.world.guild(guildId)
    if (!guild) throw new EngineError('UNKNOWN_GUILD', `no guild ${guildId}`)
    if (!ctx.world.member(guildId, session.userId)) {
      throw new EngineError(
        'NOT_A_MEMBER',
        `user ${session.userId} is not a member of guild ${guildId}; only members see its member list`,
      )
    }
    if (typeof channels !== 'object' || channels === null || Array.isArray(channels)) {
      throw new EngineError(
        'INVALID_INPUT',
        `op 14 channels must be an object { [channelId]: [[start, end], …] }; got ${describeValue(channels)}`,
      )
    }
    const byList = new Map<string, { channel: Channel; channels: string[]; ranges: Range[] }>()
    for (const [key, ranges] of Object.entries(channels)) {
      const channelId = parseSnowflake(key)
      const channel = channelId === undefined ? undefined : ctx.world.channel(channelId)
      if (!channel || channel.guild_id !== guildId) {
        throw new EngineError(
          'UNKNOWN_CHANNEL',
          `guild ${guildId} has no channel ${JSON.stringify(key)}`,
        )
      }
      if (!Array.isArray(ranges)) {
        throw new EngineError(
          'INVALID_RANGE',
          `channel ${key}: ranges must be an array of [start, end] pairs`,
        )
      }
      validateRanges(ranges as Range[])
      // A channel the user cannot read is skipped; the rest is served (litecord stopped, bug 15).
      if (!ctx.world.canView(session.userId, channel.id)) continue
      const id = listIdFor(ctx.world, channel)
      const entry = byList.get(id) ?? { channel, channels: [], ranges: [] }
      entry.channels.push(channel.id)
      entry.ranges.push(...(ranges as Range[]))
      byList.set(id, entry)
    }
    return byList
  }

  const service: MemberListService = {
    holders: (guildId) => guilds.get(guildId)?.holderSessions() ?? [],
    guildsWithHolders: () =>
      Array.from(guilds)
        .filter(([, g]) => g.lists.size > 0)
        .map(([id]) => id),

    request(session, guildId, channels) {
      if (session.status !== 'connected') {
        throw new EngineError(
          'NOT_CONNECTED',
          `session ${session.sessionId} is not connected; resume it first`,
        )
      }
      const byList = parseRequest(session, guildId, channels)
      const lists = guildOf(guildId)
      for (const [id, request] of byList) {
        let state = lists.lists.get(id)
        if (!state) lists.lists.set(id, (state = buildList(request.channel, id)))
        const sub = subscriptionFor(state, session)
        const ops = sub.request(state.list, request.ranges)
        hold(state, session, sub, request.channels)
        ctx.dispatcher.sendEach('lazy_guild', guildId, 'GUILD_MEMBER_LIST_UPDATE', [
          [session, payload(state, ops)],
        ])
        // Asking for no ranges lets go of the list (after the INVALIDATEs above).
        if (request.ranges.length === 0) release(state, session)
      }
    },

    dropSession(session) {
      for (const key of clients.get(session)?.keys() ?? []) {
        const colon = key.indexOf(':')
        const state = guilds.get(key.slice(0, colon))?.lists.get(key.slice(colon + 1))
        if (state) release(state, session)
      }
      clients.delete(session)
    },

    userLeftGuild(guildId, userId) {
      const lists = guilds.get(guildId)
      if (!lists) return
      for (const state of [...lists.lists.values()]) {
        for (const [session, holding] of [...state.holdings]) {
          if (session.userId !== userId) continue
          holding.sub.forgetRanges()
          release(state, session)
        }
      }
    },

    membersChanged(guildId, userIds) {
      const told = new Set<string>()
      const lists = guilds.get(guildId)
      if (!lists) return told
      for (const state of [...lists.lists.values()]) {
        loseSight(state, userIds)
        if (!lists.lists.has(state.id)) continue
        const changes = userIds
          .map((u) => refresh(state, u))
          .filter((c): c is ListChange => c !== null)
        if (changes.length > 0) publish(state, concatChanges(changes), userIds, told)
      }
      return told
    },

    guildChanged(guildId) {
      const lists = guilds.get(guildId)
      if (!lists) return
      regroupList.moveHolders(ctx, lists, {
        build: (channel, id) => buildList(channel, id),
        subscription: subscriptionFor,
        hold,
        release,
        send: (state, session, ops) =>
          ctx.dispatcher.sendEach('lazy_guild', guildId, 'GUILD_MEMBER_LIST_UPDATE', [
            [session, payload(state, ops)],
          ]),
      })
      for (const state of [...lists.lists.values()]) {
        const change = regroupList.regroup(ctx, state, refresh)
        if (change) publish(state, change)
      }
    },

    describe(guildId) {
      return Array.from(guilds.get(guildId)?.lists.values() ?? [], (state) => ({
        id: state.id,
        guildId,
        key: `${guildId}:${state.id}`,
        memberCount: state.list.memberCount,
        onlineCount: state.list.onlineCount,
        groups: state.list.groups(),
        holders: Array.from(state.holdings, ([session, h]) => ({
          sessionId: session.sessionId,
          ranges: h.sub.ranges,
          channels: [...h.channels],
        })),
      }))
    },

    trackedSessions() {
      const sessions = new Set(clients.keys())
      for (const lists of guilds.values()) for (const s of lists.holderSessions()) sessions.add(s)
      return sessions.size
    },

    snapshot: () => snapshotLists(guilds, clients),
    restore(data) {
      restoreLists(data, ctx, guilds, clients, hold)
    },
  }
  return service
}

/** True when an op carries the member row of one of `userIds` (an INSERT, UPDATE or SYNC item). */
function carriesMember(ops: readonly ListOp[], userIds: readonly string[]): boolean {
  if (userIds.length === 0) return false
  const isAbout = (item: ListItem) =>
    'member' in item && userIds.includes((item.member as { user: { id: string } }).user.id)
  return ops.some((op) =>
    op.op === 'SYNC' ? op.items.some(isAbout) : 'item' in op && isAbout(op.item),
  )
}
