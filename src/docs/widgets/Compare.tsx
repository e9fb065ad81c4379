import { lazy, Suspense, useRef, useState, type ReactNode } from 'react'
import { useReached } from '../live/useReached.ts'
import './widgets.css'

// The engine column runs the example on the engine: loaded when the first comparison is reached.
const CompareResult = lazy(() => import('./CompareResult.tsx'))

/**
 * One worked example side by side: what litecord does (the children: prose, from
 * docs/design/litecord-notes.md §6) and what this engine does, computed in the browser when the reader
 * gets here.
 */
export function Compare({
  id,
  title,
  children,
}: {
  id: string
  title: string
  children: ReactNode
}) {
  const box = useRef<HTMLElement>(null)
  const reached = useReached(box)
  const [touched, setTouched] = useState(false)
  const waiting = <p className="muted">Runs on the engine when you scroll here.</p>
  return (
    <figure
      ref={box}
      className="compare"
      data-testid={`compare-${id}`}
      onPointerDown={() => setTouched(true)}
    >
      <figcaption className="compare__title">{title}</figcaption>
      <div className="compare__col compare__col--litecord">
        <p className="compare__who">litecord</p>
        {children}
      </div>
      <div className="compare__col compare__col--engine">
        <p className="compare__who">This engine, run just now</p>
        {reached || touched ? (
          <Suspense fallback={<p className="muted">Running…</p>}>
            <CompareResult id={id} />
          </Suspense>
        ) : (
          waiting
        )}
      </div>
    </figure>
  )
}
