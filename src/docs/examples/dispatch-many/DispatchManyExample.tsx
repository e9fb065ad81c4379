import { LiveExample } from '../../live/LiveExample.tsx'
import example from '../../../scenarios/docs/dispatch-many.ts'

/** dispatchMany's double delivery and dispatchManyFilterList's fix (see README.md). */
export function DispatchManyExample() {
  return <LiveExample example={example} />
}
