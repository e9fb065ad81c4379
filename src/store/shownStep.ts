import type { Step } from './connectEngine.ts'
import { rowsOfStep } from './logRows.ts'
import type { SelectionSlice } from './types.ts'

/**
 * What a step shows when the cursor is on it: its one row, or the whole step when it made several rows
 * or none (the Delivery panel then lists them, or says nothing was sent); nothing before step 1.
 */
export function shownAt(
  step: Step | undefined,
  count: number,
): Pick<SelectionSlice, 'activeDispatchId' | 'activeStep'> {
  if (!step || count === 0) return { activeDispatchId: null, activeStep: null }
  const rows = rowsOfStep(step, count - 1)
  const only = rows.length === 1 ? rows[0] : undefined
  return only
    ? { activeDispatchId: only.id, activeStep: null }
    : { activeDispatchId: null, activeStep: count - 1 }
}
