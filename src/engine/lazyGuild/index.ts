/**
 * The pure core of the lazy member list (op 14 → GUILD_MEMBER_LIST_UPDATE): list ids, one ordered
 * list per visibility, and the ops each session must receive. No world, no sessions: the backend
 * wires those.
 */
export { applyOps, lengthAfter, type ClientCopy } from './clientCopy.ts'
export { memberListId, type ViewOverwrite } from './listId.ts'
export { compareMembers, OFFLINE_GROUP, ONLINE_GROUP, type ListMember } from './listMember.ts'
export { MemberList } from './memberList.ts'
export { murmur3 } from './murmur3.ts'
export {
  MAX_RANGE_SLOTS,
  planUpdate,
  requestOps,
  syncOp,
  syncOps,
  validateRanges,
  type PlanStrategy,
  type UpdatePlan,
} from './ops.ts'
export { ListSubscription, PlanMemo } from './subscription.ts'
export { concatChanges, emptyChange, opsCost } from './types.ts'
export type {
  DeleteOp,
  GroupItem,
  InsertOp,
  InvalidateOp,
  ListChange,
  ListEdit,
  ListItem,
  ListOp,
  MemberItem,
  Range,
  SyncOp,
  UpdateOp,
} from './types.ts'
