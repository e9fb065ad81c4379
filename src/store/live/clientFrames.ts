import type { Frame } from '../../engine/index.ts'
import { encodeFrame } from '../../wire/protocol.ts'
import { wireFrame, type WireContext } from '../../wire/wireFrame.ts'

/**
 * A session's frames as its client received them: the wire's JSON text (`op, d, s, t`), with what the
 * wire adds (READY's `resume_gateway_url` and `application`) when the playground follows a local
 * gateway (`wire` given); a simulated session's frames are the engine's, written the same way.
 */
export function clientFrameText(frame: Frame, userId: string, wire: WireContext | null): string {
  return encodeFrame(wire ? wireFrame(frame, userId, wire) : frame)
}

/** {@link clientFrameText} indented, for reading. */
export function clientFrameJson(frame: Frame, userId: string, wire: WireContext | null): string {
  return JSON.stringify(JSON.parse(clientFrameText(frame, userId, wire)), null, 2)
}

/** Every frame, oldest first, one JSON text per line (NDJSON): a client's wire log, to save. */
export function framesNdjson(
  frames: readonly Frame[],
  userId: string,
  wire: WireContext | null,
): string {
  return frames.map((f) => clientFrameText(f, userId, wire) + '\n').join('')
}
