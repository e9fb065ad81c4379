import { LiveExample } from '../../live/LiveExample.tsx'
import example from '../../../scenarios/docs/guild-backend.ts'

/** The guild backend's live example (see README.md). */
export function GuildBackendExample() {
  return <LiveExample example={example} />
}
