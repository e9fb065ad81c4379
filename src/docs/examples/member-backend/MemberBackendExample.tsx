import { LiveExample } from '../../live/LiveExample.tsx'
import example from '../../../scenarios/docs/member-backend.ts'

/** The member backend's live example (see README.md). */
export function MemberBackendExample() {
  return <LiveExample example={example} />
}
