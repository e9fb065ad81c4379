import {
  applyNodeChanges,
  Background,
  Controls,
  ReactFlow,
  type NodeChange,
  type OnNodeDrag,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react'
import { useActions, useSpeed } from '../../store/hooks.ts'
import { DISPATCH_MS } from '../../store/timing.ts'
import { useTheme } from '../site/theme.ts'
import { AutoFit } from './AutoFit.tsx'
import { FIT } from './fit.ts'
import { createAnimator, type Animator } from './animator.ts'
import { EdgeRegistryContext, type EdgeRegistry } from './edgeRegistry.ts'
import { edgeTypes, nodeTypes } from './flowTypes.ts'
import type { FlowNode } from './toFlowElements.ts'
import { useFlowElements } from './useFlowElements.ts'
import { usePrefersReducedMotion } from './usePrefersReducedMotion.ts'
import { SaveImageButton } from './SaveImageButton.tsx'
import './Graph.css'

/** Keeps React Flow's measurements of nodes we rebuild, so edges never blink while re-measuring. */
function keepMeasured(next: FlowNode[], previous: FlowNode[]): FlowNode[] {
  const before = new Map(previous.map((n) => [n.id, n]))
  return next.map((n) => {
    const old = before.get(n.id)
    return old?.measured ? { ...n, measured: old.measured } : n
  })
}

/** The subscription graph: topic keys in the middle, sessions beside them, dispatches animating between. */
export function Graph() {
  const { nodes: computed, edges, overlay, empty, nonce } = useFlowElements()
  const { select, setPosition } = useActions()
  const { theme } = useTheme()
  const reducedMotion = usePrefersReducedMotion()
  const speed = useSpeed()
  const container = useRef<HTMLDivElement>(null)
  const [registry] = useState<EdgeRegistry>(() => new Map())
  const animator = useRef<Animator | null>(null)
  useEffect(() => {
    const created = createAnimator({
      registry,
      container: () => container.current,
      reducedMotion: () => window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    })
    animator.current = created
    return () => created.destroy()
  }, [registry])

  // React Flow is controlled: adopt each new computed list, keep its measurements and local drags.
  const [nodes, setNodes] = useState<FlowNode[]>(computed)
  const [adopted, setAdopted] = useState(computed)
  if (adopted !== computed) {
    setAdopted(computed)
    setNodes((prev) => keepMeasured(computed, prev))
  }
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      setNodes((prev) => applyNodeChanges(changes, prev))
      for (const c of changes) {
        if (c.type !== 'select' || !c.selected) continue
        const kind = c.id.startsWith('session:')
          ? 'session'
          : c.id.startsWith('summary:')
            ? 'group'
            : 'topic'
        select({ kind, id: kind === 'session' ? c.id.slice('session:'.length) : c.id })
      }
    },
    [select],
  )
  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback(
    (_event, node) => setPosition(node.id, node.position),
    [setPosition],
  )
  const onPaneClick = useCallback(() => select(null), [select])
  const signature = `${computed.length}:${computed.filter((n) => n.type !== 'session').length}`

  // Once per dispatch shown (never per frame): hand the overlay to the animator, outside React.
  const replay = useEffectEvent(() => {
    if (overlay) animator.current?.play(overlay, DISPATCH_MS / speed)
  })
  useEffect(() => {
    if (nonce > 0) replay()
  }, [nonce])

  return (
    <EdgeRegistryContext.Provider value={registry}>
      <div
        ref={container}
        className="graph"
        data-testid="subscription-graph"
        data-reduced-motion={reducedMotion ? 'true' : undefined}
        aria-label="Subscription graph: topic keys and the sessions subscribed to them"
        role="region"
      >
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onNodeDragStop={onNodeDragStop}
          onPaneClick={onPaneClick}
          colorMode={theme}
          fitView
          fitViewOptions={FIT}
          minZoom={0.1}
          nodesConnectable={false}
          edgesFocusable={false}
          deleteKeyCode={null}
          panActivationKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
        >
          <Background gap={24} size={1} />
          <AutoFit signature={signature} />
          <Controls showInteractive={false} fitViewOptions={FIT}>
            <SaveImageButton />
          </Controls>
        </ReactFlow>
        {empty && (
          <p className="graph__empty">
            Nothing is subscribed yet. Step forward, or IDENTIFY a session from the Sessions tab.
          </p>
        )}
      </div>
    </EdgeRegistryContext.Provider>
  )
}
