import { Suspense, useRef, useState, type ReactNode } from 'react'
import { useReached } from './useReached.ts'

/**
 * Renders `children` (a lazy component that needs the engine) only once the reader scrolls to it or
 * touches it; until then a placeholder of the same height with a button that loads it at once.
 */
export function WhenReached({
  children,
  what,
  minHeight,
}: {
  children: ReactNode
  /** What loads, for the placeholder: "the member list demo". */
  what: string
  minHeight: string
}) {
  const box = useRef<HTMLDivElement>(null)
  const reached = useReached(box)
  const [touched, setTouched] = useState(false)
  const live = reached || touched
  const placeholder = (text: string, button: boolean) => (
    <div className="live-example__placeholder" style={{ height: minHeight }} role="status">
      <span>{text}</span>
      {button && (
        <button type="button" className="button" onClick={() => setTouched(true)}>
          Load {what}
        </button>
      )}
    </div>
  )
  return (
    <div ref={box} onPointerDown={() => setTouched(true)} data-state={live ? 'live' : 'waiting'}>
      {live ? (
        <Suspense fallback={placeholder(`Loading ${what}…`, false)}>{children}</Suspense>
      ) : (
        placeholder(`${what[0]?.toUpperCase()}${what.slice(1)} loads when you scroll here.`, true)
      )}
    </div>
  )
}
