import { ControlButton, useReactFlow } from '@xyflow/react'
import { useState } from 'react'
import { useActions } from '../../store/hooks.ts'
import { usePlaygroundStoreApi } from '../../store/PlaygroundProvider.tsx'
import { download } from '../site/download.ts'

/** Space around the nodes in the image, in graph pixels. */
const PADDING = 24

/**
 * Saves the whole graph (not only what the view shows) as a PNG at twice its size, in the current theme,
 * with the shown dispatch's colours and labels. html-to-image loads on the first click only.
 */
export function SaveImageButton() {
  const { getNodes, getNodesBounds } = useReactFlow()
  const store = usePlaygroundStoreApi()
  const { reportError } = useActions()
  const [busy, setBusy] = useState(false)

  async function save(button: HTMLElement) {
    // The buttons sit in the graph's gutter, beside the canvas: find the canvas from the graph.
    const flow = button.closest('.graph')?.querySelector<HTMLElement>('.react-flow')
    const viewport = flow?.querySelector<HTMLElement>('.react-flow__viewport')
    const nodes = getNodes()
    if (!flow || !viewport || nodes.length === 0) return
    setBusy(true)
    try {
      const { toPng } = await import('html-to-image')
      const bounds = getNodesBounds(nodes)
      const width = Math.ceil(bounds.width + 2 * PADDING)
      const height = Math.ceil(bounds.height + 2 * PADDING)
      const png = await toPng(viewport, {
        backgroundColor: getComputedStyle(flow).backgroundColor,
        width,
        height,
        pixelRatio: 2,
        // Travelling tokens and flashes are SMIL animations: in a still image they would sit at the origin.
        filter: (node) =>
          !(
            node instanceof Element &&
            /\b(dispatch-token|edge-flash)\b/.test(node.getAttribute('class') ?? '')
          ),
        style: {
          width: `${width}px`,
          height: `${height}px`,
          transform: `translate(${PADDING - bounds.x}px, ${PADDING - bounds.y}px) scale(1)`,
        },
      })
      const { scenario, cursor } = store.getState()
      download(`fanout-${scenario?.id ?? 'graph'}-step-${cursor}.png`, png)
    } catch (error) {
      reportError(
        'Could not save the image',
        error instanceof Error ? error.message : String(error),
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <ControlButton
      onClick={(e) => void save(e.currentTarget)}
      disabled={busy}
      title="Save the graph as an image (PNG)"
      aria-label="Save the graph as an image"
    >
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path
          d="M8 1.5v8m0 0L4.8 6.3M8 9.5l3.2-3.2M2 11v2.5h12V11"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </ControlButton>
  )
}
