import type { EngineContext } from '../../context.ts'
import type { Session } from '../../gateway/session.ts'
import type { ListMember } from '../listMember.ts'
import { MemberList } from '../memberList.ts'
import { ListSubscription } from '../subscription.ts'
import type { Range } from '../types.ts'
import { GuildLists, type ListState } from './guildLists.ts'

/** Member lists as plain data: the rows themselves (the world may have moved on), and who holds what. */
export interface MemberListsSnapshot {
  readonly guilds: readonly {
    readonly guildId: string
    readonly holderOrder: readonly string[]
    readonly lists: readonly {
      readonly id: string
      readonly channelId: string
      readonly order: readonly string[]
      readonly entries: readonly ListMember[]
      readonly holdings: readonly {
        readonly sessionId: string
        readonly ranges: readonly Range[]
        readonly clientLength: number
        readonly channels: readonly string[]
      }[]
    }[]
  }[]
  /** Lists sessions let go of: their clients keep a copy of this length (semantics §10). */
  readonly released: readonly {
    readonly sessionId: string
    readonly key: string
    readonly clientLength: number
  }[]
}

export function snapshotLists(
  guilds: ReadonlyMap<string, GuildLists>,
  clients: ReadonlyMap<Session, ReadonlyMap<string, ListSubscription>>,
): MemberListsSnapshot {
  const released: MemberListsSnapshot['released'][number][] = []
  for (const [session, subs] of clients) {
    for (const [key, sub] of subs) {
      if (sub.ranges.length > 0) continue
      released.push({ sessionId: session.sessionId, key, clientLength: sub.clientLength })
    }
  }
  return {
    released,
    guilds: Array.from(guilds, ([guildId, lists]) => ({
      guildId,
      holderOrder: lists.holderSessions().map((s) => s.sessionId),
      lists: Array.from(lists.lists.values(), (state) => ({
        id: state.id,
        channelId: state.channelId,
        order: state.list.groupOrder,
        entries: state.list.entries(),
        holdings: Array.from(state.holdings, ([session, h]) => ({
          sessionId: session.sessionId,
          ranges: h.sub.ranges,
          clientLength: h.sub.clientLength,
          channels: [...h.channels],
        })),
      })),
    })),
  }
}

export function restoreLists(
  data: unknown,
  ctx: EngineContext,
  guilds: Map<string, GuildLists>,
  clients: Map<Session, Map<string, ListSubscription>>,
  hold: (state: ListState, session: Session, sub: ListSubscription, channels: string[]) => void,
): void {
  const snapshot = data as MemberListsSnapshot
  for (const g of snapshot.guilds) {
    const lists = new GuildLists()
    guilds.set(g.guildId, lists)
    lists.restoreHolderOrder(g.holderOrder.map((id) => ctx.states.session(id) as Session))
    for (const l of g.lists) {
      const list = new MemberList(l.order)
      for (const entry of l.entries) list.upsert(entry)
      const state: ListState = {
        id: l.id,
        guildId: g.guildId,
        channelId: l.channelId,
        list,
        holdings: new Map(),
      }
      lists.lists.set(l.id, state)
      for (const h of l.holdings) {
        const session = ctx.states.session(h.sessionId) as Session
        const sub = ListSubscription.restore(h.ranges, h.clientLength)
        keep(clients, session, `${g.guildId}:${l.id}`, sub)
        hold(state, session, sub, [...h.channels])
      }
    }
  }
  for (const r of snapshot.released) {
    const session = ctx.states.session(r.sessionId) as Session
    keep(clients, session, r.key, ListSubscription.restore([], r.clientLength))
  }
}

function keep(
  clients: Map<Session, Map<string, ListSubscription>>,
  session: Session,
  key: string,
  sub: ListSubscription,
): void {
  let subs = clients.get(session)
  if (!subs) clients.set(session, (subs = new Map()))
  subs.set(key, sub)
}
