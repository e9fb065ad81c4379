import { LiveExample } from '../../live/LiveExample.tsx'
import example from './example.ts'

/** The friend backend's live example (see README.md). */
export function FriendBackendExample() {
  return <LiveExample example={example} />
}
