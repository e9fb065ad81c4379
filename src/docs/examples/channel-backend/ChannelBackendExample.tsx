import { LiveExample } from '../../live/LiveExample.tsx'
import example from './example.ts'

/** The channel backend's live example (see README.md). */
export function ChannelBackendExample() {
  return <LiveExample example={example} />
}
