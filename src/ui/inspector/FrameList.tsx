import type { Frame } from '../../engine/index.ts'
import '../format/tags.css'
import './Inspector.css'

const MAX_FRAMES = 80
/** Names of the gateway ops a session may receive without a `t` (gateway-facts §2). */
const OP_NAMES: Readonly<Record<number, string>> = {
  1: 'HEARTBEAT',
  7: 'RECONNECT',
  9: 'INVALID_SESSION',
  10: 'HELLO',
  11: 'HEARTBEAT_ACK',
}

/** The frames a session's socket received, newest first, as Discord JSON. */
export function FrameList({
  frames,
  replayedSeqs,
}: {
  frames: readonly Frame[]
  replayedSeqs: ReadonlySet<number>
}) {
  const shown = frames.slice(-MAX_FRAMES).reverse()
  return (
    <>
      <h3 id="frames-title" className="subheading">
        Frames <span className="panel__hint">({frames.length}, newest first)</span>
      </h3>
      <ol className="frames" aria-labelledby="frames-title">
        {shown.map((frame, i) => (
          <li key={frames.length - i} className="frame">
            <div className="frame__head">
              <span className="mono frame__t">
                {frame.t ?? OP_NAMES[frame.op] ?? `op ${frame.op}`}
              </span>
              {frame.s !== null && <span className="frame__s">s {frame.s}</span>}
              {frame.op !== 0 && <span className="frame__s">op {frame.op}</span>}
              {frame.s !== null && replayedSeqs.has(frame.s) && (
                <span className="tag tag--replay">replayed</span>
              )}
            </div>
            <details>
              <summary>JSON</summary>
              <pre>{JSON.stringify(frame, null, 2)}</pre>
            </details>
          </li>
        ))}
      </ol>
    </>
  )
}
