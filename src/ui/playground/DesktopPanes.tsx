import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels'
import { CodePanel } from '../editor/CodePanel.tsx'
import { ChangeTabs } from './ChangeTabs.tsx'
import { ExplainPane } from './ExplainPane.tsx'
import { GraphPane } from './GraphPane.tsx'
import { LogDock } from './LogDock.tsx'
import { PanelBoundary } from './PanelBoundary.tsx'
import { paneStorage } from './paneStorage.ts'

/**
 * The wide layout, every pane resizable by its separators (drag, or focus one and use the arrow keys;
 * a double click restores the default), the sizes kept across reloads: code and the ways to change
 * the world on the left; the graph and its explanations side by side; the timeline and the event log
 * docked under both. At 1280×720 the dock shows eight rows of the log (docs/design/playground.md §11).
 */
export function DesktopPanes({
  changeTab,
  onChangeTab,
}: {
  changeTab: string
  onChangeTab: (id: string) => void
}) {
  const columns = useDefaultLayout({ id: 'fanout-playground-columns', storage: paneStorage })
  const side = useDefaultLayout({ id: 'fanout-playground-side', storage: paneStorage })
  const main = useDefaultLayout({ id: 'fanout-playground-main', storage: paneStorage })
  const stage = useDefaultLayout({ id: 'fanout-playground-stage', storage: paneStorage })
  return (
    <Group orientation="horizontal" className="panes" {...columns}>
      <Panel id="side" defaultSize="40%" minSize="300px" className="pane pane--side">
        <Group orientation="vertical" {...side}>
          <Panel id="code" defaultSize="62%" minSize="180px" className="pane pane--code">
            <PanelBoundary what="code panel">
              <CodePanel />
            </PanelBoundary>
          </Panel>
          <Separator className="pane-separator" aria-label="Resize the code and the scenario" />
          <Panel id="changes" minSize="120px" className="pane pane--changes">
            <PanelBoundary what="change forms">
              <ChangeTabs scenario current={changeTab} onChange={onChangeTab} />
            </PanelBoundary>
          </Panel>
        </Group>
      </Panel>
      <Separator className="pane-separator" aria-label="Resize the code and the graph" />
      <Panel id="main" minSize="420px" className="pane pane--main">
        <Group orientation="vertical" {...main}>
          <Panel id="stage" minSize="180px" className="pane pane--stage">
            <Group orientation="horizontal" {...stage}>
              <Panel id="graph" minSize="240px" className="pane pane--graph">
                <GraphPane />
              </Panel>
              <Separator className="pane-separator" aria-label="Resize the graph and Delivery" />
              <Panel
                id="explain"
                defaultSize="320px"
                minSize="220px"
                groupResizeBehavior="preserve-pixel-size"
                className="pane pane--explain"
              >
                <ExplainPane />
              </Panel>
            </Group>
          </Panel>
          <Separator className="pane-separator" aria-label="Resize the graph and the event log" />
          <Panel
            id="dock"
            defaultSize="326px"
            minSize="112px"
            groupResizeBehavior="preserve-pixel-size"
            className="pane pane--dock"
          >
            <LogDock />
          </Panel>
        </Group>
      </Panel>
    </Group>
  )
}
