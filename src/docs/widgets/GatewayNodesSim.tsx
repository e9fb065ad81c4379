import { useId, useMemo, useState } from 'react'
import {
  eventCost,
  placeSessions,
  recipientsPerNode,
  routingState,
  STRATEGIES,
} from '../model/gatewayNodes.ts'
import './calculators.css'
import './gatewayNodes.css'

const SESSIONS = 120
const EVENTS = [
  { id: 'dm', label: 'a DM (2 sessions)', recipients: 2 },
  { id: 'channel', label: 'a busy channel (12)', recipients: 12 },
  { id: 'guild', label: 'a big guild (60)', recipients: 60 },
  { id: 'everyone', label: 'everyone connected (120)', recipients: SESSIONS },
] as const

/** K gateway nodes, one event, and what each cross-node strategy sends for it. */
export function GatewayNodesSim() {
  const [nodes, setNodes] = useState(4)
  const [eventId, setEventId] = useState<(typeof EVENTS)[number]['id']>('channel')
  const event = EVENTS.find((e) => e.id === eventId) ?? EVENTS[1]
  const placement = useMemo(() => placeSessions(SESSIONS, nodes, 11), [nodes])
  const perNode = recipientsPerNode(placement, event.recipients, nodes)
  const recipientNodes = placement.slice(0, event.recipients)
  const rows = STRATEGIES.map((s) => ({
    ...s,
    cost: eventCost(s.id, perNode),
    state: routingState(s.id, [recipientNodes]),
  }))
  const most = Math.max(...rows.map((r) => r.cost.messages), 1)
  const nodesId = useId()
  return (
    <section className="nodes-sim" aria-label="K gateway nodes">
      <div className="nodes-sim__controls">
        <label htmlFor={nodesId} className="nodes-sim__slider">
          <span>
            Gateway nodes: <strong>{nodes}</strong>
          </span>
          <input
            id={nodesId}
            type="range"
            min={1}
            max={12}
            value={nodes}
            onChange={(e) => setNodes(Number(e.target.value))}
          />
        </label>
        <div className="calculator__presets" role="radiogroup" aria-label="The event reaches">
          {EVENTS.map((e) => (
            <button
              key={e.id}
              type="button"
              role="radio"
              aria-checked={e.id === eventId}
              className="chip-button"
              onClick={() => setEventId(e.id)}
            >
              {e.label}
            </button>
          ))}
        </div>
      </div>
      <ol className="nodes-sim__nodes" aria-label={`${SESSIONS} sessions on ${nodes} nodes`}>
        {perNode.map((r, k) => (
          <li key={k} className={r > 0 ? 'has-recipients' : ''}>
            <span className="nodes-sim__node-name">node {k}</span>
            <span className="nodes-sim__dots" aria-hidden="true">
              {placement.map((n, i) =>
                n === k ? (
                  <i key={i} className={i < event.recipients ? 'is-recipient' : undefined} />
                ) : null,
              )}
            </span>
            <span className="nodes-sim__count">
              {r} of {placement.filter((n) => n === k).length}
            </span>
          </li>
        ))}
      </ol>
      <div className="table-scroll" role="region" aria-label="Cost per strategy" tabIndex={0}>
        <table className="nodes-sim__table" data-testid="nodes-costs">
          <thead>
            <tr>
              <th>strategy</th>
              <th>cross-node messages</th>
              <th>nodes woken (idle)</th>
              <th>routing state</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <strong>{r.name}</strong>
                  <br />
                  <span className="muted">{r.peers}</span>
                </td>
                <td>
                  <span
                    className="nodes-sim__bar"
                    style={{ width: `${(r.cost.messages / most) * 100}%` }}
                  />
                  <strong data-testid={`messages-${r.id}`}>{r.cost.messages}</strong>
                </td>
                <td>
                  {r.cost.nodesWoken}
                  {r.cost.idleNodes > 0 ? ` (${r.cost.idleNodes} idle)` : ''}
                </td>
                <td>{r.state}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="calculator__note">
        {event.recipients} recipients on {perNode.filter((r) => r > 0).length} of {nodes} nodes.
        Routing state: entries the broker (or owner) keeps for this one topic.
      </p>
    </section>
  )
}
