import { useMemo } from 'react'
import type { Frame } from '../../engine/index.ts'
import { VirtualList } from '../format/VirtualList.tsx'
import '../format/tags.css'
import './Inspector.css'

/** Names of the gateway ops a session may receive without a `t` (docs/design/gateway-facts.md §2). */
const OP_NAMES: Readonly<Record<number, string>> = {
  1: 'HEARTBEAT',
  7: 'RECONNECT',
  9: 'INVALID_SESSION',
  10: 'HELLO',
  11: 'HEARTBEAT_ACK',
}

/** The frames a session's socket received, newest first, as Discord JSON; only those in view are drawn. */
export function FrameList({
  frames,
  replayedSeqs,
}: {
  frames: readonly Frame[]
  replayedSeqs: ReadonlySet<number>
}) {
  const newestFirst = useMemo(() => [...frames].reverse(), [frames])
  return (
    <>
      <h3 id="frames-title" className="subheading">
        Frames{' '}
        <span className="panel__hint">({frames.length.toLocaleString('en-US')}, newest first)</span>
      </h3>
      <VirtualList
        items={newestFirst}
        label="Frames"
        ordered
        estimateSize={46}
        gap={4}
        // A frame's place counted from the first one: the same frame keeps its key as new ones arrive.
        getKey={(_, i) => frames.length - i}
        className="frames-scroll"
        renderItem={(frame) => (
          <div className="frame">
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
          </div>
        )}
      />
    </>
  )
}
