import { LiveExample } from '../../live/LiveExample.tsx'
import example from '../../../scenarios/docs/channel-backend.ts'

/** The channel backend's live example (see README.md). */
export function ChannelBackendExample() {
  return <LiveExample example={example} />
}
