import type { DispatchOverlay, EdgeKind } from './overlay.ts'
import type { EdgeRegistry } from './edgeRegistry.ts'
import './edges.css'

const SVG = 'http://www.w3.org/2000/svg'
/** How far along its edge a token goes before it stops: skipped ones are turned back part-way. */
const TRAVEL: Record<EdgeKind, number> = { delivered: 1, mixed: 1, buffered: 0.86, skipped: 0.55 }
/** A frame budget: at most this many tokens per dispatch (summary edges stand for the rest). */
const MAX_TOKENS = 300
const FRAMES_TO_WAIT = 12

export interface Animator {
  /** Animates one dispatch along its edges; replaces whatever was animating. */
  play(overlay: DispatchOverlay, durationMs: number): void
  destroy(): void
}

/**
 * Draws dispatch tokens outside React (docs/design/style.md §12): SVG circles moving with
 * `<animateMotion>` along the edge paths registered in `registry`, then pulses on the nodes they
 * reach. With reduced motion there is no travel: edges and nodes flash in place, and React's
 * outcome colours stay.
 */
export function createAnimator(options: {
  registry: EdgeRegistry
  container: () => HTMLElement | null
  reducedMotion: () => boolean
}): Animator {
  let cleanups: (() => void)[] = []
  let raf = 0

  function clear() {
    cancelAnimationFrame(raf)
    for (const c of cleanups) c()
    cleanups = []
    options.container()?.removeAttribute('data-animating')
  }

  function later(ms: number, fn: () => void) {
    const t = setTimeout(fn, ms)
    cleanups.push(() => clearTimeout(t))
  }

  /**
   * A highlight drawn over an edge as its own element: React Flow re-renders edge classes a frame after
   * our state changes, which would wipe a class added here.
   */
  function flashEdge(group: SVGGElement, kind: EdgeKind, ms: number, still: boolean) {
    const d = group.querySelector('path')?.getAttribute('d')
    if (!d) return
    const path = document.createElementNS(SVG, 'path')
    path.setAttribute('d', d)
    path.setAttribute('class', `edge-flash edge-flash--${kind}${still ? ' edge-flash--still' : ''}`)
    group.appendChild(path)
    const off = () => path.remove()
    later(ms, off)
    cleanups.push(off)
  }

  /** A ring pulse on a node, with the Web Animations API (no class for React to overwrite). */
  function pulseNode(node: Element | null | undefined, kind: EdgeKind) {
    const target = node?.firstElementChild
    if (!target) return
    const colour = `var(--${kind === 'mixed' ? 'accent' : kind})`
    const animation = target.animate(
      [{ boxShadow: `0 0 0 0 ${colour}` }, { boxShadow: '0 0 0 12px transparent' }],
      { duration: 700, easing: 'ease-out' },
    )
    cleanups.push(() => animation.cancel())
  }

  function token(group: SVGGElement, kind: EdgeKind, travelMs: number) {
    const d = group.querySelector('path')?.getAttribute('d')
    if (!d) return
    const circle = document.createElementNS(SVG, 'circle')
    circle.setAttribute('r', '5')
    circle.setAttribute('class', `dispatch-token dispatch-token--${kind}`)
    const motion = document.createElementNS(SVG, 'animateMotion')
    motion.setAttribute('path', d)
    motion.setAttribute('dur', `${travelMs}ms`)
    motion.setAttribute('fill', 'freeze')
    motion.setAttribute('begin', 'indefinite')
    motion.setAttribute('keyPoints', `0;${TRAVEL[kind]}`)
    motion.setAttribute('keyTimes', '0;1')
    motion.setAttribute('calcMode', 'spline')
    motion.setAttribute('keySplines', '0.4 0 0.2 1')
    circle.appendChild(motion)
    group.appendChild(circle)
    cleanups.push(() => circle.remove())
    motion.beginElement()
  }

  function run(overlay: DispatchOverlay, durationMs: number) {
    const container = options.container()
    const travelMs = Math.round(durationMs * 0.55)
    const reduced = options.reducedMotion()
    container?.setAttribute('data-animating', 'true')
    later(durationMs, () => container?.removeAttribute('data-animating'))
    let tokens = 0
    for (const edge of overlay.edges) {
      const group = options.registry.get(edge.id)
      if (!group) continue
      if (reduced) {
        flashEdge(group, edge.kind, durationMs, true)
        continue
      }
      if (tokens++ < MAX_TOKENS) token(group, edge.kind, travelMs)
      const arrival = edge.kind === 'skipped' ? travelMs * TRAVEL.skipped : travelMs
      if (edge.kind === 'skipped')
        later(arrival, () => flashEdge(group, edge.kind, durationMs, false))
      const node = container?.querySelector(
        `.react-flow__node[data-id="${CSS.escape(edge.target)}"]`,
      )
      later(arrival, () => pulseNode(node, edge.kind))
    }
  }

  return {
    play(overlay, durationMs) {
      clear()
      // Transient edges mount a frame or two after the state change that adds them: wait for them.
      let frames = 0
      const start = () => {
        const ready = overlay.edges.every((e) => options.registry.has(e.id))
        if (ready || frames++ >= FRAMES_TO_WAIT) run(overlay, durationMs)
        else raf = requestAnimationFrame(start)
      }
      start()
    },
    destroy: clear,
  }
}
