import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { DirectRecord, Step } from './connectEngine.ts'
import { logRowsOf, rowsOfStep, type DirectRow, type LogRow } from './logRows.ts'
import { usePlaygroundStore } from './PlaygroundProvider.tsx'
import type { PlaygroundState } from './types.ts'

// Module-level selectors (docs/design/style.md §11). Each hook's comment says what re-renders it.
const actionsSelector = (s: PlaygroundState) => s.actions
const modelSelector = (s: PlaygroundState) => s.model
const errorSelector = (s: PlaygroundState) => s.error
const scenarioSelector = (s: PlaygroundState) => s.scenario
const selectionSelector = (s: PlaygroundState) => s.selection
const detailSelector = (s: PlaygroundState) => s.sessionDetail
const positionsSelector = (s: PlaygroundState) => s.positions
const expandedSelector = (s: PlaygroundState) => s.expanded
const baselineSelector = (s: PlaygroundState) => s.baseline
const focusSelector = (s: PlaygroundState) => s.focus
const stepsSelector = (s: PlaygroundState) => s.steps
const cursorSelector = (s: PlaygroundState) => s.cursor
const lastStepSelector = (s: PlaygroundState) => s.steps[s.cursor - 1]
const timelineSelector = (s: PlaygroundState) => ({
  cursor: s.cursor,
  length: s.steps.length,
  playing: s.playing,
  speed: s.speed,
  label: s.steps[s.cursor - 1]?.label ?? 'Empty world',
})
const loadingSelector = (s: PlaygroundState) => s.loading
const busySelector = (s: PlaygroundState) => s.loading !== null
const loadingScenarioSelector = (s: PlaygroundState) => s.loading?.scenarioId ?? null
const codeSelector = (s: PlaygroundState) => s.code
const consoleSelector = (s: PlaygroundState) => s.consoleEntries
const runningSelector = (s: PlaygroundState) => s.running
const markSelector = (s: PlaygroundState) => s.codeMark
const timeLimitSelector = (s: PlaygroundState) => s.timeLimitMs
const nonceSelector = (s: PlaygroundState) => s.replayNonce
const speedSelector = (s: PlaygroundState) => s.speed
const activeIdSelector = (s: PlaygroundState) => s.activeDispatchId
const activeSelector = (s: PlaygroundState) =>
  s.activeDispatchId === null ? null : (s.dispatchById(s.activeDispatchId) ?? null)
const activeRefusalSelector = (s: PlaygroundState) =>
  s.activeDispatchId === null ? null : (s.refusalById(s.activeDispatchId) ?? null)
const refusalSelector = (s: PlaygroundState) => s.refusal
const activeStepSelector = (s: PlaygroundState) => s.activeStep
const discardedSelector = (s: PlaygroundState) => s.discarded

/** Every action; never re-renders (the object is stable). */
export const useActions = () => usePlaygroundStore(actionsSelector)
/** The graph model at the cursor; re-renders when the cursor moves or a call is applied. */
export const useModel = () => usePlaygroundStore(modelSelector)
/** The last refusal or failure, with its heading. */
export const useError = () => usePlaygroundStore(errorSelector)
/** The loaded scenario. */
export const useScenario = () => usePlaygroundStore(scenarioSelector)
/** What is selected on the graph. */
export const useSelection = () => usePlaygroundStore(selectionSelector)
/** The selected session read from the engine at the cursor. */
export const useSessionDetail = () => usePlaygroundStore(detailSelector)
/** Dragged node positions. */
export const usePositions = () => usePlaygroundStore(positionsSelector)
/** Expanded summary nodes. */
export const useExpanded = () => usePlaygroundStore(expandedSelector)
/** The step marked to compare with, and its model. */
export const useBaseline = () => usePlaygroundStore(baselineSelector)
/** The session the graph was last asked to show (Show on graph); re-renders on each ask. */
export const useGraphFocus = () => usePlaygroundStore(focusSelector)
/** Cursor, length, playing, speed and the current step's label; re-renders on any of them. */
export const useTimeline = () => usePlaygroundStore(useShallow(timelineSelector))
/** The dispatch the graph shows; re-renders when it changes (once per dispatch, never per frame). */
export const useActiveDispatch = () => usePlaygroundStore(activeSelector)
/** The refusal shown instead of a dispatch (its log row is selected), if any. */
export const useActiveRefusal = () => usePlaygroundStore(activeRefusalSelector)
/** The steps the last call discarded (for the notice and its Undo); re-renders when that changes. */
export const useDiscarded = () => usePlaygroundStore(discardedSelector)

/** A load or rebuild running in slices, with its progress; re-renders once per slice while it runs. */
export const useLoading = () => usePlaygroundStore(loadingSelector)
/** Whether a load or rebuild is running; re-renders only when one starts or ends. */
export const useBusy = () => usePlaygroundStore(busySelector)
/** The scenario loading in slices, if any; re-renders only when that changes. */
export const useLoadingScenarioId = () => usePlaygroundStore(loadingScenarioSelector)
/** The editor's code; re-renders on every edit. */
export const useCode = () => usePlaygroundStore(codeSelector)
/** The Console's lines; re-renders when a run prints (in batches) or ends. */
export const useConsoleEntries = () => usePlaygroundStore(consoleSelector)
/** True while code runs. */
export const useRunning = () => usePlaygroundStore(runningSelector)
/** The line the last failed run points at. */
export const useCodeMark = () => usePlaygroundStore(markSelector)
/** How long code may run, in ms. */
export const useTimeLimit = () => usePlaygroundStore(timeLimitSelector)

/** The step that brought the timeline to the cursor (none at the start); re-renders when it changes. */
export const useLastStep = () => usePlaygroundStore(lastStepSelector)

/** Bumped once per dispatch to (re)animate; the graph's animator effect is its only reader. */
export const useReplayNonce = () => usePlaygroundStore(nonceSelector)
/** Playback speed. */
export const useSpeed = () => usePlaygroundStore(speedSelector)
/** The shown dispatch's id (for highlighting its log row). */
export const useActiveDispatchId = () => usePlaygroundStore(activeIdSelector)
/** The step shown as a whole, if one is (its index); re-renders when that changes. */
export const useActiveStep = () => usePlaygroundStore(activeStepSelector)

/** The step a row id belongs to: `3.1`, `3.refused.0` and `direct:3:…` are all of step 3. */
export function stepOfRowId(id: string): number | null {
  const step = Number(id.startsWith('direct:') ? id.split(':')[1] : id.split('.')[0])
  return Number.isInteger(step) ? step : null
}

/**
 * The shown step (a whole one, or the step of the shown row) with its rows in the order they
 * happened, and where the shown row is among them (-1 when the whole step is shown); null when nothing
 * of a step is shown or the step is past the cursor.
 */
export function useShownStep(): {
  step: number
  record: Step
  rows: LogRow[]
  index: number
} | null {
  const steps = usePlaygroundStore(stepsSelector)
  const cursor = usePlaygroundStore(cursorSelector)
  const activeId = usePlaygroundStore(activeIdSelector)
  const activeStep = usePlaygroundStore(activeStepSelector)
  return useMemo(() => {
    const step = activeStep ?? (activeId === null ? null : stepOfRowId(activeId))
    const record = step === null || step >= cursor ? undefined : steps[step]
    if (step === null || !record) return null
    const rows = rowsOfStep(record, step)
    return { step, record, rows, index: rows.findIndex((r) => r.id === activeId) }
  }, [steps, cursor, activeId, activeStep])
}

/** The shown direct-send row (frames sent to a session outside a fan-out), if one is shown. */
export function useActiveDirect(): { row: DirectRow; frames: DirectRecord[] } | null {
  const shown = useShownStep()
  return useMemo(() => {
    const row = shown && shown.index >= 0 ? shown.rows[shown.index] : undefined
    if (!shown || row?.kind !== 'direct') return null
    const frames = shown.record.directs.filter(
      (d) => row.sessionId === null || d.sessionId === row.sessionId,
    )
    return { row, frames }
  }, [shown])
}

/**
 * Every row of the event log up to the cursor, in the order things happened, then the refused call
 * off the timeline, if any; re-renders when steps, cursor or that call change.
 */
export function useLogRows(): LogRow[] {
  const steps = usePlaygroundStore(stepsSelector)
  const cursor = usePlaygroundStore(cursorSelector)
  const pending = usePlaygroundStore(refusalSelector)
  return useMemo(() => {
    const rows = logRowsOf(steps, cursor)
    if (pending) rows.push({ kind: 'refused', id: pending.id, step: pending.step, record: pending })
    return rows
  }, [steps, cursor, pending])
}

/** Frames sent straight to sessions (READY, replays…) up to the cursor. */
export function useLogDirects(): DirectRecord[] {
  const steps = usePlaygroundStore(stepsSelector)
  const cursor = usePlaygroundStore(cursorSelector)
  return useMemo(() => steps.slice(0, cursor).flatMap((s) => s.directs), [steps, cursor])
}
