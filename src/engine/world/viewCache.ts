/**
 * @internal Memoised `canView` answers. The channel backend asks once per subscriber per dispatch,
 * so the answer must be a lookup, not a permission computation. Most members are answered by their
 * role set (`byRoles`); the guild's owner and members a member overwrite names by themselves
 * (`byChannel`: channel id → user id → answer). Keeping an answer per user and channel for everyone
 * cost IDENTIFY a Map insert per text channel (and 100,000 sessions about 50 MB). Mutations that can
 * change an answer forget exactly the entries they affect: a channel's (overwrites, deletion), a
 * guild's channels (role permissions), or one user's in a guild's channels (joins, leaves, roles).
 */
export class ViewCache {
  private readonly byChannel = new Map<string, Map<string, boolean>>()
  /**
   * Channel id → a member's role ids (joined with commas) → the answer, for members that no member
   * overwrite names and that do not own the guild: for them the answer depends on their roles alone,
   * and most members share a handful of role sets. An overwrite change asks anew for every member of
   * the guild (100,000 permission computations, 40 ms, became 100,000 lookups). Forgotten with the
   * channel's answers; a member's own changes do not touch it (its key is its roles).
   */
  private readonly byRoles = new Map<string, Map<string, boolean>>()

  getByRoles(channelId: string, roles: string): boolean | undefined {
    return this.byRoles.get(channelId)?.get(roles)
  }

  setByRoles(channelId: string, roles: string, value: boolean): void {
    this.rolesMemo(channelId).set(roles, value)
  }

  /**
   * The channel's role-set memo itself (made if missing), for a caller that asks about many members
   * of one channel at once (`viewersOf`): valid until the next mutation forgets the channel.
   */
  rolesMemo(channelId: string): Map<string, boolean> {
    let sets = this.byRoles.get(channelId)
    if (!sets) this.byRoles.set(channelId, (sets = new Map()))
    return sets
  }

  get(channelId: string, userId: string): boolean | undefined {
    return this.byChannel.get(channelId)?.get(userId)
  }

  set(channelId: string, userId: string, value: boolean): void {
    let users = this.byChannel.get(channelId)
    if (!users) this.byChannel.set(channelId, (users = new Map()))
    users.set(userId, value)
  }

  forgetChannels(channelIds: Iterable<string>): void {
    for (const id of channelIds) {
      this.byChannel.delete(id)
      this.byRoles.delete(id)
    }
  }

  /**
   * A channel's overwrites changed for these users only (viewChange): their answers go, and the
   * channel's role-set answers (a role set naming a changed role is stale; the others are cheap to
   * ask again).
   */
  forgetUsersIn(channelId: string, userIds: Iterable<string>): void {
    const users = this.byChannel.get(channelId)
    if (users) for (const id of userIds) users.delete(id)
    this.byRoles.delete(channelId)
  }

  forgetUser(channelIds: Iterable<string>, userId: string): void {
    for (const id of channelIds) this.byChannel.get(id)?.delete(userId)
  }

  clear(): void {
    this.byChannel.clear()
    this.byRoles.clear()
  }
}
