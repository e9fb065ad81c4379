import type { BackendName } from '../../engine/index.ts'
import type { GraphModel, SessionInfo } from '../../store/graphModel.ts'

/** Draw every session up to this many; above it, summarise (playground-notes "Level of detail"). */
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
  /** The node drawing each session (its own, or the summary holding it). */
  readonly nodeOfSession: ReadonlyMap<string, string>
}

export const sessionNodeId = (sessionId: string) => `session:${sessionId}`
export const userNodeId = (userId: string) => `frame:${userId}`
export const linkId = (source: string, target: string) => `link:${source}->${target}`

export interface ViewOptions {
  readonly expanded: Readonly<Record<string, number>>
  /** Sessions that must stay visible on their own (the selected one). */
  readonly pinned: ReadonlySet<string>
}

/** Sessions grouped by user, users in order of their first session. */
function byUser(sessions: readonly SessionInfo[]): Map<string, SessionInfo[]> {
  const groups = new Map<string, SessionInfo[]>()
  for (const s of sessions) {
    const list = groups.get(s.userId)
    if (list) list.push(s)
    else groups.set(s.userId, [s])
  }
  return groups
}

/**
 * The graph's content at one step, with level of detail applied: pure, so it is tested without a DOM.
 * Up to {@link LOD_THRESHOLD} sessions every session is a node inside its user's frame; above it,
 * users with several sessions and bot shards become summary nodes and all but the first single-session
 * users fold into "+N more".
 */
export function buildGraphView(model: GraphModel, options: ViewOptions): GraphView {
  const users = new Map(model.users.map((u) => [u.id, u]))
  const groups = byUser(model.sessions)
  const summarised = model.sessions.length > LOD_THRESHOLD
  const viewUsers: ViewUser[] = []
  const viewSessions: ViewSession[] = []
  const summaries: ViewSummary[] = []
  const nodeOfSession = new Map<string, string>()
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
    nodeOfSession.set(s.id, id)
    return id
  }
  const summarise = (summary: ViewSummary) => {
    summaries.push(summary)
    for (const sid of summary.sessionIds) nodeOfSession.set(sid, summary.id)
  }

  if (!summarised) {
    for (const [userId, sessions] of groups) {
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
    const rest: string[] = []
    for (const [userId, sessions] of groups) {
      const user = users.get(userId)
      const name = user?.username ?? userId
      const pinned = sessions.filter((s) => options.pinned.has(s.id))
      for (const s of pinned) drawSession(s, null)
      const others = sessions.filter((s) => !options.pinned.has(s.id))
      if (others.length === 0) continue
      if (user?.bot) {
        const shards = new Map<number, SessionInfo[]>()
        for (const s of others) shards.set(s.shard[0], [...(shards.get(s.shard[0]) ?? []), s])
        for (const [shard, list] of shards) {
          const count = list[0]?.shard[1] ?? 1
          summarise({
            id: `summary:shard:${userId}:${shard}`,
            kind: 'shard',
            label: `${name} · shard ${shard}/${count}`,
            detail: `${list.length} session${list.length === 1 ? '' : 's'}`,
            sessionIds: list.map((s) => s.id),
          })
        }
      } else if (others.length > 1) {
        summarise({
          id: `summary:user:${userId}`,
          kind: 'user',
          label: name,
          detail: `${others.length} sessions`,
          sessionIds: others.map((s) => s.id),
        })
      } else if (budget > 0) {
        budget -= 1
        for (const s of others) drawSession(s, null)
      } else {
        for (const s of others) rest.push(s.id)
      }
    }
    if (rest.length > 0) {
      summarise({
        id: moreId,
        kind: 'more',
        label: `+${rest.length.toLocaleString('en-US')} more`,
        detail: `${rest.length.toLocaleString('en-US')} sessions of single-session users`,
        sessionIds: rest,
      })
    }
  }

  const sessionsOfUser = new Map([...groups].map(([u, list]) => [u, list.map((s) => s.id)]))
  const links = new Map<string, { source: string; target: string; count: number }>()
  const topics: ViewTopic[] = model.topics.map((t) => {
    // friend topics list peer user ids: the link goes to every session of each peer.
    const sessionIds =
      t.backend === 'friend'
        ? t.subscribers.flatMap((u) => sessionsOfUser.get(u) ?? [])
        : t.subscribers
    for (const sid of sessionIds) {
      const target = nodeOfSession.get(sid)
      if (!target) continue
      const id = linkId(t.id, target)
      const link = links.get(id)
      if (link) link.count += 1
      else links.set(id, { source: t.id, target, count: 1 })
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
    links: [...links].map(([id, l]) => ({ id, ...l })),
    nodeOfSession,
  }
}
