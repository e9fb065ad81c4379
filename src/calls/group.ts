import type { EngineCall } from './call.ts'

/** Groups a flat call list into steps: consecutive calls with the same `group` form one step. */
export function groupCalls(calls: readonly EngineCall[]): EngineCall[][] {
  const steps: EngineCall[][] = []
  let previous: string | undefined
  for (const call of calls) {
    const last = steps.at(-1)
    if (last && call.group !== undefined && call.group === previous) last.push(call)
    else steps.push([call])
    previous = call.group
  }
  return steps
}
