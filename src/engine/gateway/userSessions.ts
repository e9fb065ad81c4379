import type { Session } from './session.ts'

const NONE: readonly Session[] = Object.freeze([])

/**
 * Each user's open sessions, in IDENTIFY order. Adding and removing a session is O(1) (a Set per user,
 * which keeps insertion order); the list a fan-out iterates is an array built from it on first read
 * after a change and shared until the next one, so a fan-out never sees its list change under it.
 * Copying the whole list on every insert and remove (what this replaced) made k sessions of one user
 * cost O(k²) to open and to close.
 * @internal
 */
export class UserSessions {
  /**
   * A user's one session as itself, and a Set from the second on: most users have one session, and a
   * Set per user cost IDENTIFY an allocation and about 150 bytes.
   */
  private readonly byUser = new Map<string, Session | Set<Session>>()
  /** The array each user's readers get, until that user's sessions change. */
  private readonly lists = new Map<string, readonly Session[]>()

  /** The user's open sessions in IDENTIFY order. Do not mutate: it is shared until the next change. */
  of(userId: string): readonly Session[] {
    const cached = this.lists.get(userId)
    if (cached !== undefined) return cached
    const held = this.byUser.get(userId)
    if (held === undefined) return NONE
    const list = held instanceof Set ? Array.from(held) : [held]
    this.lists.set(userId, list)
    return list
  }

  /** How many sessions the user has open, without building its list. */
  count(userId: string): number {
    const held = this.byUser.get(userId)
    return held === undefined ? 0 : held instanceof Set ? held.size : 1
  }

  add(session: Session): void {
    const held = this.byUser.get(session.userId)
    if (held === undefined) this.byUser.set(session.userId, session)
    else if (held instanceof Set) held.add(session)
    else if (held !== session) this.byUser.set(session.userId, new Set([held, session]))
    this.lists.delete(session.userId)
  }

  remove(session: Session): void {
    const held = this.byUser.get(session.userId)
    if (held === session) this.byUser.delete(session.userId)
    else if (!(held instanceof Set) || !held.delete(session)) return
    else if (held.size === 0) this.byUser.delete(session.userId)
    this.lists.delete(session.userId)
  }
}
