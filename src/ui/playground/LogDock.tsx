import { EventLog } from '../log/EventLog.tsx'
import { TimelineBar } from '../timeline/TimelineBar.tsx'
import { PanelBoundary } from './PanelBoundary.tsx'

/** Time under the graph: the timeline's controls, then every row of the event log up to the cursor. */
export function LogDock({ timeline = true }: { timeline?: boolean }) {
  return (
    <div className="log-dock">
      {timeline && (
        <PanelBoundary what="timeline">
          <TimelineBar />
        </PanelBoundary>
      )}
      <PanelBoundary what="event log">
        <EventLog />
      </PanelBoundary>
    </div>
  )
}
