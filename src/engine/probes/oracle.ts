import { Intents, Permissions } from '../index.ts'

/**
 * A deliberately naive model of who receives what, written from docs/design/semantics.md alone (§3
 * sessions, §4 the dispatcher, §5 the backends, §10 the edge cases), never from the engine's code:
 * every decision is a loop over all sessions or all records. The probes run it beside the engine on
 * random histories and compare each dispatch, each session's log, seq and resume buffer, and every
 * subscription list.
 *
 * Frames the model does not compute (READY, GUILD_CREATE, member-list ops, an action's frames) are
 * `ANY` until the engine first shows them; from then on the model holds the engine's copy, so a
 * replay must give back exactly what was first sent.
 */

/** A value the model does not predict: filled in from the engine the first time it is read. */
export const ANY: unique symbol = Symbol('any')
export type Maybe<T> = T | typeof ANY

export interface OFrame {
  op: Maybe<number>
  t: Maybe<string | null>
  s: Maybe<number | null>
  d: unknown
}

export type Status = 'connected' | 'disconnected' | 'closed'

export interface OSession {
  id: string
  userId: string
  shard: [number, number]
  intents: number
  status: Status
  disconnectedAt: number
  seq: number
  /** What its socket received (GatewayState.frames). */
  log: OFrame[]
  /** The resume buffer: the last `bufferSize` frames that took a seq. */
  buffer: OFrame[]
  failing: boolean
  /** op 14: `guildId/listKey` of each member list it holds a range in. */
  holds: Set<string>
}

export interface ORole {
  id: string
  permissions: bigint
}
export interface OOverwrite {
  id: string
  type: 0 | 1
  allow: bigint
  deny: bigint
}
export interface OChannel {
  id: string
  type: number
  guildId?: string
  recipients: string[]
  overwrites: OOverwrite[]
}
export interface OGuild {
  id: string
  ownerId: string
  roles: ORole[]
  /** user id → role ids */
  members: Map<string, string[]>
}

export type Reason = 'filter' | 'shard' | 'intents' | 'permission' | 'send-failed'
export interface OResult {
  delivered: string[]
  buffered: string[]
  skipped: { sessionId: string; reason: Reason }[]
}

const VIEW = Permissions.VIEW_CHANNEL as bigint
const ADMIN = Permissions.ADMINISTRATOR as bigint

/** Events gated by an intent in the probes' vocabulary (docs/design/gateway-facts.md §5). */
function guildIntent(type: string): number | undefined {
  switch (type) {
    case 'GUILD_UPDATE':
    case 'GUILD_ROLE_CREATE':
      return Intents.GUILDS
    case 'GUILD_MEMBER_ADD':
    case 'GUILD_MEMBER_UPDATE':
    case 'GUILD_MEMBER_REMOVE':
      return Intents.GUILD_MEMBERS
    case 'PRESENCE_UPDATE':
      return Intents.GUILD_PRESENCES
    case 'MESSAGE_CREATE':
    case 'MESSAGE_UPDATE':
      return Intents.GUILD_MESSAGES
    case 'MESSAGE_REACTION_ADD':
      return Intents.GUILD_MESSAGE_REACTIONS
    case 'TYPING_START':
      return Intents.GUILD_MESSAGE_TYPING
    default:
      return undefined
  }
}
function directIntent(type: string, groupDm: boolean): number | undefined {
  switch (type) {
    case 'MESSAGE_CREATE':
    case 'MESSAGE_UPDATE':
      return groupDm ? undefined : Intents.DIRECT_MESSAGES
    case 'MESSAGE_REACTION_ADD':
      return Intents.DIRECT_MESSAGE_REACTIONS
    case 'TYPING_START':
      return Intents.DIRECT_MESSAGE_TYPING
    default:
      return undefined
  }
}

export class Oracle {
  sessions: OSession[] = []
  guilds = new Map<string, OGuild>()
  channels = new Map<string, OChannel>()
  friendships: [string, string][] = []
  /** Friend links (docs/design/semantics.md §10: made at IDENTIFY for current friends). */
  links = new Set<string>()
  topics = new Map<string, string[]>()
  now: number
  readonly windowMs: number
  readonly bufferSize: number

  constructor(windowMs: number, bufferSize: number, startTime: number) {
    this.windowMs = windowMs
    this.bufferSize = bufferSize
    this.now = startTime
  }

  session(id: string): OSession {
    const s = this.sessions.find((x) => x.id === id)
    if (!s) throw new Error(`oracle: no session ${id}`)
    return s
  }
  live(): OSession[] {
    return this.sessions.filter((s) => s.status !== 'closed')
  }
  userSessions(userId: string): OSession[] {
    return this.live().filter((s) => s.userId === userId)
  }
  list(topic: string): string[] {
    let l = this.topics.get(topic)
    if (!l) this.topics.set(topic, (l = []))
    return l
  }
  sub(topic: string, id: string): void {
    const l = this.list(topic)
    if (!l.includes(id)) l.push(id)
  }
  unsub(topic: string, id: string): void {
    const l = this.list(topic)
    const i = l.indexOf(id)
    if (i >= 0) l.splice(i, 1)
  }

  serves(s: OSession, guildId: string): boolean {
    return Number((BigInt(guildId) >> 22n) % BigInt(s.shard[1])) === s.shard[0]
  }

  /** docs/design/semantics.md §2, Discord's algorithm, written out in full. */
  canView(userId: string, channelId: string): boolean {
    const c = this.channels.get(channelId)
    if (!c) return false
    if (c.guildId === undefined) return c.recipients.includes(userId)
    const g = this.guilds.get(c.guildId)!
    const roles = g.members.get(userId)
    if (!roles) return false
    if (g.ownerId === userId) return true
    let base = g.roles.find((r) => r.id === g.id)!.permissions
    for (const r of g.roles) if (roles.includes(r.id)) base |= r.permissions
    if (base & ADMIN) return true
    const everyone = c.overwrites.find((o) => o.type === 0 && o.id === g.id)
    if (everyone) base = (base & ~everyone.deny) | everyone.allow
    let allow = 0n
    let deny = 0n
    for (const o of c.overwrites)
      if (o.type === 0 && o.id !== g.id && roles.includes(o.id)) {
        allow |= o.allow
        deny |= o.deny
      }
    base = (base & ~deny) | allow
    const own = c.overwrites.find((o) => o.type === 1 && o.id === userId)
    if (own) base = (base & ~own.deny) | own.allow
    return (base & VIEW) !== 0n
  }

  /**
   * Which member list a channel shows (docs/design/semantics.md §6 "One list per visibility"): `everyone`, or its
   * VIEW_CHANNEL overwrites written and sorted as the list id's hash input. The probes' worlds
   * always let `@everyone` view, so the hash itself is not needed to tell lists apart.
   */
  listKey(channelId: string): string {
    const c = this.channels.get(channelId)!
    const view = c.overwrites.filter((o) => (o.allow | o.deny) & VIEW)
    if (!view.some((o) => o.deny & VIEW)) return `${c.guildId}/everyone`
    const parts = view.map((o) => `${o.allow & VIEW ? 'allow' : 'deny'}:${o.id}`).sort()
    return `${c.guildId}/${parts.join(',')}`
  }

  friendsOf(userId: string): string[] {
    const out: string[] = []
    for (const [a, b] of this.friendships) {
      if (a === userId) out.push(b)
      if (b === userId) out.push(a)
    }
    return out
  }

  /** Takes a seq and sends: the last step of every delivery (docs/design/semantics.md §3 "Sending"). */
  send(s: OSession, t: string, d: unknown): 'delivered' | 'buffered' | 'send-failed' {
    s.seq += 1
    const frame: OFrame = { op: 0, t, s: s.seq, d }
    s.buffer.push(frame)
    if (s.buffer.length > this.bufferSize) s.buffer.shift()
    if (s.status === 'disconnected') return 'buffered'
    if (s.failing) return 'send-failed'
    s.log.push(frame)
    return 'delivered'
  }

  /** A frame the model does not compute, that took a seq (ANY until the engine shows it). */
  sendUnknown(s: OSession): void {
    this.send(s, ANY as never, ANY)
  }

  identify(
    id: string,
    userId: string,
    intents: number,
    shard: [number, number],
  ): { guilds: string[] } {
    const s: OSession = {
      id,
      userId,
      shard,
      intents,
      status: 'connected',
      disconnectedAt: 0,
      seq: 0,
      log: [],
      buffer: [],
      failing: false,
      holds: new Set(),
    }
    this.sessions.push(s)
    const served = [...this.guilds.values()].filter(
      (g) => g.members.has(userId) && this.serves(s, g.id),
    )
    this.send(s, 'READY', ANY)
    if (intents & Intents.GUILDS) for (let i = 0; i < served.length; i++) this.sendUnknown(s)
    for (const g of served) this.sub(`guild:${g.id}`, id)
    for (const g of served)
      for (const c of this.channels.values())
        if (c.guildId === g.id && c.type === 0 && this.canView(userId, c.id))
          this.sub(`channel:${c.id}`, id)
    if (shard[0] === 0)
      for (const c of this.channels.values())
        if (c.guildId === undefined && c.recipients.includes(userId))
          this.sub(`channel:${c.id}`, id)
    for (const f of this.friendsOf(userId)) {
      this.links.add(`${userId}>${f}`)
      this.links.add(`${f}>${userId}`)
    }
    return { guilds: served.map((g) => g.id) }
  }

  close(s: OSession): void {
    s.status = 'closed'
    for (const l of this.topics.values()) {
      const i = l.indexOf(s.id)
      if (i >= 0) l.splice(i, 1)
    }
    s.holds.clear()
  }

  advance(ms: number): void {
    this.now += ms
    for (const s of this.sessions)
      if (s.status === 'disconnected' && s.disconnectedAt + this.windowMs <= this.now) this.close(s)
  }

  disconnect(s: OSession): void {
    s.status = 'disconnected'
    s.disconnectedAt = this.now
    if (this.windowMs === 0) this.close(s)
  }

  /**
   * docs/design/semantics.md §3 "Resuming", up to the RESUMED frame itself (the caller adopts it from the engine).
   * Returns what the engine must answer.
   */
  resume(
    s: OSession,
    seq: number,
  ): { resumed: true; replayed: OFrame[] } | { resumed: false; reason: string } | { close: 4007 } {
    if (s.status === 'closed') return { resumed: false, reason: 'closed' }
    if (seq > s.seq) return { close: 4007 }
    if (s.status === 'connected') return { resumed: false, reason: 'still-connected' }
    const wanted = s.seq - seq
    const replayed = s.buffer.filter((f) => (f.s as number) > seq)
    if (replayed.length < wanted) {
      // The resuming socket hears INVALID_SESSION (op 9), then the session closes.
      s.log.push({ op: 9, t: null, s: null, d: ANY })
      this.close(s)
      return { resumed: false, reason: 'events-lost' }
    }
    s.status = 'connected'
    s.log.push(...replayed)
    return { resumed: true, replayed }
  }

  /** Who a backend considers, in order (docs/design/semantics.md §4, §5). */
  considered(backend: string, key: string): OSession[] {
    switch (backend) {
      case 'guild':
      case 'channel':
        return this.list(`${backend}:${key}`).map((id) => this.session(id))
      case 'member': {
        const [, userId] = key.split(':')
        return this.userSessions(userId!)
      }
      case 'user':
        return this.userSessions(key)
      case 'friend': {
        const friends = [...this.links]
          .filter((l) => l.startsWith(`${key}>`))
          .map((l) => l.slice(key.length + 1))
        return this.live().filter((s) => friends.includes(s.userId))
      }
      case 'lazy_guild':
        return this.live().filter((s) => [...s.holds].some((h) => h.startsWith(`${key}/`)))
      default:
        throw new Error(backend)
    }
  }

  /** Why the backend would not deliver to `s`, or undefined (filter → shard → intents → permission). */
  check(
    backend: string,
    key: string,
    s: OSession,
    type: string,
    payload: Record<string, unknown>,
  ): Reason | undefined {
    if (backend === 'guild') {
      if (!this.serves(s, key)) return 'shard'
      const bit =
        (type === 'MESSAGE_CREATE' || type === 'TYPING_START' || type === 'MESSAGE_REACTION_ADD') &&
        payload.guild_id === undefined
          ? directIntent(type, false)
          : guildIntent(type)
      if (bit !== undefined && !(s.intents & bit) && !this.ownMemberUpdate(s, type, payload))
        return 'intents'
      return undefined
    }
    if (backend === 'channel') {
      const c = this.channels.get(key)!
      if (c.guildId !== undefined) {
        if (!this.serves(s, c.guildId)) return 'shard'
        const bit = guildIntent(type)
        if (bit !== undefined && !(s.intents & bit) && !this.ownMemberUpdate(s, type, payload))
          return 'intents'
        if (!this.canView(s.userId, c.id)) return 'permission'
        return undefined
      }
      const bit = directIntent(type, c.type === 3)
      if (bit !== undefined && !(s.intents & bit)) return 'intents'
      return undefined
    }
    if (backend === 'member') {
      const [guildId] = key.split(':')
      if (!this.serves(s, guildId!)) return 'shard'
    }
    return undefined
  }

  ownMemberUpdate(s: OSession, type: string, payload: Record<string, unknown>): boolean {
    const user = payload.user as { id?: string } | undefined
    return type === 'GUILD_MEMBER_UPDATE' && user?.id === s.userId
  }

  /** MESSAGE_CONTENT redaction, in the recipient's copy only (docs/design/semantics.md §5, §10 "Actions"). */
  view(s: OSession, type: string, payload: Record<string, unknown>): unknown {
    if (
      (type === 'MESSAGE_CREATE' || type === 'MESSAGE_UPDATE') &&
      payload.guild_id !== undefined &&
      !(s.intents & Intents.MESSAGE_CONTENT)
    ) {
      const author = (payload.author as { id: string } | undefined)?.id
      const mentions = ((payload.mentions as { id: string }[] | undefined) ?? []).map((m) => m.id)
      if (author !== s.userId && !mentions.includes(s.userId)) {
        const copy: Record<string, unknown> = {
          ...payload,
          content: '',
          embeds: [],
          attachments: [],
          components: [],
        }
        delete copy.poll
        return copy
      }
    }
    return payload
  }

  dispatch(
    backend: string,
    key: string,
    type: string,
    payload: Record<string, unknown>,
    filter?: (sessionId: string) => boolean,
  ): OResult {
    const out: OResult = { delivered: [], buffered: [], skipped: [] }
    for (const s of this.considered(backend, key)) {
      const reason = filter && !filter(s.id) ? 'filter' : this.check(backend, key, s, type, payload)
      if (reason) {
        out.skipped.push({ sessionId: s.id, reason })
        continue
      }
      const how = this.send(s, type, this.view(s, type, payload))
      if (how === 'send-failed') out.skipped.push({ sessionId: s.id, reason: how })
      else out[how].push(s.id)
    }
    return out
  }
}
