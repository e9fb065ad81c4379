import { createContext, useContext, type ReactNode } from 'react'
import type { WireContext } from '../../wire/wireFrame.ts'
import type { WireRequest } from './liveConnection.ts'

/** The followed gateway, as the inspector needs it. */
export interface LiveWire {
  /** What the gateway's wire adds to frames (READY's `resume_gateway_url`). */
  readonly context: WireContext
  /** Asks the gateway to drop a session's socket, send it op 7, or ask it for a heartbeat. */
  readonly request: (type: WireRequest, sessionId: string) => void
}

const LiveWireValue = createContext<LiveWire | null>(null)

/** Tells the inspector that its sessions' frames travel on a local gateway's wire (the live view). */
export function LiveWireProvider({ wire, children }: { wire: LiveWire; children: ReactNode }) {
  return <LiveWireValue.Provider value={wire}>{children}</LiveWireValue.Provider>
}

/** The followed gateway, or null when the playground simulates on its own. */
export function useLiveWire(): LiveWire | null {
  return useContext(LiveWireValue)
}
