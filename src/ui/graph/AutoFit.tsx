import { useNodesInitialized, useReactFlow } from '@xyflow/react'
import { useEffect } from 'react'
import { FIT } from './fit.ts'

/** Re-fits the view when the graph's structure changes (a new scenario, nodes added or removed). */
export function AutoFit({ signature }: { signature: string }) {
  const { fitView } = useReactFlow()
  const initialized = useNodesInitialized()
  useEffect(() => {
    if (initialized) void fitView({ ...FIT, duration: 250 })
  }, [signature, initialized, fitView])
  return null
}
