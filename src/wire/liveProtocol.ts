import type { EngineCall } from '../calls/index.ts'
import { isObject } from './protocol.ts'
import type { WireContext } from './wireFrame.ts'

/**
 * The live view's messages between the local gateway and a page it serves (`/live`, a same-origin
 * WebSocket of JSON text). The server tells the page which scenario it runs and every call it has
 * recorded (as steps), then each new step; the page asks for calls (and the wire's own faults) to be made.
 */

/** Bumped when a message changes shape; the page refuses a server of another version. */
export const LIVE_PROTOCOL_VERSION = 1

/** Server → page. */
export type LiveMessage =
  | {
      readonly type: 'hello'
      readonly version: number
      /** The scenario the server built its engine from (a page builds the same one). */
      readonly scenario: string
      /** Every call recorded so far, as steps, in order. */
      readonly steps: readonly (readonly EngineCall[])[]
      readonly wire: WireContext
    }
  | { readonly type: 'step'; readonly index: number; readonly calls: readonly EngineCall[] }
  | { readonly type: 'done'; readonly id: number }
  | { readonly type: 'refused'; readonly id: number | null; readonly message: string }

/** Page → server: an engine call, or a fault only the wire can make (drop a socket, op 7, op 1). */
export type LiveRequest =
  | { readonly type: 'call'; readonly id: number; readonly call: EngineCall }
  | {
      readonly type: 'drop' | 'reconnect' | 'heartbeat'
      readonly id: number
      readonly sessionId: string
    }

/** Reads a page's request; anything else is an error message (the server answers `refused`). */
export function readLiveRequest(text: string): LiveRequest | { error: string } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { error: 'not JSON' }
  }
  if (!isObject(value) || typeof value.id !== 'number') return { error: 'expected { type, id, … }' }
  const id = value.id
  if (value.type === 'call') {
    const call = value.call
    if (!isObject(call) || typeof call.target !== 'string' || typeof call.method !== 'string') {
      return { error: 'a call is { target, method, args }' }
    }
    if (!Array.isArray(call.args)) return { error: 'a call’s args must be a list' }
    return { type: 'call', id, call: call as unknown as EngineCall }
  }
  if (value.type === 'drop' || value.type === 'reconnect' || value.type === 'heartbeat') {
    if (typeof value.sessionId !== 'string') return { error: `${value.type} needs a sessionId` }
    return { type: value.type, id, sessionId: value.sessionId }
  }
  return { error: `unknown request type ${JSON.stringify(value.type)}` }
}
