import { LiveExample } from '../../live/LiveExample.tsx'
import example from './example.ts'

/** The lazy_guild backend's live example (see README.md). */
export function LazyGuildBackendExample() {
  return <LiveExample example={example} />
}
