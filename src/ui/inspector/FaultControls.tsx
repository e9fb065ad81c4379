import type { SessionStatus } from '../../engine/index.ts'
import { useActions } from '../../store/hooks.ts'

interface Props {
  sessionId: string
  status: SessionStatus
  failing: boolean
  lastSeen: number
}

/** Fault injection on the selected session: each button appends one gateway call to the timeline. */
export function FaultControls({ sessionId, status, failing, lastSeen }: Props) {
  const { apply } = useActions()
  const gateway = (method: string, ...args: (string | number | boolean)[]) =>
    apply({ target: 'gateway', method, args: [sessionId, ...args] })
  const connected = status === 'connected'
  return (
    <div className="faults" role="group" aria-label="Fault injection">
      <h3 className="subheading">Fault injection</h3>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => gateway('disconnect')}
          disabled={!connected}
        >
          Disconnect
        </button>
        <button
          type="button"
          className="button"
          onClick={() => gateway('resume', lastSeen)}
          disabled={connected}
          title="RESUME with the last seq its client saw"
        >
          Resume from s {lastSeen}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => gateway('failSocket', !failing)}
          aria-pressed={failing}
        >
          {failing ? 'Heal socket' : 'Fail socket'}
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => gateway('invalidate')}
        >
          Invalidate
        </button>
      </div>
    </div>
  )
}
