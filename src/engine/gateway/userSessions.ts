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
  private readonly byUser = new Map<string, Set<Session>>()
  /** The array each user's readers get, until that user's set changes. */
  private readonly lists = new Map<string, readonly Session[]>()

  /** The user's open sessions in IDENTIFY order. Do not mutate: it is shared until the next change. */
  of(userId: string): readonly Session[] {
    const cached = this.lists.get(userId)
    if (cached !== undefined) return cached
    const set = this.byUser.get(userId)
    if (set === undefined) return NONE
    const list = Array.from(set)
    this.lists.set(userId, list)
    return list
  }

  /** How many sessions the user has open, without building its list. */
  count(userId: string): number {
    return this.byUser.get(userId)?.size ?? 0
  }

  add(session: Session): void {
    let set = this.byUser.get(session.userId)
    if (set === undefined) this.byUser.set(session.userId, (set = new Set()))
    set.add(session)
    this.lists.delete(session.userId)
  }

  remove(session: Session): void {
    const set = this.byUser.get(session.userId)
    if (set === undefined || !set.delete(session)) return
    if (set.size === 0) this.byUser.delete(session.userId)
    this.lists.delete(session.userId)
  }
}
