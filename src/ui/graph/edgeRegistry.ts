import { createContext } from 'react'

/**
 * Edge id → its SVG group, registered by each DispatchEdge as it mounts. The animator draws tokens into
 * these groups directly, so an animation never goes through React state.
 */
export type EdgeRegistry = Map<string, SVGGElement>

export const EdgeRegistryContext = createContext<EdgeRegistry>(new Map())
