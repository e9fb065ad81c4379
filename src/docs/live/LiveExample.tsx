import { lazy, Suspense, useRef, useState, type ReactNode } from 'react'
import { DocLink } from '../layout/DocLink.tsx'
import { CodeSnippet } from './CodeSnippet.tsx'
import type { DocExample } from './types.ts'
import { useReached } from './useReached.ts'
import './live.css'

// The engine, React Flow and the graph's layout engine load only when an example is reached or touched.
const LiveExampleRuntime = lazy(() => import('./LiveExampleRuntime.tsx'))

/**
 * A live example: until the reader reaches it (or presses Load), the code and a placeholder; then the
 * example's graph, its Try-it calls animating on it, and who got what and why.
 */
export function LiveExample({ example }: { example: DocExample }) {
  const box = useRef<HTMLElement>(null)
  const reached = useReached(box)
  const [touched, setTouched] = useState(false)
  const live = reached || touched
  const { scenario } = example
  const titleId = `example-${scenario.id}`
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
          {scenario.title}
        </h3>
        <DocLink href={`/play/${example.playground}`} className="button live-example__open">
          Open in playground ↗
        </DocLink>
      </header>
      <p className="live-example__summary">{scenario.summary}</p>
      {live ? (
        <Suspense fallback={<Placeholder text="Loading the engine and the graph…" />}>
          <LiveExampleRuntime example={example} />
        </Suspense>
      ) : (
        <Placeholder text="The graph loads when you scroll here.">
          <button type="button" className="button" onClick={() => setTouched(true)}>
            Load the example
          </button>
        </Placeholder>
      )}
      <details className="live-example__code" open>
        <summary>The same in code</summary>
        <CodeSnippet code={example.code} />
      </details>
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
