/**
 * The playground's goals at Discord scale (issue 14), judged by `npm run bench:ui` in Chromium and shown
 * on the Performance page. Pure data and arithmetic: the Node harness measures, this decides.
 */
export type UiGoalId =
  | 'ready-100k'
  | 'ready-vs-node-setup'
  | 'longest-task-building'
  | 'dispatch-frame-median'
  | 'step-back'
  | 'tab-memory'

export interface UiGoal {
  readonly id: UiGoalId
  readonly title: string
  /** Met when the measured value is at most this. */
  readonly limit: number
  readonly unit: string
}

export const UI_GOALS: readonly UiGoal[] = [
  {
    // Issue 23, fan-out speed: the Discord-scale scenario usable in the browser within 5 s.
    id: 'ready-100k',
    title: '100,000-session scenario ready in the browser (navigation to the built guild drawn)',
    limit: 5,
    unit: 's',
  },
  {
    id: 'ready-vs-node-setup',
    title: '100,000-session scenario ready in the browser, / the Node setup of the same scale',
    limit: 2,
    unit: '×',
  },
  {
    id: 'longest-task-building',
    title: 'longest main-thread task while the scenario builds',
    limit: 200,
    unit: 'ms',
  },
  {
    id: 'dispatch-frame-median',
    title: 'median frame time while a guild-wide dispatch to 100,000 sessions animates',
    limit: 20,
    unit: 'ms',
  },
  {
    id: 'step-back',
    title: 'one step back after a guild-wide dispatch, a session inspected',
    limit: 1000,
    unit: 'ms',
  },
  { id: 'tab-memory', title: "the tab's JavaScript heap, settled", limit: 1500, unit: 'MB' },
]

/** A goal decided: what was measured against its limit. */
export interface UiVerdict {
  readonly id: UiGoalId
  readonly title: string
  readonly limit: number
  readonly unit: string
  readonly value: number | null
  readonly min: number | null
  readonly max: number | null
  readonly rounds: number | null
  readonly met: boolean | null
  readonly note: string
}

/** Judges each goal from its measured value (null: not measured) and a note saying how. */
export function judgeUi(
  measured: Partial<Record<UiGoalId, { value: number; note?: string }>>,
): UiVerdict[] {
  return UI_GOALS.map((g) => {
    const m = measured[g.id]
    const ok = m !== undefined && Number.isFinite(m.value)
    return {
      ...g,
      value: ok ? m.value : null,
      min: null,
      max: null,
      rounds: null,
      met: ok ? m.value <= g.limit : null,
      note: m?.note ?? 'not measured',
    }
  })
}
