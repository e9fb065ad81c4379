import { lazy } from 'react'
import { WhenReached } from '../live/WhenReached.tsx'
import '../live/live.css'

// The demo runs the engine: it loads when the reader gets to it.
const MemberListDemo = lazy(() => import('./MemberListDemo.tsx'))

/** The lazy member list page's demo, loaded when reached. */
export function MemberListWidget() {
  return (
    <WhenReached what="the member list demo" minHeight="30rem">
      <MemberListDemo />
    </WhenReached>
  )
}
