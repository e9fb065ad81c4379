import { LiveExample } from '../../live/LiveExample.tsx'
import example from './example.ts'

/** The member backend's live example (see README.md). */
export function MemberBackendExample() {
  return <LiveExample example={example} />
}
