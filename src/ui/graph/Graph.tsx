import {
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useStore,
  type NodeChange,
  type OnNodeDrag,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from 'react'
import { useActions, useBusy, useSpeed } from '../../store/hooks.ts'
import { DISPATCH_MS } from '../../store/timing.ts'
import { useTheme } from '../site/theme.ts'
import { AutoFit } from './AutoFit.tsx'
import { declutterLabels, LABEL_MIN_ZOOM } from './declutter.ts'
import { FocusOnRequest } from './FocusOnRequest.tsx'
import { FIT } from './fit.ts'
import { createAnimator, type Animator } from './animator.ts'
import { EdgeRegistryContext, type EdgeRegistry } from './edgeRegistry.ts'
import { edgeTypes, nodeTypes } from './flowTypes.ts'
import type { FlowNode } from './toFlowElements.ts'
import { useFlowElements } from './useFlowElements.ts'
import { usePrefersReducedMotion } from './usePrefersReducedMotion.ts'
import { SaveImageButton } from './SaveImageButton.tsx'
import './Graph.css'

/** A graph with more nodes than this (or summarised) gets a minimap. */
const MINIMAP_FROM = 40

/** Marks the graph while it is zoomed out too far to read idle edges' counts (CSS hides them). */
function ZoomedOut({ container }: { container: { readonly current: HTMLElement | null } }) {
  const far = useStore((s) => s.transform[2] < LABEL_MIN_ZOOM)
  useEffect(() => {
    if (far) container.current?.setAttribute('data-far', 'true')
    else container.current?.removeAttribute('data-far')
  }, [far, container])
  return null
}

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
  const { nodes: computed, edges, overlay, empty, nonce, cursor, summarised } = useFlowElements()
  // While a world builds, the graph behind its progress is not "empty": it is not built yet.
  const busy = useBusy()
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
  // A summarised graph is first fitted to its topics at a readable zoom (docs/design/playground.md §13).
  const readable = summarised
    ? computed.filter((n) => n.type === 'topic' && !n.data.transient).map((n) => n.id)
    : null
  // Labels that would overlap one another or a node are hidden once the redrawn graph is laid out.
  useEffect(() => {
    let raf = requestAnimationFrame(() => {
      raf = requestAnimationFrame(() => {
        if (container.current) declutterLabels(container.current)
      })
    })
    return () => cancelAnimationFrame(raf)
  }, [nodes, edges])

  // Every timeline move stops what is in motion: nothing outlives its step. Declared before the replay
  // below, so a step that animates as it lands starts clean.
  useLayoutEffect(() => {
    animator.current?.stop()
  }, [cursor])
  // Once per row shown (never per frame): hand the overlay to the animator, outside React. A layout
  // effect, so the outcomes it holds back until their tokens arrive are never painted before.
  const replay = useEffectEvent(() => {
    if (overlay) animator.current?.play(overlay, DISPATCH_MS / speed)
  })
  useLayoutEffect(() => {
    if (nonce > 0) replay()
  }, [nonce])

  return (
    <EdgeRegistryContext.Provider value={registry}>
      {/* The provider lets the zoom buttons sit outside the canvas, in a gutter of their own, so no
          node or label is ever drawn under them, whatever the fit or the pan. */}
      <ReactFlowProvider>
        <div
          ref={container}
          className="graph"
          data-testid="subscription-graph"
          data-reduced-motion={reducedMotion ? 'true' : undefined}
          aria-label="Subscription graph: topic keys and the sessions subscribed to them"
          role="region"
        >
          <div className="graph__canvas">
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
              <AutoFit signature={signature} readable={readable} />
              <FocusOnRequest />
              <ZoomedOut container={container} />
              {(summarised || computed.length > MINIMAP_FROM) && (
                <MiniMap
                  pannable
                  zoomable
                  ariaLabel="Minimap: the whole graph; drag to move the view"
                  className="graph__minimap"
                  nodeClassName={(n) => `minimap-node minimap-node--${n.type ?? 'node'}`}
                />
              )}
            </ReactFlow>
          </div>
          <div className="graph__tools">
            <Controls showInteractive={false} fitViewOptions={FIT}>
              <SaveImageButton />
            </Controls>
          </div>
          {empty && !busy && (
            <p className="graph__empty">
              Nothing is subscribed yet. Step forward, or IDENTIFY a session from the Sessions tab.
            </p>
          )}
        </div>
      </ReactFlowProvider>
    </EdgeRegistryContext.Provider>
  )
}
