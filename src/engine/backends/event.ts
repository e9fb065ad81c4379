import { CONTENT_EVENTS, Intents } from '../gateway/intents.ts'
import type { DispatchRecord, Session } from '../gateway/session.ts'
import { freezeOwned } from '../payload.ts'
import { ChannelType } from '../world/channelType.ts'
import type { WorldInternal } from '../world/createWorld.ts'

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * One event on its way out: its type, the engine's frozen payload, and the view each recipient gets. Most
 * events look the same to everyone and `view` returns the shared payload; two rules need per-recipient
 * views (spec/semantics.md §5), each built once and shared by every recipient who needs that same view:
 * - without MESSAGE_CONTENT, a guild MESSAGE_CREATE/UPDATE that the recipient neither wrote nor is
 *   mentioned in arrives with `content`, `embeds`, `attachments` and `components` empty and no `poll`;
 * - CHANNEL_CREATE/UPDATE of a group DM lists the recipients other than the recipient's own user
 *   (litecord removed them from the shared list, litecord-notes bug 4).
 */
export class OutgoingEvent {
  readonly type: string
  readonly payload: unknown
  /** The record every recipient of the shared payload gets (see session.ts `DispatchRecord`). */
  readonly shared: DispatchRecord
  /** The per-recipient view, or null when everyone gets the shared payload (most events). */
  private readonly perRecipient: ((session: Session) => unknown) | null
  /** The last per-recipient view and its record: recipients of the same view share one record. */
  private lastView: unknown = undefined
  private lastRecord: DispatchRecord | null = null

  constructor(
    type: string,
    payload: unknown,
    world: WorldInternal,
    view: ((session: Session) => unknown) | null = null,
  ) {
    this.type = type
    this.payload = payload
    this.shared = { t: type, d: payload }
    this.perRecipient = view ?? chooseView(type, payload, world)
  }

  /** The payload `session` sees. */
  view(session: Session): unknown {
    return this.perRecipient === null ? this.payload : this.perRecipient(session)
  }

  /** What `session` is sent: the shared record unless a rule gives it its own view. */
  recordFor(session: Session): DispatchRecord {
    if (this.perRecipient === null) return this.shared
    const d = this.perRecipient(session)
    if (d === this.payload) return this.shared
    if (this.lastRecord === null || d !== this.lastView) {
      this.lastView = d
      this.lastRecord = { t: this.type, d }
    }
    return this.lastRecord
  }
}

function chooseView(
  type: string,
  payload: unknown,
  world: WorldInternal,
): ((s: Session) => unknown) | null {
  if (!isObject(payload)) return null
  if (CONTENT_EVENTS.has(type) && typeof payload.guild_id === 'string') return contentView(payload)
  if ((type === 'CHANNEL_CREATE' || type === 'CHANNEL_UPDATE') && typeof payload.id === 'string') {
    if (world.channel(payload.id)?.type === ChannelType.GROUP_DM && Array.isArray(payload.recipients)) {
      return groupDmView(payload)
    }
  }
  return null
}

function contentView(payload: Json): (s: Session) => unknown {
  const author = isObject(payload.author) ? payload.author.id : undefined
  const mentioned = new Set<unknown>(
    Array.isArray(payload.mentions) ? payload.mentions.map((m) => (isObject(m) ? m.id : m)) : [],
  )
  let redacted: unknown
  return (session) => {
    if ((session.intents & Intents.MESSAGE_CONTENT) !== 0) return payload
    if (session.userId === author || mentioned.has(session.userId)) return payload
    if (redacted === undefined) {
      const { poll: _poll, ...rest } = payload
      redacted = freezeOwned({ ...rest, content: '', embeds: [], attachments: [], components: [] })
    }
    return redacted
  }
}

function groupDmView(payload: Json): (s: Session) => unknown {
  const recipients = payload.recipients as unknown[]
  const idOf = (r: unknown) => (isObject(r) ? r.id : r)
  const byUser = new Map<string, unknown>()
  return (session) => {
    let view = byUser.get(session.userId)
    if (view === undefined) {
      view = freezeOwned({
        ...payload,
        recipients: recipients.filter((r) => idOf(r) !== session.userId),
      })
      byUser.set(session.userId, view)
    }
    return view
  }
}
