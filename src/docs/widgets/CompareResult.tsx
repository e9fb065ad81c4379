import { useMemo } from 'react'
import { comparison } from '../model/litecordCompare.ts'

/** The engine's side of a comparison: the example run on the engine, line by line. */
export default function CompareResult({ id }: { id: string }) {
  const lines = useMemo(() => {
    const c = comparison(id)
    if (!c) return [`No comparison named ${id}.`]
    try {
      return c.engine()
    } catch (e) {
      return [`The engine refused the example: ${(e as Error).message}`]
    }
  }, [id])
  return (
    <ul className="compare__lines" data-testid="compare-engine">
      {lines.map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ul>
  )
}
