import { LiveExample } from '../../live/LiveExample.tsx'
import example from './example.ts'

/** The user backend's live example (see README.md). */
export function UserBackendExample() {
  return <LiveExample example={example} />
}
