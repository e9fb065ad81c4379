import { LiveExample } from '../../live/LiveExample.tsx'
import example from './example.ts'

/** Disconnect, buffer, resume, and the window closing (see README.md). */
export function ResumeExample() {
  return <LiveExample example={example} />
}
