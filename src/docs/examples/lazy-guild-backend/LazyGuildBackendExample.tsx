import { LiveExample } from '../../live/LiveExample.tsx'
import example from '../../../scenarios/docs/lazy-guild-backend.ts'

/** The lazy_guild backend's live example (see README.md). */
export function LazyGuildBackendExample() {
  return <LiveExample example={example} />
}
