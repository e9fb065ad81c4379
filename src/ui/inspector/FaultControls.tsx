import type { SessionStatus } from '../../engine/index.ts'
import { useActions } from '../../store/hooks.ts'
import { useLiveWire } from '../../store/live/LiveWire.tsx'

interface Props {
  sessionId: string
  status: SessionStatus
  failing: boolean
  lastSeen: number
}

/**
 * Fault injection on the selected session: each button appends one gateway call to the timeline. In the
 * live view, three more act on the session's real client through the gateway's wire: drop its socket
 * (the engine records a disconnect), send op 7 (it should reconnect and resume), ask for a heartbeat.
 */
export function FaultControls({ sessionId, status, failing, lastSeen }: Props) {
  const { apply } = useActions()
  const live = useLiveWire()
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
      {live && connected && (
        <div className="button-row" role="group" aria-label="The client's connection">
          <button type="button" className="button" onClick={() => live.request('drop', sessionId)}>
            Drop its socket
          </button>
          <button
            type="button"
            className="button"
            onClick={() => live.request('reconnect', sessionId)}
            title="op 7: reconnect and resume"
          >
            Send RECONNECT
          </button>
          <button
            type="button"
            className="button"
            onClick={() => live.request('heartbeat', sessionId)}
            title="op 1 from the server: heartbeat now"
          >
            Ask for a heartbeat
          </button>
        </div>
      )}
    </div>
  )
}
