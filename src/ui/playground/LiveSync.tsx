import { useEffect } from 'react'
import type { EngineCall } from '../../calls/index.ts'
import type { Scenario } from '../../scenarios/types.ts'
import { useActions, useLoading, useScenario } from '../../store/hooks.ts'
import type { WireContext } from '../../wire/wireFrame.ts'
import './LiveSync.css'

/**
 * Steps and refusals from the gateway, kept until the playground can take them (its scenario loaded),
 * then handed over as they come.
 */
export class LiveInbox {
  private steps: (readonly EngineCall[])[] = []
  private refusals: string[] = []
  private sink: {
    steps(steps: readonly (readonly EngineCall[])[]): void
    refused(m: string): void
  } | null = null

  push(steps: readonly (readonly EngineCall[])[]): void {
    if (this.sink) this.sink.steps(steps)
    else this.steps.push(...steps)
  }

  refuse(message: string): void {
    if (this.sink) this.sink.refused(message)
    else this.refusals.push(message)
  }

  /** From now on, hand everything to `sink` (after what was kept). Returns the function that stops it. */
  drain(sink: NonNullable<LiveInbox['sink']>): () => void {
    this.sink = sink
    const steps = this.steps.splice(0)
    if (steps.length > 0) sink.steps(steps)
    for (const message of this.refusals.splice(0)) sink.refused(message)
    return () => {
      this.sink = null
    }
  }
}

/** Feeds the gateway's steps into the playground once its scenario has loaded. */
export function LiveSync({
  inbox,
  scenarioId,
  onLost,
}: {
  inbox: LiveInbox
  scenarioId: string
  onLost: (reason: string) => void
}) {
  const scenario = useScenario()
  const loading = useLoading()
  const { appendSteps, reportError } = useActions()
  const ready = scenario?.id === scenarioId && loading === null
  useEffect(() => {
    if (!ready) return
    return inbox.drain({
      steps(steps) {
        if (!appendSteps(steps)) onLost('this page’s engine refused a step of the gateway’s')
      },
      refused: (message) => reportError('The gateway refused it', message),
    })
  }, [ready, inbox, appendSteps, reportError, onLost])
  return null
}

/** In the header, in place of the scenario picker: what the page follows. */
export function LiveStatus({
  scenario,
  wire,
  lost,
}: {
  scenario: Scenario
  wire: WireContext
  lost: string | null
}) {
  return (
    <p className={`live-status${lost ? ' live-status--lost' : ''}`} role="status">
      <span className="live-status__dot" aria-hidden="true" />
      {lost ? (
        <>Live view stopped: {lost}. Reload to follow the gateway again.</>
      ) : (
        <>
          Live: <strong>{scenario.title}</strong> on{' '}
          <span className="mono">{wire.resumeGatewayUrl}</span>
        </>
      )}
    </p>
  )
}
