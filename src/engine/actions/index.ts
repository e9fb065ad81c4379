import type { EngineContext } from '../context.ts'
import { channelActions } from './channels.ts'
import { membershipActions } from './membership.ts'
import { messageActions } from './messages.ts'
import { roleActions } from './roles.ts'
import { socialActions } from './social.ts'
import type { Actions, ActionsState, Flows } from './types.ts'

export type { Actions, ActionResults, ActionsState } from './types.ts'

/**
 * The server flows of docs/design/semantics.md §8. Each call is reported as an `action` start/end
 * pair on the inspection stream (its dispatches carry it as `cause`) and returns the
 * DispatchResults it caused.
 */
export function createActions(ctx: EngineContext, state: ActionsState): Actions {
  const flows: Flows<keyof Actions> = {
    ...messageActions(ctx, state),
    ...membershipActions(ctx),
    ...channelActions(ctx, state),
    ...roleActions(ctx),
    ...socialActions(ctx, state),
  }
  const actions = {} as Record<keyof Actions, (...args: never[]) => unknown>
  for (const name of Object.keys(flows) as (keyof Actions)[]) {
    const flow = flows[name] as (...args: unknown[]) => void
    actions[name] = (...args: unknown[]) => run(ctx, name, () => flow(...args))
  }
  return actions as unknown as Actions
}

function run(ctx: EngineContext, name: string, body: () => void) {
  const { inspector } = ctx
  const outer = inspector.cause
  if (inspector.active) inspector.emit({ type: 'action', phase: 'start', name })
  inspector.cause = name
  try {
    return ctx.dispatcher.collect(body)
  } finally {
    inspector.cause = outer
    if (inspector.active) inspector.emit({ type: 'action', phase: 'end', name })
  }
}
