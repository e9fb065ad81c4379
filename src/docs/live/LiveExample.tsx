import { lazy, Suspense, useRef, useState, type MouseEvent, type ReactNode } from 'react'
import type { DocScenario } from '../../scenarios/types.ts'
import { hrefOf } from '../../ui/site/paths.ts'
import { ErrorBoundary } from '../../ui/site/ErrorBoundary.tsx'
import { isModifiedClick, navigate } from '../../ui/site/router.ts'
import { CodeSnippet } from './CodeSnippet.tsx'
import { useReached } from './useReached.ts'
import './live.css'

// The engine, React Flow, the graph's layout engine and the editor load only when an example is
// reached or touched; Monaco later still, when the reader points at or focuses the editor.
const LiveExampleRuntime = lazy(() => import('./LiveExampleRuntime.tsx'))

/**
 * A live example: until the reader reaches it (or presses Load), a placeholder and the code, read
 * only; then the example's graph, its Try-it calls animating on it, who got what and why, and the code
 * in an editor with Run. Open in playground carries the world, the timeline and the reader's code.
 */
export function LiveExample({ example }: { example: DocScenario }) {
  const box = useRef<HTMLElement>(null)
  const reached = useReached(box)
  const [touched, setTouched] = useState(false)
  const [linkProblem, setLinkProblem] = useState('')
  // Bumped by "Reset the example": a new store for it, as the page first built it.
  const [generation, setGeneration] = useState(0)
  const linkRef = useRef<(() => string) | null>(null)
  const live = reached || touched
  const titleId = `example-${example.id}`
  const plainPath = `/play/${example.id}`

  // The link is made when it is used (the engine's timeline and the code as they are at that moment);
  // before the example is live, the plain address opens the same world with the same code.
  const onOpen = (event: MouseEvent<HTMLAnchorElement>) => {
    let path: string
    try {
      path = linkRef.current?.() ?? plainPath
      setLinkProblem('')
    } catch (error) {
      event.preventDefault()
      setLinkProblem(`Cannot open this in the playground: ${(error as Error).message}.`)
      return
    }
    event.currentTarget.href = hrefOf(path)
    if (isModifiedClick(event)) return // a new tab or window: the browser follows the href just set
    event.preventDefault()
    navigate(path)
    window.scrollTo(0, 0)
  }

  // Copy link address, or a keyboard's Enter, takes the href as it is: keep it current.
  const refresh = (event: { currentTarget: HTMLAnchorElement }) => {
    try {
      event.currentTarget.href = hrefOf(linkRef.current?.() ?? plainPath)
    } catch {
      // Too long for a link: the click says so.
    }
  }

  return (
    <section
      ref={box}
      className="live-example"
      aria-labelledby={titleId}
      data-testid="live-example"
      data-state={live ? 'live' : 'waiting'}
      onPointerDown={() => setTouched(true)}
    >
      <header className="live-example__header">
        <p className="live-example__eyebrow">Live example</p>
        <h3 id={titleId} className="live-example__title">
          {example.title}
        </h3>
        <a
          href={hrefOf(plainPath)}
          className="button live-example__open"
          onClick={onOpen}
          onAuxClick={onOpen}
          onContextMenu={refresh}
          onFocus={refresh}
          onPointerEnter={refresh}
          title="The same world, timeline and code in the playground (the code runs when you press Run)"
        >
          Open in playground
        </a>
        {linkProblem && (
          <p className="live-example__link-problem" role="alert">
            {linkProblem}
          </p>
        )}
      </header>
      <p className="live-example__summary">{example.summary}</p>
      {live ? (
        <Suspense
          fallback={
            <>
              <Placeholder text="Loading the engine and the graph…" />
              <StaticCode code={example.code} />
            </>
          }
        >
          <ErrorBoundary
            what="example"
            resetLabel="Reset the example"
            onReset={() => setGeneration((g) => g + 1)}
          >
            <LiveExampleRuntime key={generation} example={example} linkRef={linkRef} />
          </ErrorBoundary>
        </Suspense>
      ) : (
        <>
          <Placeholder text="The graph loads when you scroll here.">
            <button type="button" className="button" onClick={() => setTouched(true)}>
              Load the example
            </button>
          </Placeholder>
          <StaticCode code={example.code} />
        </>
      )}
    </section>
  )
}

function Placeholder({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <div className="live-example__placeholder" role="status">
      <span>{text}</span>
      {children}
    </div>
  )
}

/** The code before the example is live: read only, the same size as the editor that replaces it. */
function StaticCode({ code }: { code: string }) {
  return (
    <section className="live-example__code" aria-label="The same in code">
      <div className="live-example__code-bar">
        <span className="live-example__code-title">The same in code</span>
        <span className="live-example__code-hint">
          editable and runnable once the example loads
        </span>
      </div>
      <CodeSnippet code={code} copy={false} />
    </section>
  )
}
