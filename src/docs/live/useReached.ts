import { useEffect, useState, type RefObject } from 'react'

/**
 * True once the element has been on screen (a quarter of it visible): the moment an example may load
 * its engine, graph and layout. Never goes back to false. Without IntersectionObserver it stays false
 * and the example's button loads it.
 */
export function useReached(ref: RefObject<Element | null>): boolean {
  const [reached, setReached] = useState(false)
  useEffect(() => {
    const element = ref.current
    if (reached || !element || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setReached(true)
      },
      { threshold: 0.25 },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref, reached])
  return reached
}
