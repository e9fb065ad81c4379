import { useMemo } from 'react'
import type { Frame } from '../../engine/index.ts'
import { clientFrameJson, framesNdjson } from '../../store/live/clientFrames.ts'
import { useLiveWire } from '../../store/live/LiveWire.tsx'
import { VirtualList } from '../format/VirtualList.tsx'
import { download } from '../site/download.ts'
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

/**
 * The frames a session's socket received, newest first, each as the JSON its client received (with what
 * a local gateway's wire adds, in the live view); only those in view are drawn. Save writes them all,
 * oldest first, as NDJSON: one frame per line, as a client would log them.
 */
export function FrameList({
  sessionId,
  userId,
  frames,
  replayedSeqs,
}: {
  sessionId: string
  userId: string
  frames: readonly Frame[]
  replayedSeqs: ReadonlySet<number>
}) {
  const wire = useLiveWire()?.context ?? null
  const newestFirst = useMemo(() => [...frames].reverse(), [frames])
  const save = () =>
    download(
      `frames-${sessionId}.ndjson`,
      new Blob([framesNdjson(frames, userId, wire)], { type: 'application/x-ndjson' }),
    )
  return (
    <>
      <h3 id="frames-title" className="subheading">
        Frames{' '}
        <span className="panel__hint">({frames.length.toLocaleString('en-US')}, newest first)</span>{' '}
        <button
          type="button"
          className="link-button"
          onClick={save}
          disabled={frames.length === 0}
          aria-label="Save the frames as NDJSON"
        >
          Save (NDJSON)
        </button>
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
              <pre>{clientFrameJson(frame, userId, wire)}</pre>
            </details>
          </div>
        )}
      />
    </>
  )
}
