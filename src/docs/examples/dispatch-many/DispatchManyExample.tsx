import { LiveExample } from '../../live/LiveExample.tsx'
import example from './example.ts'

/** dispatchMany's double delivery and dispatchManyFilterList's fix (see README.md). */
export function DispatchManyExample() {
  return <LiveExample example={example} />
}
