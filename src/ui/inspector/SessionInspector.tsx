import { userOf, usernameOf } from '../../store/graphModel.ts'
import { useMemo } from 'react'
import { intentNames, Intents } from '../../store/engineTables.ts'
import { useActions, useLogDirects, useModel, useSessionDetail } from '../../store/hooks.ts'
import { useReveal } from '../playground/panes.ts'
import { sessionLabel } from '../format/sessionLabel.ts'
import { Term } from '../reference/Term.tsx'
import { FaultControls } from './FaultControls.tsx'
import { FrameList } from './FrameList.tsx'
import '../graph/nodes.css'
import './Inspector.css'

/** One session: who, which shard and intents, its seq and status, fault injection, and its frames. */
export function SessionInspector({ sessionId }: { sessionId: string }) {
  const model = useModel()
  const detail = useSessionDetail()
  const directs = useLogDirects()
  const entry = model.directory.get(sessionId)
  const replayedSeqs = useMemo(
    () =>
      new Set(
        directs
          .filter((d) => d.sessionId === sessionId && d.replay && d.s !== null)
          .map((d) => d.s as number),
      ),
    [directs, sessionId],
  )
  const { showOnGraph } = useActions()
  const reveal = useReveal()
  if (!entry) return <p className="panel__empty">This session does not exist yet at this step.</p>
  const user = userOf(model, entry.userId)
  const live = detail?.sessionId === sessionId ? detail : null
  const intents = intentNames(entry.intents)
  return (
    <div className="inspector__body">
      <div className="inspector__title">
        <h3>
          {sessionLabel(model, sessionId)} {user?.bot && <span className="bot-badge">bot</span>}
        </h3>
        {entry.status !== 'closed' && (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              reveal('graph')
              showOnGraph(sessionId)
            }}
            title="Zoom the graph to this session (drawn on its own in a summarised graph)"
          >
            Show on graph
          </button>
        )}
      </div>
      <dl className="facts">
        <dt>
          <Term word="session">Session</Term> id
        </dt>
        <dd className="mono">{sessionId}</dd>
        <dt>User</dt>
        <dd>
          {usernameOf(model, entry.userId)} <span className="mono muted">{entry.userId}</span>
        </dd>
        <dt>
          <Term word="shard">Shard</Term>
        </dt>
        <dd>
          {entry.shard[0]} of {entry.shard[1]}
        </dd>
        <dt>Status</dt>
        <dd>
          {live?.exists
            ? live.status
            : `closed${entry.closeReason ? ` (${entry.closeReason})` : ''}`}
          {live?.exists && entry.failing && ' · socket failing'}
        </dd>
        <dt>
          <Term word="seq" />
        </dt>
        <dd>
          {live?.seq ?? '—'}{' '}
          <span className="muted">(client last saw s {live?.lastSeen ?? '—'})</span>
        </dd>
        <dt>
          <Term word="intent">Intents</Term>
        </dt>
        <dd>
          {entry.intents === Intents.ALL ? (
            <details>
              <summary>all {intents.length} intents</summary>
              <IntentList names={intents} />
            </details>
          ) : (
            <IntentList names={intents} />
          )}
        </dd>
      </dl>
      {live?.exists && (
        <FaultControls
          sessionId={sessionId}
          status={live.status}
          failing={entry.failing}
          lastSeen={live.lastSeen}
        />
      )}
      <FrameList
        sessionId={sessionId}
        userId={entry.userId}
        frames={live?.frames ?? []}
        replayedSeqs={replayedSeqs}
      />
    </div>
  )
}

function IntentList({ names }: { names: readonly string[] }) {
  return (
    <ul className="intent-list" aria-label="Intents">
      {names.length === 0 && <li>none</li>}
      {names.map((name) => (
        <li key={name}>{name}</li>
      ))}
    </ul>
  )
}
