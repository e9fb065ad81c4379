/**
 * The call format: one engine call as plain JSON data, the unit of the playground's timeline, of run
 * files, share links and the sandbox's answers. Built on the engine's public API only.
 */
export { CallError, type CallTarget, type EngineCall, type CallEngine, type Json } from './call.ts'
export { ALLOWED_CALLS, CALL_TARGETS } from './allowed.ts'
export { applyCall, applyCallInSteps, createCallEngine, WITHIN_CALL } from './applyCall.ts'
export {
  describeValue,
  field,
  isArray,
  plain,
  quoteValue,
  MAX_LABEL_LENGTH,
  readBudget,
  readCall,
  readJson,
  type ReadBudget,
} from './readCall.ts'
export { groupCalls } from './group.ts'
export { isChange } from './changes.ts'
export { lastSeenSeq, lastSeqIn, resolveRefs } from './refs.ts'
export {
  callBuilders,
  labelled,
  lastSeq,
  only,
  session,
  step,
  type CallArg,
  type CallBuilders,
  type OnlyFilter,
  type SessionRef,
} from './build.ts'
