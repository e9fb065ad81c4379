import { LineChart } from './LineChart.tsx'
import { formatNumber, heapSeries, sizeLabel, type ResultsFile } from './resultsFile.ts'

/**
 * What sessions leave behind once they close (docs/design/semantics.md §10: at most their id): the
 * heap after N cycles of IDENTIFY, op 14 and invalidate, next to the same cycles with the sessions
 * left open.
 */
export function ClosedSessionMemory({ memory }: { memory: ResultsFile['memory'] }) {
  const { sessionChurn: churn, userDispatch: user } = memory
  if (!churn || !user) return null
  return (
    <section aria-labelledby="closed-memory">
      <h2 id="closed-memory">Memory when sessions close</h2>
      <p>
        A closed session keeps nothing but its id, so that a late RESUME can be told it is closed:
        its frames, its member-list state and the payloads only it could still read are released.
        Each cycle below identifies a session in a {churn.members}-member guild, asks for the whole
        member list (op 14) and invalidates it.
      </p>
      <LineChart
        title="Settled heap after N cycles (MB; closed sessions stay flat)"
        series={[
          heapSeries('sessions closed', churn.heapMB),
          heapSeries('sessions left open', churn.openHeapMB),
        ]}
        xLabel="cycles"
        yLabel="MB"
        xFormat={sizeLabel}
      />
      <dl className="perf__facts">
        <dt>A closed session leaves</dt>
        <dd>
          {formatNumber(churn.bytesPerClosedSession)} B (an open one keeps{' '}
          {formatNumber(churn.bytesPerOpenSession / 1024)} KB)
        </dd>
        <dt>A {user.payloadBytes}-byte user payload</dt>
        <dd>
          {formatNumber(user.bytesPerPayloadWhileOpen)} B while its reader is open,{' '}
          {formatNumber(user.bytesPerPayloadAfterClose)} B once it closed
        </dd>
      </dl>
    </section>
  )
}
