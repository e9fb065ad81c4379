import type { ReactNode } from 'react'
import { CodePanel } from '../editor/CodePanel.tsx'
import { EventLog } from '../log/EventLog.tsx'
import { TimelineBar } from '../timeline/TimelineBar.tsx'
import { ChangeTabs } from './ChangeTabs.tsx'
import { ExplainPane } from './ExplainPane.tsx'
import { GraphPane } from './GraphPane.tsx'
import { ScenarioCard } from './ScenarioCard.tsx'
import { PanelBoundary } from './PanelBoundary.tsx'
import { Tabs } from './Tabs.tsx'
import { TryIt } from './TryIt.tsx'

export type NarrowPane = 'graph' | 'explain' | 'code' | 'log'

/**
 * Below 1,100 px: one pane at a time, chosen by tabs (Graph, Explain, Code, Log), the timeline's
 * controls always under them. The Graph pane has Try it right under the graph, then the scenario's
 * story and the forms. Panes stay mounted while hidden, so the editor and the graph keep their state.
 */
export function NarrowPanes({
  pane,
  onPane,
  picker,
}: {
  pane: NarrowPane
  onPane: (pane: NarrowPane) => void
  /** What the header holds on wider screens (the scenario picker), when it moves here (phones). */
  picker: ReactNode
}) {
  const tabs = [
    {
      id: 'graph',
      title: 'Graph',
      content: (
        <div className="narrow-graph">
          {picker && <div className="narrow-graph__picker">{picker}</div>}
          <GraphPane />
          <div className="narrow-graph__below">
            {/* Before the scenario's own h2 here: a section of its own. */}
            <TryIt level={2} />
            <ScenarioCard tryIt={false} />
            <PanelBoundary what="change forms">
              <ChangeTabs scenario={false} />
            </PanelBoundary>
          </div>
        </div>
      ),
    },
    { id: 'explain', title: 'Explain', content: <ExplainPane /> },
    {
      id: 'code',
      title: 'Code',
      content: (
        <PanelBoundary what="code panel">
          <CodePanel />
        </PanelBoundary>
      ),
    },
    {
      id: 'log',
      title: 'Log',
      content: (
        <PanelBoundary what="event log">
          <EventLog />
        </PanelBoundary>
      ),
    },
  ]
  return (
    <div className="narrow">
      <Tabs
        label="Playground panes"
        className="narrow__tabs"
        tabs={tabs}
        current={pane}
        onChange={(id) => onPane(id as NarrowPane)}
        keepMounted
      />
      <PanelBoundary what="timeline">
        <TimelineBar />
      </PanelBoundary>
    </div>
  )
}
