import type { BackendName } from '../../engine/index.ts'
import {
  userIndex,
  type GraphModel,
  type SessionInfo,
  type UserInfo,
} from '../../store/graphModel.ts'
import { plural } from '../../store/plural.ts'

/** Draw every session up to this many; above it, summarise (docs/design/playground.md §4). */
export const LOD_THRESHOLD = 300
/** In the summarised view, how many single-session users stay visible before "+N more". */
export const LOD_VISIBLE_USERS = 12
/** How many more sessions one click on "+N more" reveals. */
export const LOD_EXPAND_BY = 50

export interface ViewTopic {
  readonly id: string
  readonly backend: BackendName
  readonly key: string
  readonly label: string
  readonly subscriberCount: number
}

/** A user's frame around its session nodes (full detail only). */
export interface ViewUser {
  readonly id: string
  readonly userId: string
  readonly username: string
  readonly bot: boolean
  readonly sessionNodeIds: readonly string[]
}

export interface ViewSession {
  readonly id: string
  readonly session: SessionInfo
  readonly username: string
  readonly bot: boolean
  /** The user frame it sits in, or null when drawn on its own (summarised view). */
  readonly parentId: string | null
}

/** A summary node of the summarised view: a user's sessions, a bot shard, or "+N more". */
export interface ViewSummary {
  readonly id: string
  readonly kind: 'user' | 'shard' | 'more'
  readonly label: string
  readonly detail: string
  readonly sessionIds: readonly string[]
}

/** A drawn subscription: topic → the node standing for `count` subscribed sessions. */
export interface ViewLink {
  readonly id: string
  readonly source: string
  readonly target: string
  readonly count: number
}

export interface GraphView {
  readonly summarised: boolean
  readonly topics: readonly ViewTopic[]
  readonly users: readonly ViewUser[]
  readonly sessions: readonly ViewSession[]
  readonly summaries: readonly ViewSummary[]
  readonly links: readonly ViewLink[]
  /** The node drawing each open session (its own, or the summary holding it). */
  readonly nodeOfSession: SessionNodes
  /** The user a session (open or closed) belongs to, when the model knows it. */
  userOfSession(sessionId: string): string | undefined
}

/** Which node draws a session: undefined for one that is not open at this step. */
export interface SessionNodes {
  get(sessionId: string): string | undefined
  /** How many sessions are drawn (every open one). */
  readonly size: number
}

/**
 * Session → node, without a map entry for each of 100,000 folded sessions: the few drawn on their own or
 * in a group are listed, and every other open session is in "+N more".
 */
class NodesOfSessions implements SessionNodes {
  readonly listed = new Map<string, string>()
  private folded: { id: string; count: number } | null = null
  private readonly directory: GraphModel['directory']

  constructor(directory: GraphModel['directory']) {
    this.directory = directory
  }

  fold(id: string, count: number): void {
    this.folded = { id, count }
  }

  get foldedId(): string | undefined {
    return this.folded?.id
  }

  get(sessionId: string): string | undefined {
    const listed = this.listed.get(sessionId)
    if (listed !== undefined || this.folded === null) return listed
    const entry = this.directory.get(sessionId)
    return entry && entry.status !== 'closed' ? this.folded.id : undefined
  }

  get size(): number {
    return this.listed.size + (this.folded?.count ?? 0)
  }
}

export const sessionNodeId = (sessionId: string) => `session:${sessionId}`
export const userNodeId = (userId: string) => `frame:${userId}`
export const linkId = (source: string, target: string) => `link:${source}->${target}`

/** What a view is drawn from: the parts of a model that change only when subscriptions or sessions do. */
export type ViewModel = Pick<GraphModel, 'users' | 'sessions' | 'directory' | 'topics'>

export interface ViewOptions {
  readonly expanded: Readonly<Record<string, number>>
  /** Sessions that must stay visible on their own (the selected one). */
  readonly pinned: ReadonlySet<string>
}

/** Sessions grouped by user, users in order of their first session (a lone session is not wrapped). */
function byUser(sessions: readonly SessionInfo[]): Map<string, SessionInfo | SessionInfo[]> {
  const groups = new Map<string, SessionInfo | SessionInfo[]>()
  for (const s of sessions) {
    const found = groups.get(s.userId)
    if (found === undefined) groups.set(s.userId, s)
    else if (Array.isArray(found)) found.push(s)
    else groups.set(s.userId, [found, s])
  }
  return groups
}

const listOf = (group: SessionInfo | SessionInfo[]): SessionInfo[] =>
  Array.isArray(group) ? group : [group]

/** In the summarised view, how many users with several sessions get a node before "+N more". */
export const LOD_VISIBLE_GROUPS = 8
/** A bot with more shards than this draws only its shards that are subscribed somewhere. */
export const LOD_BOT_SHARDS = 8

const botsOf = new WeakMap<readonly UserInfo[], ReadonlySet<string>>()

/** The ids of the model's bots, found once per users list. */
function botIds(model: Pick<GraphModel, 'users'>): ReadonlySet<string> {
  let bots = botsOf.get(model.users)
  if (!bots) {
    bots = new Set(model.users.filter((u) => u.bot).map((u) => u.id))
    botsOf.set(model.users, bots)
  }
  return bots
}

/** Sessions that are in at least one of the topics' lists, among `candidates`. */
function subscribedAmong(model: ViewModel, candidates: ReadonlySet<string>): Set<string> {
  const found = new Set<string>()
  if (candidates.size === 0) return found
  for (const t of model.topics) {
    if (t.backend === 'friend') continue
    for (const id of t.subscribers) if (candidates.has(id)) found.add(id)
  }
  return found
}

/**
 * The graph's content at one step, with level of detail applied: pure, so it is tested without a DOM.
 * Up to {@link LOD_THRESHOLD} sessions every session is a node inside its user's frame; above it, bots
 * are drawn per shard (past {@link LOD_BOT_SHARDS} shards, those subscribed nowhere share one node),
 * users with several sessions get a node each (the first {@link LOD_VISIBLE_GROUPS}), and all but the
 * first single-session users fold into "+N more" with the other users. Linear in sessions plus
 * subscriptions: a 100,000-session model is summarised in a few tens of milliseconds.
 */
export function buildGraphView(model: ViewModel, options: ViewOptions): GraphView {
  const users = userIndex(model)
  const summarised = model.sessions.length > LOD_THRESHOLD
  const viewUsers: ViewUser[] = []
  const viewSessions: ViewSession[] = []
  const summaries: ViewSummary[] = []
  const nodeOfSession = new NodesOfSessions(model.directory)
  const listed = nodeOfSession.listed
  const drawSession = (s: SessionInfo, parentId: string | null) => {
    const user = users.get(s.userId)
    const id = sessionNodeId(s.id)
    viewSessions.push({
      id,
      session: s,
      username: user?.username ?? s.userId,
      bot: user?.bot ?? false,
      parentId,
    })
    listed.set(s.id, id)
    return id
  }
  const summarise = (summary: ViewSummary) => {
    summaries.push(summary)
    if (summary.kind === 'more') nodeOfSession.fold(summary.id, summary.sessionIds.length)
    else for (const sid of summary.sessionIds) listed.set(sid, summary.id)
  }
  if (!summarised) {
    for (const [userId, group] of byUser(model.sessions)) {
      const sessions = listOf(group)
      const user = users.get(userId)
      const id = userNodeId(userId)
      const sessionNodeIds = sessions.map((s) => drawSession(s, id))
      viewUsers.push({
        id,
        userId,
        username: user?.username ?? userId,
        bot: user?.bot ?? false,
        sessionNodeIds,
      })
    }
  } else {
    const moreId = 'summary:more'
    let budget = LOD_VISIBLE_USERS + (options.expanded[moreId] ?? 0)
    let groupBudget = LOD_VISIBLE_GROUPS + (options.expanded[moreId] ?? 0)
    const rest: string[] = []
    let restUsers = 0
    const { pinned } = options
    const bots = botIds(model)
    // Only users who ever had a second session (ordinal > 1) or bots can have several open: grouping
    // just those spares a map of 100,000 users.
    const several = new Set<string>()
    for (const s of model.sessions) if (s.ordinal > 1 || bots.has(s.userId)) several.add(s.userId)
    const groups = byUser(
      several.size === 0 ? [] : model.sessions.filter((s) => several.has(s.userId)),
    )
    for (const first of model.sessions) {
      const { userId } = first
      if (!several.has(userId)) {
        // The common case: a user with one session, drawn while the budget lasts, else folded.
        if (budget > 0 || pinned.has(first.id)) {
          if (!pinned.has(first.id)) budget -= 1
          drawSession(first, null)
        } else {
          restUsers += 1
          rest.push(first.id)
        }
        continue
      }
      const group = groups.get(userId)
      if (group === undefined || listOf(group)[0] !== first) continue // not the user's first session
      const sessions = listOf(group)
      const name = users.get(userId)?.username ?? userId
      for (const s of sessions) if (pinned.has(s.id)) drawSession(s, null)
      const others = pinned.size > 0 ? sessions.filter((s) => !pinned.has(s.id)) : sessions
      if (others.length === 0) continue
      if (bots.has(userId)) {
        summariseShards(userId, name, others, model, summarise)
      } else if (others.length > 1 && groupBudget > 0) {
        groupBudget -= 1
        summarise({
          id: `summary:user:${userId}`,
          kind: 'user',
          label: name,
          detail: `${others.length} sessions`,
          sessionIds: others.map((s) => s.id),
        })
      } else if (others.length === 1 && budget > 0) {
        budget -= 1
        drawSession(others[0] as SessionInfo, null)
      } else {
        restUsers += 1
        for (const s of others) rest.push(s.id)
      }
    }
    if (rest.length > 0) {
      summarise({
        id: moreId,
        kind: 'more',
        label: `+${rest.length.toLocaleString('en-US')} more`,
        detail:
          restUsers === rest.length
            ? `${plural(rest.length, 'session')} of single-session users`
            : `${plural(rest.length, 'session')} of ${plural(restUsers, 'user')}`,
        sessionIds: rest,
      })
    }
  }

  let sessionsOfUser: Map<string, string[]> | null = null
  const links: ViewLink[] = []
  const topics: ViewTopic[] = model.topics.map((t) => {
    // friend topics list peer user ids: the link goes to every session of each peer.
    let sessionIds = t.subscribers
    if (t.backend === 'friend') {
      sessionsOfUser ??= new Map(
        [...byUser(model.sessions)].map(([u, g]) => [u, listOf(g).map((s) => s.id)]),
      )
      const of = sessionsOfUser
      sessionIds = t.subscribers.flatMap((u) => of.get(u) ?? [])
    }
    // Count per drawn node first: one link per (topic, node), however many sessions it stands for.
    // Subscribers are open sessions, so one not listed is in "+N more".
    const counts = new Map<string, number>()
    let folded = 0
    for (const sid of sessionIds) {
      const target = listed.get(sid)
      if (target !== undefined) counts.set(target, (counts.get(target) ?? 0) + 1)
      else folded += 1
    }
    const more = folded > 0 ? nodeOfSession.foldedId : undefined
    if (more !== undefined) counts.set(more, folded)
    for (const [target, count] of counts) {
      links.push({ id: linkId(t.id, target), source: t.id, target, count })
    }
    return {
      id: t.id,
      backend: t.backend,
      key: t.key,
      label: t.label,
      subscriberCount: sessionIds.length,
    }
  })
  return {
    summarised,
    topics,
    users: viewUsers,
    sessions: viewSessions,
    summaries,
    links,
    nodeOfSession,
    userOfSession: (sessionId) => model.directory.get(sessionId)?.userId,
  }
}

/**
 * A bot's sessions, one node per shard; a bot with more than {@link LOD_BOT_SHARDS} shards keeps a node
 * only for the shards subscribed somewhere, and one for all the others ("15 shards, subscribed nowhere":
 * they serve none of the guilds shown).
 */
function summariseShards(
  userId: string,
  name: string,
  sessions: readonly SessionInfo[],
  model: ViewModel,
  summarise: (summary: ViewSummary) => void,
): void {
  const shards = new Map<number, SessionInfo[]>()
  for (const s of sessions) {
    const list = shards.get(s.shard[0])
    if (list) list.push(s)
    else shards.set(s.shard[0], [s])
  }
  const busy =
    shards.size > LOD_BOT_SHARDS ? subscribedAmong(model, new Set(sessions.map((s) => s.id))) : null
  const idle: SessionInfo[] = []
  const idleShards: number[] = []
  for (const [shard, list] of shards) {
    if (busy && !list.some((s) => busy.has(s.id))) {
      idle.push(...list)
      idleShards.push(shard)
      continue
    }
    const count = list[0]?.shard[1] ?? 1
    summarise({
      id: `summary:shard:${userId}:${shard}`,
      kind: 'shard',
      label: `${name} · shard ${shard}/${count}`,
      detail: `${list.length} session${list.length === 1 ? '' : 's'}`,
      sessionIds: list.map((s) => s.id),
    })
  }
  if (idle.length > 0) {
    summarise({
      id: `summary:shards:${userId}:idle`,
      kind: 'shard',
      label: `${name} · ${idleShards.length} shards`,
      detail: `subscribed nowhere: shards ${shardRanges(idleShards)}`,
      sessionIds: idle.map((s) => s.id),
    })
  }
}

/** "0–4, 6–15" for a sorted list of shard ids. */
function shardRanges(ids: readonly number[]): string {
  const sorted = [...ids].sort((a, b) => a - b)
  const parts: string[] = []
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i] as number
    let end = start
    while (sorted[i + 1] === end + 1) end = sorted[++i] as number
    parts.push(start === end ? String(start) : `${start}–${end}`)
  }
  return parts.join(', ')
}
