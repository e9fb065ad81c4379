/**
 * @internal Memoised `canView` answers, channel id → user id → answer. The channel backend asks
 * once per subscriber per dispatch, so the answer must be a lookup, not a permission computation.
 * Mutations that can change an answer forget exactly the entries they affect: a channel's
 * (overwrites, deletion), a guild's channels (role permissions), or one user's in a guild's
 * channels (joins, leaves, role changes).
 */
export class ViewCache {
  private readonly byChannel = new Map<string, Map<string, boolean>>()

  get(channelId: string, userId: string): boolean | undefined {
    return this.byChannel.get(channelId)?.get(userId)
  }

  set(channelId: string, userId: string, value: boolean): void {
    let users = this.byChannel.get(channelId)
    if (!users) this.byChannel.set(channelId, (users = new Map()))
    users.set(userId, value)
  }

  forgetChannels(channelIds: Iterable<string>): void {
    for (const id of channelIds) this.byChannel.delete(id)
  }

  forgetUser(channelIds: Iterable<string>, userId: string): void {
    for (const id of channelIds) this.byChannel.get(id)?.delete(userId)
  }

  clear(): void {
    this.byChannel.clear()
  }
}
