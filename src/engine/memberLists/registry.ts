import type { RangeHolders } from '../backends/lazyGuild.ts'
import type { Session } from '../gateway/session.ts'
import { ListSubscription, type MemberList, type Range } from '../lazyGuild/index.ts'
import type { Inspector } from '../trace/inspector.ts'

/**
 * Channels of a request that map to one list, each with the ranges asked through it, in the order
 * asked. The ranges add up (docs/design/semantics.md §10), but each channel's stay its own: when
 * one channel comes to show another list, only its ranges move.
 */
export type ChannelRanges = ReadonlyMap<string, readonly Range[]>

/**
 * The ranges of every channel, in order, each distinct range once: what the session's subscription
 * holds. A range named again (through another channel of the list, or twice in one) is held once, so
 * it gets one SYNC and one set of ops: 100 channels of one list naming the same 16 ranges cost what
 * the 16 do, not 100 times their SYNC (48 MB at 10,000 members).
 */
export function allRanges(channels: ChannelRanges): Range[] {
  const seen = new Set<string>()
  const ranges: Range[] = []
  for (const own of channels.values()) {
    for (const range of own) {
      const key = `${range[0]}-${range[1]}`
      if (seen.has(key)) continue
      seen.add(key)
      ranges.push(range)
    }
  }
  return ranges
}

/** One session's hold on one list, and the channels its op 14 named for it. */
export interface Holding {
  /** Holds `allRanges(channels)`. */
  readonly sub: ListSubscription
  readonly channels: ChannelRanges
}

/** One member list of a guild: built on the first op 14 for it, dropped when nobody holds a range. */
export interface ListState {
  readonly id: string
  readonly guildId: string
  /** A channel showing this list: its overwrites decide the groups and who is in it. */
  channelId: string
  readonly list: MemberList
  /** In the order sessions first asked. */
  readonly holdings: Map<Session, Holding>
}

/** The member lists of one guild, and who holds ranges in them. */
export class GuildLists {
  readonly lists = new Map<string, ListState>()
  /** session → how many lists of this guild it holds ranges in; insertion order = first asked. */
  private readonly holders = new Map<Session, number>()

  /** Snapshots: puts holders back in their first-asked order before their lists are restored. */
  restoreHolderOrder(sessions: readonly Session[]): void {
    for (const session of sessions) this.holders.set(session, 0)
  }

  holderSessions(): Session[] {
    return Array.from(this.holders.keys())
  }

  hold(state: ListState, session: Session, holding: Holding): void {
    if (!state.holdings.has(session))
      this.holders.set(session, (this.holders.get(session) ?? 0) + 1)
    state.holdings.set(session, holding)
  }

  release(state: ListState, session: Session): void {
    if (!state.holdings.delete(session)) return
    const count = (this.holders.get(session) ?? 1) - 1
    if (count === 0) this.holders.delete(session)
    else this.holders.set(session, count)
    if (state.holdings.size === 0) this.lists.delete(state.id)
  }
}

/**
 * Who holds which member list: per guild its lists and their holders (what `lazy_guild` reaches),
 * per session its subscription to every list it ever held. A client keeps its copy of a list after
 * letting go of it (docs/design/semantics.md §10), so a subscription outlives its holding: asking
 * again starts from the length of that copy, not from an empty one. Everything a session has here
 * goes when it closes.
 *
 * Holding a list is reported on the inspection stream as a `subscribe` to `lazy_guild` with key
 * `<guildId>:<listId>`.
 */
export class MemberListRegistry implements RangeHolders {
  private readonly guilds = new Map<string, GuildLists>()
  private readonly clients = new Map<Session, Map<string, ListSubscription>>()
  private readonly inspector: Inspector

  constructor(inspector: Inspector) {
    this.inspector = inspector
  }

  holders(guildId: string): readonly Session[] {
    return this.guilds.get(guildId)?.holderSessions() ?? []
  }

  guildsWithHolders(): string[] {
    return Array.from(this.guilds)
      .filter(([, g]) => g.lists.size > 0)
      .map(([id]) => id)
  }

  /** The guild's lists, if any were ever asked for. */
  guild(guildId: string): GuildLists | undefined {
    return this.guilds.get(guildId)
  }

  /** The guild's lists, made on first use. */
  guildOf(guildId: string): GuildLists {
    let lists = this.guilds.get(guildId)
    if (!lists) this.guilds.set(guildId, (lists = new GuildLists()))
    return lists
  }

  /** The session's subscription to the list: the one it had, if it ever held it. */
  subscription(state: ListState, session: Session): ListSubscription {
    const subs = this.subscriptionsOf(session)
    const key = keyOf(state)
    let sub = subs.get(key)
    if (!sub) subs.set(key, (sub = new ListSubscription()))
    return sub
  }

  /** The session holds ranges in `state` through these channels (its subscription's ranges). */
  hold(state: ListState, session: Session, channels: ChannelRanges): void {
    if (!state.holdings.has(session)) this.report('subscribe', state, session)
    this.guildOf(state.guildId).hold(state, session, {
      sub: this.subscription(state, session),
      channels,
    })
  }

  /** The session stops holding `state`; its subscription (its client's copy) stays. */
  release(state: ListState, session: Session): void {
    if (!state.holdings.has(session)) return
    this.report('unsubscribe', state, session)
    this.guilds.get(state.guildId)?.release(state, session)
  }

  /** A session closed: it holds nothing, and nothing of it is kept. */
  dropSession(session: Session): void {
    for (const key of this.clients.get(session)?.keys() ?? []) {
      const colon = key.indexOf(':')
      const state = this.guilds.get(key.slice(0, colon))?.lists.get(key.slice(colon + 1))
      if (state) this.release(state, session)
    }
    this.clients.delete(session)
  }

  /** How many sessions anything is kept for (tests: closed sessions leave nothing). */
  trackedSessions(): number {
    const sessions = new Set(this.clients.keys())
    for (const lists of this.guilds.values())
      for (const s of lists.holderSessions()) sessions.add(s)
    return sessions.size
  }

  /** Every guild's lists, for snapshots. */
  allGuilds(): ReadonlyMap<string, GuildLists> {
    return this.guilds
  }

  /** Every session's subscriptions by `<guildId>:<listId>`, for snapshots. */
  allSubscriptions(): ReadonlyMap<Session, ReadonlyMap<string, ListSubscription>> {
    return this.clients
  }

  /** Snapshots: a subscription as it was, by key. */
  restoreSubscription(session: Session, key: string, sub: ListSubscription): void {
    this.subscriptionsOf(session).set(key, sub)
  }

  /**
   * Snapshots: puts the session's subscriptions in the order it first asked for them (`keys`; any not
   * named keep their order after those), which is the order closing it lets go of them.
   */
  restoreSubscriptionOrder(session: Session, keys: readonly string[]): void {
    const subs = this.clients.get(session)
    if (!subs) return
    const ordered = new Map<string, ListSubscription>()
    for (const key of keys) {
      const sub = subs.get(key)
      if (sub) ordered.set(key, sub)
    }
    for (const [key, sub] of subs) if (!ordered.has(key)) ordered.set(key, sub)
    this.clients.set(session, ordered)
  }

  private subscriptionsOf(session: Session): Map<string, ListSubscription> {
    let subs = this.clients.get(session)
    if (!subs) this.clients.set(session, (subs = new Map()))
    return subs
  }

  private report(type: 'subscribe' | 'unsubscribe', state: ListState, session: Session): void {
    if (!this.inspector.active) return
    this.inspector.emit({
      type,
      backend: 'lazy_guild',
      key: keyOf(state),
      subscriber: session.sessionId,
    })
  }
}

/** `<guildId>:<listId>`: a list's key on the inspection stream and in a session's subscriptions. */
export function keyOf(state: Pick<ListState, 'guildId' | 'id'>): string {
  return `${state.guildId}:${state.id}`
}
