import type { EngineContext, MemberListService } from '../context.ts'

/** Member lists (op 14): wired in the "member list, presence and server flows" work. */
export function createMemberLists(_ctx: EngineContext): MemberListService {
  const none = new Set<string>()
  return {
    holders: () => [],
    guildsWithHolders: () => [],
    request: () => {},
    dropSession: () => {},
    membersChanged: () => none,
    guildChanged: () => {},
    userLeftGuild: () => {},
    snapshot: () => null,
    restore: () => {},
  }
}
