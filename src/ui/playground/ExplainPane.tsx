import { ChangesPanel } from '../inspector/ChangesPanel.tsx'
import { DeliveryLedger } from '../inspector/DeliveryLedger.tsx'
import { Inspector } from '../inspector/Inspector.tsx'
import { PanelBoundary } from './PanelBoundary.tsx'
import { PANE_IDS } from './panes.ts'

/** Why: the shown step's deliveries, the changes against a marked step, the selected session or topic. */
export function ExplainPane() {
  return (
    <section className="explain-pane" id={PANE_IDS.explain} tabIndex={-1} aria-label="Explanations">
      <PanelBoundary what="Delivery panel">
        <DeliveryLedger />
      </PanelBoundary>
      <PanelBoundary what="Changes panel">
        <ChangesPanel />
      </PanelBoundary>
      <PanelBoundary what="inspector">
        <Inspector />
      </PanelBoundary>
    </section>
  )
}
