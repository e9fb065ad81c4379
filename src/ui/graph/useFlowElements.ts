import { useDeferredValue, useMemo } from 'react'
import type { DispatchRecord } from '../../store/connectEngine.ts'
import { usernameOf, type GraphModel } from '../../store/graphModel.ts'
import {
  useActiveDirect,
  useActiveDispatch,
  useBaseline,
  useExpanded,
  useModel,
  usePositions,
  useReplayNonce,
  useSelection,
  useShownStep,
  useTimeline,
} from '../../store/hooks.ts'
import { sessionLabel } from '../format/sessionLabel.ts'
import { buildGraphView, LOD_THRESHOLD } from './graphView.ts'
import { computeLayout, layoutInput } from './layout.ts'
import {
  buildDirectOverlay,
  buildOverlay,
  buildStepOverlay,
  type DispatchOverlay,
} from './overlay.ts'
import { toFlowElements, type FlowElements } from './toFlowElements.ts'
import { diffViews } from './viewDiff.ts'

/** A name for a topic that has no node of its own (member and user backends have no lists). */
function transientLabel(record: DispatchRecord, model: GraphModel): string {
  const user = (id: string | undefined) => (id === undefined ? '?' : usernameOf(model, id))
  const guild = (id: string | undefined) => model.guilds.find((g) => g.id === id)?.name ?? id ?? '?'
  if (record.backend === 'member') {
    const [g, u] = record.key.split(':')
    return `${user(u)} in ${guild(g)}`
  }
  if (record.backend === 'user') return user(record.key)
  if (record.backend === 'friend') return `friends of ${user(record.key)}`
  if (record.backend === 'channel')
    return model.channels.find((c) => c.id === record.key)?.label ?? record.key
  return guild(record.key)
}

/** Everything the graph is drawn from, read together: a deferred render never mixes two steps. */
function useGraphInputs() {
  const model = useModel()
  const expanded = useExpanded()
  const positions = usePositions()
  const selection = useSelection()
  const active = useActiveDispatch()
  const direct = useActiveDirect()
  const shown = useShownStep()
  const baseline = useBaseline()
  const nonce = useReplayNonce()
  const { cursor } = useTimeline()
  // The whole step, when that is what is shown (no single row).
  const step = shown && shown.index < 0 ? shown : null
  return useMemo(
    () => ({
      model,
      expanded,
      positions,
      selection,
      active,
      direct,
      step,
      baseline,
      nonce,
      cursor,
    }),
    [model, expanded, positions, selection, active, direct, step, baseline, nonce, cursor],
  )
}

/**
 * The graph's nodes and edges from the store: view, layout and overlay, each memoised on its inputs.
 * Above {@link LOD_THRESHOLD} sessions, drawn from a deferred copy of the inputs, so a new step renders
 * the panels first and the graph in a task of its own (React's background render): at 100,000 sessions
 * summarising the graph takes about as long as everything else together, and one task doing both froze
 * the page. `nonce` is the replay counter that goes with the drawn dispatch, so an animation never plays
 * another step's overlay.
 */
export function useFlowElements(): FlowElements & {
  overlay: DispatchOverlay | null
  empty: boolean
  nonce: number
  /** The step the drawn elements are of: the animator clears whatever moves when it changes. */
  cursor: number
  /** Too many sessions to draw one by one: summary nodes stand for them. */
  summarised: boolean
} {
  const now = useGraphInputs()
  const deferred = useDeferredValue(now)
  // Small graphs are drawn with the panels, in the same render, as before: no frame shows them apart.
  const inputs = now.model.sessions.length > LOD_THRESHOLD ? deferred : now
  const { model, expanded, positions, selection, active, direct, step, baseline, nonce, cursor } =
    inputs
  const summarised = model.sessions.length > LOD_THRESHOLD
  const pinnedId = summarised && selection?.kind === 'session' ? selection.id : null
  const options = useMemo(
    () => ({ expanded, pinned: new Set(pinnedId ? [pinnedId] : []) }),
    [expanded, pinnedId],
  )
  // Steps that only dispatched share their lists with the step before: the view is drawn once for all.
  const { users, sessions, directory, topics } = model
  const view = useMemo(
    () => buildGraphView({ users, sessions, directory, topics }, options),
    [users, sessions, directory, topics, options],
  )
  const layout = useMemo(() => computeLayout(layoutInput(view)), [view])
  // Against a marked step: its view drawn with the same options, so links compare one to one.
  const diff = useMemo(
    () => (baseline ? diffViews(buildGraphView(baseline.model, options), view) : null),
    [baseline, view, options],
  )
  const overlay = useMemo(() => {
    const name = (id: string) => sessionLabel(model, id)
    if (active) return buildOverlay(active, view, transientLabel(active, model))
    if (direct) return buildDirectOverlay(direct.row, direct.frames, view, name)
    if (step) {
      const label = (r: DispatchRecord) => transientLabel(r, model)
      return buildStepOverlay(step.record, step.step, view, label, name)
    }
    return null
  }, [active, direct, step, view, model])
  const elements = useMemo(
    () => toFlowElements(view, layout, overlay, positions, selection, diff),
    [view, layout, overlay, positions, selection, diff],
  )
  return {
    ...elements,
    overlay,
    nonce,
    cursor,
    summarised: view.summarised,
    empty: view.topics.length === 0 && view.sessions.length + view.summaries.length === 0,
  }
}
