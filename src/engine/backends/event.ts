import type { RecordTable } from '../gateway/recordTable.ts'
import type { Session } from '../gateway/session.ts'
import { parseSnowflake } from '../ids.ts'
import type { WorldInternal } from '../world/createWorld.ts'
import { recipientView } from './views.ts'

/**
 * One event on its way out: its type, the engine's frozen payload, and the view each recipient gets.
 * Most events look the same to everyone and `view` returns the shared payload; the rules that give
 * recipients their own views are in views.ts. `channelId` is the channel a `channel` dispatch is for
 * (the world decides from it whether a message is a guild one).
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
  /** Each per-recipient view's record, once there are several (member-list updates by range shape). */
  private viewIds: Map<unknown, number> | null = null

  constructor(
    type: string,
    payload: unknown,
    world: WorldInternal,
    table: RecordTable,
    view: ((session: Session) => unknown) | null = null,
    channelId: string | null = null,
  ) {
    this.type = type
    this.payload = payload
    this.table = table
    this.perRecipient = view ?? recipientView(type, payload, world, channelId)
  }

  /**
   * The user whose own sessions get this event whatever their intents (docs/design/semantics.md §5:
   * a GUILD_MEMBER_UPDATE about the session's own user, read from the payload's `user.id` in any
   * snowflake form), or null. Every backend that gates by intents asks this.
   */
  get intentExemptUserId(): string | null {
    if (this.type !== 'GUILD_MEMBER_UPDATE') return null
    const user = (this.payload as { user?: { id?: unknown } } | null)?.user
    return (user && parseSnowflake(user.id)) ?? null
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
          // Recipients of one view share its record, also when views alternate.
          const ids = (this.viewIds ??= new Map())
          let id = ids.get(d)
          if (id === undefined) ids.set(d, (id = this.table.add(this.type, d)))
          this.lastView = d
          this.lastId = id
        }
        return this.lastId
      }
    }
    if (this.sharedId < 0) this.sharedId = this.table.add(this.type, this.payload)
    return this.sharedId
  }
}

/** Keeps OutgoingEvent's hidden class alive across full GCs (see fanout.ts KEEP_FANOUT_SHAPE_ALIVE). */
export const KEEP_EVENT_SHAPE_ALIVE = new OutgoingEvent(
  'KEEP_SHAPE_ALIVE',
  null, // not an object: the constructor then never reads the world
  null as unknown as WorldInternal,
  null as unknown as RecordTable,
)
