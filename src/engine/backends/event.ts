import { CONTENT_EVENTS, Intents } from '../gateway/intents.ts'
import type { RecordTable, Session } from '../gateway/session.ts'
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
  /** The simulation's records: recipients keep the index of the record they were sent. */
  readonly table: RecordTable
  /** The per-recipient view, or null when everyone gets the shared payload (most events). */
  private readonly perRecipient: ((session: Session) => unknown) | null
  /** The shared payload's record index (-1 until first sent), and the last per-recipient view's. */
  private sharedId = -1
  private lastView: unknown = undefined
  private lastId = -1

  constructor(
    type: string,
    payload: unknown,
    world: WorldInternal,
    table: RecordTable,
    view: ((session: Session) => unknown) | null = null,
  ) {
    this.type = type
    this.payload = payload
    this.table = table
    this.perRecipient = view ?? chooseView(type, payload, world)
  }

  /** The payload `session` sees. */
  view(session: Session): unknown {
    return this.perRecipient === null ? this.payload : this.perRecipient(session)
  }

  /**
   * The index in {@link table} of what `session` is sent: the shared record unless a rule gives it its
   * own view. Recipients of the same view share one record; each call holds it once for `session`
   * (released when the session closes).
   */
  recordFor(session: Session): number {
    const id = this.idFor(session)
    this.table.retain(id)
    return id
  }

  private idFor(session: Session): number {
    if (this.perRecipient !== null) {
      const d = this.perRecipient(session)
      if (d !== this.payload) {
        if (this.lastId < 0 || d !== this.lastView) {
          this.lastView = d
          this.lastId = this.table.add({ t: this.type, d })
        }
        return this.lastId
      }
    }
    if (this.sharedId < 0) this.sharedId = this.table.add({ t: this.type, d: this.payload })
    return this.sharedId
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
    if (
      world.channel(payload.id)?.type === ChannelType.GROUP_DM &&
      Array.isArray(payload.recipients)
    ) {
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

/** Keeps OutgoingEvent's hidden class alive across full GCs (see fanout.ts KEEP_FANOUT_SHAPE_ALIVE). */
export const KEEP_EVENT_SHAPE_ALIVE = new OutgoingEvent(
  'KEEP_SHAPE_ALIVE',
  null, // not an object: the constructor then never reads the world
  null as unknown as WorldInternal,
  null as unknown as RecordTable,
)
