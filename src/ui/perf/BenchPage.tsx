import { useEffect, useRef, useState } from 'react'
import type { TimingResults } from '../../bench/index.ts'
import { Link } from '../site/Link.tsx'
import { SiteHeader } from '../site/SiteHeader.tsx'
import { BenchProgress } from './BenchProgress.tsx'
import { headline, measuredVerdicts } from './benchSummary.ts'
import { expectedSteps, PRESETS, type BenchMessage, type PresetId } from './benchProtocol.ts'
import { formatNumber } from './resultsFile.ts'
import { LineChart } from './LineChart.tsx'
import { EngineRatios } from './EngineRatios.tsx'
import { churnSeries, fanoutSeries, sizeLabel } from './resultsFile.ts'
import { VerdictList } from './VerdictList.tsx'
import './perf.css'

type Run =
  | { state: 'idle' }
  | { state: 'running'; log: string[]; started: number }
  | { state: 'done'; results: TimingResults; ms: number }
  | { state: 'failed'; message: string }

const choices: PresetId[] = ['quick', 'full']

/** Runs the engine benchmark's timing suite in a Worker, in the reader's own browser. */
export default function BenchPage() {
  const forced = new URLSearchParams(window.location.search).get('preset')
  const [preset, setPreset] = useState<PresetId>(forced === 'smoke' ? 'smoke' : 'quick')
  const [run, setRun] = useState<Run>({ state: 'idle' })
  const worker = useRef<Worker | null>(null)

  useEffect(() => {
    document.title = 'Bench — Fanout'
    return () => worker.current?.terminate()
  }, [])

  function start() {
    worker.current?.terminate()
    const w = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' })
    worker.current = w
    setRun({ state: 'running', log: [], started: performance.now() })
    w.onmessage = (event: MessageEvent<BenchMessage>) => {
      const message = event.data
      if (message.type === 'progress') {
        setRun((r) => (r.state === 'running' ? { ...r, log: [...r.log, message.message] } : r))
      } else {
        setRun(
          message.type === 'done'
            ? { state: 'done', results: message.results, ms: message.ms }
            : { state: 'failed', message: message.message },
        )
        w.terminate()
        worker.current = null
      }
    }
    w.onerror = (event) => {
      setRun({ state: 'failed', message: event.message || 'the benchmark worker failed to start' })
      worker.current = null
    }
    w.postMessage({ preset })
  }

  function cancel() {
    worker.current?.terminate()
    worker.current = null
    setRun({ state: 'idle' })
  }

  const running = run.state === 'running'
  return (
    <>
      <SiteHeader current="bench" />
      <main className="perf" id="main">
        <h1>Bench</h1>
        <p className="perf__lead">
          Run the engine benchmark here, in a Web Worker of your browser: the same workloads and
          baselines as <code>npm run bench</code> (a plain loop, eventemitter3, tseep), interleaved
          round by round. The ratios are what to read. Memory per subscription and the
          100,000-session world are measured in Node only (browsers have no <code>gc()</code>{' '}
          without cross-origin isolation); see <Link to="/performance">Performance</Link> for those.
        </p>
        <fieldset className="bench__presets" disabled={running}>
          <legend>How much to run</legend>
          {(forced === 'smoke' ? ['smoke' as const] : choices).map((id) => (
            <label key={id}>
              <input
                type="radio"
                name="preset"
                checked={preset === id}
                onChange={() => setPreset(id)}
              />{' '}
              <strong>{PRESETS[id].label}</strong>: {PRESETS[id].about}
            </label>
          ))}
        </fieldset>
        <p>
          {running ? (
            <button type="button" className="button" onClick={cancel}>
              Cancel
            </button>
          ) : (
            <button type="button" className="button button--primary" onClick={start}>
              Run the benchmark
            </button>
          )}
        </p>
        <div role="status" aria-live="polite" className="bench__status">
          {run.state === 'running' ? `Running: ${run.log.at(-1) ?? 'starting…'}` : null}
          {run.state === 'done' ? `Done in ${(run.ms / 1000).toFixed(1)} s.` : null}
          {run.state === 'failed' ? `The benchmark failed: ${run.message}` : null}
        </div>
        {run.state === 'running' ? (
          <BenchProgress log={run.log} steps={expectedSteps(preset)} started={run.started} />
        ) : null}
        {run.state === 'done' ? <BenchResults results={run.results} /> : null}
      </main>
    </>
  )
}

function BenchResults({ results }: { results: TimingResults }) {
  const top = headline(results)
  const { measured, undecided } = measuredVerdicts(results.verdicts)
  return (
    <section aria-labelledby="bench-results">
      <h2 id="bench-results">Results</h2>
      {top ? (
        <p className="bench__headline" data-testid="bench-headline">
          At {top.size.toLocaleString('en-US')} recipients the engine spent{' '}
          <strong>{formatNumber(top.engineNs)} ns per recipient</strong>:{' '}
          {top.ratios.map((r, i) => (
            <span key={r.impl}>
              {i > 0 ? ', ' : ''}
              <strong>{formatNumber(r.ratio)}×</strong> {r.impl}
            </span>
          ))}{' '}
          (below 1×: faster than it).
        </p>
      ) : null}
      {measured.length > 0 ? <VerdictList verdicts={measured} /> : null}
      {undecided > 0 ? (
        <p className="muted">
          {undecided} of the benchmark&apos;s goals need 100,000 recipients (the Full run) or Node:
          this run does not decide them. <Link to="/performance">Performance</Link> has them all.
        </p>
      ) : null}
      <EngineRatios rows={results.fanout} />
      <LineChart
        title="Fan-out: nanoseconds per recipient (median)"
        series={fanoutSeries(results.fanout)}
        xLabel="recipients"
        yLabel="ns per recipient"
        xFormat={sizeLabel}
      />
      <div className="perf__grid">
        {(['subscribe', 'unsubscribe', 'close'] as const).map((op) => (
          <LineChart
            key={op}
            title={`${op} (µs per operation)`}
            series={churnSeries(results.churn, op)}
            xLabel="topic size"
            yLabel="µs"
            xFormat={sizeLabel}
          />
        ))}
      </div>
      {results.settings.skipped.length > 0 ? (
        <p>
          Not run here: {results.settings.skipped.map((s) => `${s.impl} (${s.reason})`).join('; ')}
        </p>
      ) : null}
    </section>
  )
}
