import { Handle, Position, type NodeProps } from '@xyflow/react'
import { memo } from 'react'
import { intentNames, Intents } from '../../store/engineTables.ts'
import { outcomeChip } from './outcomeText.ts'
import type { SessionNode as SessionNodeType } from './toFlowElements.ts'
import './nodes.css'

function intentsText(intents: number): string {
  if (intents === Intents.ALL) return 'all intents'
  const names = intentNames(intents)
  return names.length === 0 ? 'no intents' : names.join(' · ')
}

/** One gateway session: its user, shard, intents, status, and what the shown dispatch did to it. */
function SessionNodeComponent({ data }: NodeProps<SessionNodeType>) {
  const { session, outcome, tally } = data
  const chip = outcome ? outcomeChip(outcome) : null
  const classes = ['session-node', `status-${session.status}`]
  if (outcome) classes.push(`outcome-${outcome.kind}`)
  if (session.failing) classes.push('is-failing')
  const intents = intentsText(session.intents)
  return (
    <div className={classes.join(' ')}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="session-node__row">
        <span className="session-node__name">
          {data.standalone ? data.username : `session ${session.ordinal}`}
          {data.standalone && data.bot && <span className="bot-badge">bot</span>}
        </span>
        <span className="session-node__shard">
          shard {session.shard[0]}/{session.shard[1]}
        </span>
      </div>
      <div className="session-node__intents" title={`Intents: ${intents}`}>
        {intents}
      </div>
      <div className="session-node__badges">
        {session.status === 'disconnected' && (
          <span className="chip chip--buffered">disconnected</span>
        )}
        {session.failing && <span className="chip chip--skipped">socket failing</span>}
        {chip && (
          // The animator fades this in when the dispatch's token arrives (outcome-chip).
          <span className={`${chip.className} outcome-chip`}>{tally ?? chip.text}</span>
        )}
      </div>
    </div>
  )
}

export const SessionNode = memo(SessionNodeComponent)
