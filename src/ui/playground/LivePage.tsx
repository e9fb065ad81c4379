import { useEffect, useRef, useState } from 'react'
import { scenarioById } from '../../scenarios/index.ts'
import type { Scenario } from '../../scenarios/types.ts'
import { createCodeStorage } from '../../store/codeStorage.ts'
import { LiveWireProvider } from '../../store/live/LiveWire.tsx'
import {
  findLiveGateway,
  openLive,
  type LiveConnection,
  type LiveHello,
  type WireRequest,
} from '../../store/live/liveConnection.ts'
import { PlaygroundProvider } from '../../store/PlaygroundProvider.tsx'
import { LiveHelp } from './LiveHelp.tsx'
import { LiveInbox, LiveStatus, LiveSync } from './LiveSync.tsx'
import { PlaygroundLayout } from './PlaygroundLayout.tsx'
import { ScenarioSync } from './ScenarioSync.tsx'

type Phase =
  | { readonly kind: 'looking' }
  | { readonly kind: 'static' }
  | { readonly kind: 'live'; readonly hello: LiveHello; readonly scenario: Scenario }
  | { readonly kind: 'unknown-scenario'; readonly id: string }

/**
 * `/play/live`: when this page was served by a local gateway (`npm run gateway`), the playground follows
 * it: the gateway's recorded engine calls arrive as steps, and changes made here are sent to it. On a
 * static host there is no gateway, and the page says how to start one.
 */
export default function LivePage() {
  // Read once: whether the server that sent this page marked it as a local gateway's.
  const [url] = useState(() => findLiveGateway(document, window.location))
  const [phase, setPhase] = useState<Phase>(url === null ? { kind: 'static' } : { kind: 'looking' })
  const [lost, setLost] = useState<string | null>(null)
  const connection = useRef<LiveConnection | null>(null)
  const [inbox] = useState(() => new LiveInbox())
  const [storage] = useState(() => createCodeStorage(null))
  useEffect(() => {
    if (url === null) return
    connection.current = openLive(url, {
      hello(hello) {
        const scenario = scenarioById(hello.scenario)
        if (!scenario) return setPhase({ kind: 'unknown-scenario', id: hello.scenario })
        inbox.push(hello.steps)
        setPhase({ kind: 'live', hello, scenario })
      },
      step: (calls) => inbox.push([calls]),
      refused: (message) => inbox.refuse(message),
      lost: (reason) => setLost(reason),
    })
    return () => connection.current?.close()
  }, [url, inbox])
  useEffect(() => {
    document.title = 'Live · Playground · Fanout'
  }, [phase])

  if (phase.kind === 'looking') {
    return (
      <div className="loading" role="status">
        Connecting to the local gateway…
      </div>
    )
  }
  if (phase.kind === 'static') return <LiveHelp />
  if (phase.kind === 'unknown-scenario') {
    return (
      <LiveHelp
        problem={`The gateway runs scenario “${phase.id}”, which this page does not know.`}
      />
    )
  }
  const wire = {
    context: phase.hello.wire,
    request: (type: WireRequest, sessionId: string) => connection.current?.request(type, sessionId),
  }
  return (
    <LiveWireProvider wire={wire}>
      <PlaygroundProvider
        init={{
          scenario: phase.scenario,
          storage,
          remote: { send: (calls) => connection.current?.send(calls) },
        }}
      >
        <ScenarioSync scenario={phase.scenario} />
        <LiveSync inbox={inbox} scenarioId={phase.scenario.id} onLost={setLost} />
        <PlaygroundLayout
          header={<LiveStatus scenario={phase.scenario} wire={phase.hello.wire} lost={lost} />}
        />
      </PlaygroundProvider>
    </LiveWireProvider>
  )
}
