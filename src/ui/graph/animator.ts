import type { DispatchOverlay, EdgeKind } from './overlay.ts'
import type { EdgeRegistry } from './edgeRegistry.ts'
import './edges.css'

const SVG = 'http://www.w3.org/2000/svg'
/** How far along its edge a token goes before it stops: skipped ones are turned back part-way. */
const TRAVEL: Record<EdgeKind, number> = { delivered: 1, mixed: 1, buffered: 0.86, skipped: 0.55 }
/** A frame budget: at most this many tokens per dispatch (summary edges stand for the rest). */
const MAX_TOKENS = 300
/** Frames sent one after another along one edge (a replay): at most this many tokens for them. */
const MAX_FRAMES_PER_EDGE = 8
const FRAMES_TO_WAIT = 12
const FADE_MS = 180

export interface Animator {
  /** Animates what is shown along its edges; replaces whatever was animating. */
  play(overlay: DispatchOverlay, durationMs: number): void
  /** Stops and removes everything in motion (a timeline move: nothing may outlive its step). */
  stop(): void
  destroy(): void
}

/**
 * Draws dispatch tokens outside React (docs/design/style.md §12): SVG circles moving with
 * `<animateMotion>` along the edge paths registered in `registry`, then pulses on the nodes they
 * reach. A session's outcome chip, a summary's counts and an edge's label appear as its token
 * arrives, not before. Frames sent one after another (a RESUME's replay) travel one after another.
 * Nothing outlives the animation: the tokens go when it ends, or at once on `stop`. With reduced
 * motion there is no travel: edges and nodes flash in place, and the outcomes show at once.
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

  /** What shows an edge's outcome: its label, and the target's chip or counts. */
  function outcomeMarks(container: HTMLElement | null, edgeId: string, target: string): Element[] {
    if (!container) return []
    const node = container.querySelector(`.react-flow__node[data-id="${CSS.escape(target)}"]`)
    return [
      ...container.querySelectorAll(`.edge-label[data-edge="${CSS.escape(edgeId)}"]`),
      ...(node?.querySelectorAll('.outcome-chip, .summary-node__counts') ?? []),
    ]
  }

  /** Keeps marks hidden until `reveal`: a hold animation nobody can see past (WAAPI, as above). */
  function hold(marks: readonly Element[]): () => void {
    const holds = marks.map((m) => m.animate([{ opacity: 0 }, { opacity: 0 }], { duration: 1e7 }))
    const release = () => holds.forEach((h) => h.cancel())
    cleanups.push(release)
    return release
  }

  function reveal(marks: readonly Element[]) {
    for (const m of marks) {
      const fade = m.animate([{ opacity: 0 }, { opacity: 1 }], { duration: FADE_MS })
      cleanups.push(() => fade.cancel())
    }
  }

  function token(group: SVGGElement, kind: EdgeKind, travelMs: number, delayMs: number) {
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
    cleanups.push(() => circle.remove())
    const start = () => {
      group.appendChild(circle)
      motion.beginElement()
    }
    if (delayMs > 0) later(delayMs, start)
    else start()
  }

  function run(overlay: DispatchOverlay, durationMs: number, held: Map<string, () => void>) {
    const container = options.container()
    const travelMs = Math.round(durationMs * 0.55)
    const reduced = options.reducedMotion()
    container?.setAttribute('data-animating', 'true')
    // Nothing outlives the animation: tokens, flashes and holds go when it ends.
    later(durationMs, clear)
    let tokens = 0
    for (const edge of overlay.edges) {
      const group = options.registry.get(edge.id)
      const release = held.get(edge.id)
      if (!group) {
        release?.()
        continue
      }
      if (reduced) {
        flashEdge(group, edge.kind, durationMs, true)
        continue
      }
      // Several frames along one edge leave one after another, the last arriving with the others.
      const frames = Math.min(edge.frames, MAX_FRAMES_PER_EDGE)
      const gap = frames > 1 ? Math.round((durationMs - travelMs) / (frames + 1)) : 0
      for (let i = 0; i < frames && tokens < MAX_TOKENS; i++, tokens++) {
        token(group, edge.kind, travelMs, i * gap)
      }
      const arrival =
        (edge.kind === 'skipped' ? travelMs * TRAVEL.skipped : travelMs) + (frames - 1) * gap
      // Marks drawn since play() (a transient edge's label) wait too.
      const marks = outcomeMarks(container, edge.id, edge.target)
      const releaseDrawn = hold(marks)
      later(arrival, () => {
        release?.()
        releaseDrawn()
        reveal(marks)
        if (edge.kind === 'skipped') flashEdge(group, edge.kind, durationMs - arrival, false)
        pulseNode(
          container?.querySelector(`.react-flow__node[data-id="${CSS.escape(edge.target)}"]`),
          edge.kind,
        )
      })
    }
  }

  return {
    play(overlay, durationMs) {
      clear()
      const container = options.container()
      // Outcomes already drawn wait for their tokens (hidden now, before the first frame is painted).
      const held = new Map<string, () => void>()
      if (!options.reducedMotion()) {
        for (const edge of overlay.edges) {
          held.set(edge.id, hold(outcomeMarks(container, edge.id, edge.target)))
        }
      }
      // Transient edges mount a frame or two after the state change that adds them: wait for them.
      let frames = 0
      const start = () => {
        const ready = overlay.edges.every((e) => options.registry.has(e.id))
        if (ready || frames++ >= FRAMES_TO_WAIT) run(overlay, durationMs, held)
        else raf = requestAnimationFrame(start)
      }
      start()
    },
    stop: clear,
    destroy: clear,
  }
}
