import type { ReactNode } from 'react'
import { CodePanel } from '../editor/CodePanel.tsx'
import { ChangesPanel } from '../inspector/ChangesPanel.tsx'
import { DeliveryLedger } from '../inspector/DeliveryLedger.tsx'
import { Inspector } from '../inspector/Inspector.tsx'
import { EventLog } from '../log/EventLog.tsx'
import { Graph } from '../graph/Graph.tsx'
import { SiteHeader } from '../site/SiteHeader.tsx'
import { DiscardNotice } from '../timeline/DiscardNotice.tsx'
import { TimelineBar } from '../timeline/TimelineBar.tsx'
import { useTimelineKeys } from '../timeline/useTimelineKeys.ts'
import { ActionForms } from '../world/ActionForms.tsx'
import { DispatchComposer } from '../world/DispatchComposer.tsx'
import { SessionForms } from '../world/SessionForms.tsx'
import { WorldPanel } from '../world/WorldPanel.tsx'
import { ErrorBanner } from './ErrorBanner.tsx'
import { Legend } from './Legend.tsx'
import { LoadingPanel } from './LoadingPanel.tsx'
import { Narrator } from './Narrator.tsx'
import { PanelBoundary } from './PanelBoundary.tsx'
import { RunFileDrop } from './RunFileDrop.tsx'
import { ScenarioCard } from './ScenarioCard.tsx'
import { ScenarioPicker } from './ScenarioPicker.tsx'
import { Tabs } from './Tabs.tsx'
import { useCodeBelow } from './useCodeBelow.ts'
import { useBusy, useScenario } from '../../store/hooks.ts'
import './PlaygroundLayout.css'
import './panels.css'

const TABS = [
  { id: 'dispatch', title: 'Dispatch', content: <DispatchComposer /> },
  { id: 'actions', title: 'Actions', content: <ActionForms /> },
  { id: 'world', title: 'World', content: <WorldPanel /> },
  { id: 'sessions', title: 'Sessions', content: <SessionForms /> },
] as const

/**
 * The playground at 1280×720: code, scenario and controls left, graph, timeline and log in the centre,
 * details right. On tablets and phones the code moves to a full-width row under the graph. `header`
 * replaces the scenario picker (the live view shows what it follows there).
 */
export function PlaygroundLayout({ header }: { header?: ReactNode } = {}) {
  useTimelineKeys()
  const scenario = useScenario()
  // While a world builds in slices, the page answers only its progress panel (and Cancel).
  const busy = useBusy()
  const codeBelow = useCodeBelow()
  return (
    <div className="playground">
      <RunFileDrop />
      <SiteHeader current="play">{header ?? <ScenarioPicker />}</SiteHeader>
      <LoadingPanel />
      <div className="playground__grid" inert={busy}>
        <aside
          className="playground__left"
          aria-label={codeBelow ? 'Scenario and changes' : 'Code, scenario and changes'}
        >
          {codeBelow ? null : (
            <PanelBoundary what="code panel">
              <CodePanel />
            </PanelBoundary>
          )}
          <ScenarioCard />
          <PanelBoundary what="change forms">
            <Tabs label="Make a change" tabs={TABS} />
          </PanelBoundary>
        </aside>
        <main className="playground__center" id="main">
          <h1 className="visually-hidden">Playground: {scenario?.title}</h1>
          <div className="graph-wrap">
            <PanelBoundary what="graph">
              <Graph />
            </PanelBoundary>
            <DiscardNotice />
            <ErrorBanner />
            <Narrator />
            <Legend />
          </div>
          <PanelBoundary what="timeline">
            <TimelineBar />
          </PanelBoundary>
          <PanelBoundary what="event log">
            <EventLog />
          </PanelBoundary>
        </main>
        {codeBelow ? (
          <div className="playground__code">
            <PanelBoundary what="code panel">
              <CodePanel />
            </PanelBoundary>
          </div>
        ) : null}
        <aside className="playground__right" aria-label="Delivery, changes and inspector">
          <PanelBoundary what="Delivery panel">
            <DeliveryLedger />
          </PanelBoundary>
          <PanelBoundary what="Changes panel">
            <ChangesPanel />
          </PanelBoundary>
          <PanelBoundary what="inspector">
            <Inspector />
          </PanelBoundary>
        </aside>
      </div>
    </div>
  )
}
