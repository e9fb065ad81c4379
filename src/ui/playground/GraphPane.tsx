import { Graph } from '../graph/Graph.tsx'
import { DiscardNotice } from '../timeline/DiscardNotice.tsx'
import { ErrorBanner } from './ErrorBanner.tsx'
import { Legend } from './Legend.tsx'
import { Narrator } from './Narrator.tsx'
import { PanelBoundary } from './PanelBoundary.tsx'
import { PANE_IDS } from './panes.ts'

/** The graph with what sits over it: the narration, the legend, notices. */
export function GraphPane() {
  return (
    <div className="graph-wrap" id={PANE_IDS.graph} tabIndex={-1}>
      <PanelBoundary what="graph">
        <Graph />
      </PanelBoundary>
      <DiscardNotice />
      <ErrorBanner />
      <Narrator />
      <Legend />
    </div>
  )
}
