import { useNodesInitialized, useReactFlow } from '@xyflow/react'
import { useEffect } from 'react'
import { FIT, READABLE_FIT } from './fit.ts'

/**
 * Re-fits the view when the graph's structure changes (a new scenario, nodes added or removed). A
 * summarised graph (thousands of sessions) is fitted to its topic keys at a zoom where text is
 * readable, rather than whole at a zoom where it is not; the minimap shows the rest.
 */
export function AutoFit({
  signature,
  readable,
}: {
  signature: string
  /** Node ids to fit at a readable zoom (a summarised graph's topics), or null to fit everything. */
  readable: readonly string[] | null
}) {
  const { fitView } = useReactFlow()
  const initialized = useNodesInitialized()
  const focus = readable?.join('\n') ?? null
  useEffect(() => {
    if (!initialized) return
    if (focus === null) void fitView({ ...FIT, duration: 250 })
    else
      void fitView({
        ...READABLE_FIT,
        nodes: focus.split('\n').map((id) => ({ id })),
        duration: 250,
      })
  }, [signature, initialized, fitView, focus])
  return null
}
