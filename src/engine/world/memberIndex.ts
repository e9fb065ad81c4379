import type { Member } from './types.ts'

/**
 * @internal Per guild: each role's members, and each member's place in join order. A role change
 * then touches the role's members only: toggling `hoist` on a role with one member re-read every one
 * of 100,000 members (1 s) to find it. Join order is kept because the actions must handle the members
 * a change concerns in the order they always did (the guild's member order), so that the frames stay
 * the same.
 */
export class MemberIndex {
  private readonly joined = new Map<string, number>()
  private joins = 0
  private readonly byRole = new Map<string, Set<string>>()

  /** An index of `members`, given in join order. */
  static of(members: Iterable<Member>): MemberIndex {
    const index = new MemberIndex()
    for (const member of members) index.add(member)
    return index
  }

  /** A member joined (last in join order). */
  add(member: Member): void {
    this.joined.set(member.user_id, this.joins++)
    for (const role of member.roles) this.holders(role).add(member.user_id)
  }

  remove(member: Member): void {
    this.joined.delete(member.user_id)
    for (const role of member.roles) this.byRole.get(role)?.delete(member.user_id)
  }

  /** A member's roles changed from `before`'s to `after`'s. */
  update(before: Member, after: Member): void {
    for (const role of before.roles)
      if (!after.roles.includes(role)) this.byRole.get(role)?.delete(before.user_id)
    for (const role of after.roles) this.holders(role).add(after.user_id)
  }

  /** A role was deleted: forgets it and returns the user ids that held it (unordered). */
  dropRole(roleId: string): ReadonlySet<string> {
    const holders = this.byRole.get(roleId) ?? new Set<string>()
    this.byRole.delete(roleId)
    return holders
  }

  /** The members holding `roleId`, in join order: O(r log r) for r holders. */
  roleMembers(roleId: string): string[] {
    return this.inJoinOrder(this.byRole.get(roleId) ?? [])
  }

  /** These members in join order (ids that are not members are left out). */
  inJoinOrder(userIds: Iterable<string>): string[] {
    const members = [...userIds].filter((id) => this.joined.has(id))
    return members.sort((a, b) => (this.joined.get(a) as number) - (this.joined.get(b) as number))
  }

  private holders(roleId: string): Set<string> {
    let set = this.byRole.get(roleId)
    if (set === undefined) this.byRole.set(roleId, (set = new Set()))
    return set
  }
}
