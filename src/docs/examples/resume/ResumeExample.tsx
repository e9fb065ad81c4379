import { LiveExample } from '../../live/LiveExample.tsx'
import example from '../../../scenarios/docs/resume.ts'

/** Disconnect, buffer, resume, and the window closing (see README.md). */
export function ResumeExample() {
  return <LiveExample example={example} />
}
