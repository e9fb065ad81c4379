import { LiveExample } from '../../live/LiveExample.tsx'
import example from '../../../scenarios/docs/user-backend.ts'

/** The user backend's live example (see README.md). */
export function UserBackendExample() {
  return <LiveExample example={example} />
}
