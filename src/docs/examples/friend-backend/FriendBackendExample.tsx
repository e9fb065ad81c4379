import { LiveExample } from '../../live/LiveExample.tsx'
import example from '../../../scenarios/docs/friend-backend.ts'

/** The friend backend's live example (see README.md). */
export function FriendBackendExample() {
  return <LiveExample example={example} />
}
