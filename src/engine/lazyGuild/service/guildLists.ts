import type { Session } from '../../gateway/session.ts'
import type { MemberList } from '../memberList.ts'
import type { ListSubscription } from '../subscription.ts'

/** One session's hold on one list, and the channels its op 14 named for it. */
export interface Holding {
  readonly sub: ListSubscription
  /** Channels of the request that map to this list (their ranges add up, semantics §10). */
  readonly channels: string[]
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
