import { useEffect, useMemo } from 'react'
import { describeCall } from '../../store/describeCall.ts'
import { ledgerOf, narrate } from '../../store/explain.ts'
import type { DispatchRecord } from '../../store/connectEngine.ts'
import {
  useActions,
  useActiveDispatch,
  useLastStep,
  useModel,
  useTimeline,
} from '../../store/hooks.ts'
import { PlaygroundProvider, usePlaygroundStoreApi } from '../../store/PlaygroundProvider.tsx'
import { groupCalls } from '../../calls/index.ts'
import type { DocScenario } from '../../scenarios/types.ts'
import { Graph } from '../../ui/graph/Graph.tsx'
import { sessionLabel } from '../../ui/format/sessionLabel.ts'
import { OUTCOME_SYMBOL, outcomeText } from '../../ui/inspector/outcomeText.ts'
import { ExampleCode } from './ExampleCode.tsx'
import type { PlaygroundLinkSource } from './playgroundLink.ts'

/**
 * The loaded example: one playground store of its own, its graph, Try-it calls, the ledger, and the
 * code in an editor that runs on the same store.
 */
export default function LiveExampleRuntime({
  example,
  linkRef,
}: {
  example: DocScenario
  linkRef: PlaygroundLinkSource
}) {
  return (
    <PlaygroundProvider init={{ scenario: example }}>
      <ExampleBody example={example} linkRef={linkRef} />
    </PlaygroundProvider>
  )
}

function ExampleBody({
  example,
  linkRef,
}: {
  example: DocScenario
  linkRef: PlaygroundLinkSource
}) {
  const { apply, stepBack, loadScenario } = useActions()
  const { cursor } = useTimeline()
  // The steps the example's world takes to build, as the timeline groups them; the reader's come after.
  const setupSteps = useMemo(() => groupCalls(example.calls).length, [example])
  const store = usePlaygroundStoreApi()
  // Open in playground (in the example's header) asks for the link when it is used.
  useEffect(() => {
    linkRef.current = () => store.getState().linkPath()
    return () => {
      linkRef.current = null
    }
  }, [linkRef, store, example])
  return (
    <>
      <div className="live-example__body">
        <div className="live-example__graph graph-wrap">
          <Graph />
        </div>
        <div className="live-example__controls" role="group" aria-label="Try it">
          {example.suggested.map((call, i) => (
            <button key={i} type="button" className="button try-button" onClick={() => apply(call)}>
              <span aria-hidden="true">▶</span> {describeCall(call)}
            </button>
          ))}
          <span className="live-example__spacer" />
          <button
            type="button"
            className="button"
            onClick={stepBack}
            disabled={cursor <= setupSteps}
            title="Undo the last call"
          >
            Step back
          </button>
          <button
            type="button"
            className="button"
            onClick={() => loadScenario(example)}
            disabled={cursor <= setupSteps}
            title="Back to the example’s world as it starts (your code stays as it is)"
          >
            Reset
          </button>
        </div>
        {cursor > setupSteps ? <StepReport /> : <Outcome record={null} />}
        {example.explanation.map((p, i) => (
          <p key={i} className="live-example__explanation">
            {p}
          </p>
        ))}
      </div>
      <ExampleCode example={example} from={setupSteps} />
    </>
  )
}

/** What the reader's last call did: its dispatches, or the frames and session changes it caused. */
function StepReport() {
  const step = useLastStep()
  // A step of several rows is shown whole once it has played: the example reads its last dispatch.
  const active = useActiveDispatch()
  if (step && step.dispatches.length > 0) {
    return (
      <>
        <Outcome record={active ?? step.dispatches.at(-1) ?? null} />
        <StepTotals />
      </>
    )
  }
  return <StepNotes />
}

/** The shown dispatch: a sentence, then each session with what happened and why. */
function Outcome({ record }: { record: DispatchRecord | null }) {
  const model = useModel()
  const entries = useMemo(() => (record ? ledgerOf(record, model) : []), [record, model])
  if (!record) {
    return (
      <p className="live-example__outcome live-example__outcome--empty" aria-live="polite">
        Press a ▶ button or Run the code: the event travels along the edges, and each session says
        what it got.
      </p>
    )
  }
  return (
    <div className="live-example__outcome" aria-live="polite" data-testid="example-outcome">
      <p className="live-example__narration">{narrate(record)}</p>
      <ul className="live-example__ledger" aria-label="Sessions and why">
        {entries.map((e) => (
          <li key={e.sessionId} className={`ledger__item--${e.outcome.kind}`}>
            <span className="live-example__who">
              <span aria-hidden="true">{OUTCOME_SYMBOL[e.outcome.kind]}</span>{' '}
              {sessionLabel(model, e.sessionId)}
            </span>{' '}
            <span className="live-example__what">{outcomeText(e.outcome)}</span>{' '}
            <span className="live-example__why">{e.why}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** A step without dispatches, in words: frames sent straight to sessions, and session changes. */
function StepNotes() {
  const step = useLastStep()
  const model = useModel()
  if (!step) return null
  const who = (id: string) => sessionLabel(model, id)
  const notes: string[] = []
  for (const e of step.events) {
    if (e.type !== 'session') continue
    const text = SESSION_CHANGE[e.change]
    if (text) notes.push(`${who(e.sessionId)}: ${text}${e.reason ? ` (${e.reason})` : ''}`)
  }
  for (const d of step.directs) {
    const frame =
      d.op === 9 ? 'INVALID_SESSION (op 9, d: false)' : `${d.t ?? `op ${d.op}`} s=${d.s}`
    notes.push(`${who(d.sessionId)} ← ${frame}${d.replay ? ' (replayed)' : ''}, ${d.outcome}`)
  }
  const resume = step.calls.some((c) => c.method === 'resume')
  if (notes.length === 0) {
    notes.push(
      resume
        ? 'Nothing was sent: the session is closed, so RESUME is answered with INVALID_SESSION ' +
            '(op 9, d: false) and the client must IDENTIFY again.'
        : 'Nothing was sent.',
    )
  }
  return (
    <div className="live-example__outcome" aria-live="polite" data-testid="example-outcome">
      <ul className="live-example__ledger" aria-label="What happened">
        {notes.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
    </div>
  )
}

const SESSION_CHANGE: Partial<Record<string, string>> = {
  disconnect: 'disconnected; still subscribed, its events are numbered and buffered',
  resume: 'resumed, connected again with every subscription it had',
  close: 'closed: removed from the StateManager and every list',
  identify: 'identified',
  'socket-failing': 'its socket now throws on every send',
  'socket-healed': 'its socket works again',
}

/** How many times each session received something in the last step, when it made several dispatches. */
function StepTotals() {
  const step = useLastStep()
  const model = useModel()
  const totals = useMemo(() => receivedCounts(step?.dispatches ?? []), [step])
  if (!step || step.dispatches.length < 2) return null
  return (
    <p className="live-example__totals" data-testid="step-totals">
      This call made {step.dispatches.length} dispatches. Received:{' '}
      {[...totals].map(([sessionId, n]) => `${sessionLabel(model, sessionId)} ${n}×`).join(', ') ||
        'nobody'}
      .
    </p>
  )
}

/** Deliveries plus buffered frames per session, over several dispatches, in first-seen order. */
function receivedCounts(dispatches: readonly DispatchRecord[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const d of dispatches) {
    for (const id of [...d.result.delivered, ...d.result.buffered])
      counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return counts
}
