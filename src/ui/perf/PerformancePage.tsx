import { useEffect } from 'react'
import results from '../../../bench/results/latest.json'
import { Link } from '../site/Link.tsx'
import { SiteHeader } from '../site/SiteHeader.tsx'
import { CliffCharts } from './CliffCharts.tsx'
import { ClosedSessionMemory } from './ClosedSessionMemory.tsx'
import { EngineRatios } from './EngineRatios.tsx'
import { LineChart } from './LineChart.tsx'
import {
  churnSeries,
  fanoutSeries,
  formatNumber,
  sizeLabel,
  type ResultsFile,
} from './resultsFile.ts'
import { ScaleSection } from './ScaleSection.tsx'
import { VerdictList } from './VerdictList.tsx'
import './perf.css'

const data = results as unknown as ResultsFile

/** The engine benchmark's last committed run (`npm run bench`), charted. */
export default function PerformancePage() {
  useEffect(() => {
    document.title = 'Performance — Fanout'
  }, [])
  const { discord, memory, machine } = data
  const engineAt100k = data.timing.fanout.find((r) => r.impl === 'engine' && r.size === 100_000)
  return (
    <>
      <SiteHeader current="performance" />
      <main className="perf" id="main">
        <h1>Performance</h1>
        <p className="perf__lead">
          How fast the engine fans an event out, next to the JavaScript emitters people reach for.
          Every implementation does the same work per recipient (build the frame with that
          session&apos;s own seq and keep it); they run in one process, interleaved, after a
          warm-up, and the medians and ratios below come from {data.timing.settings.rounds} rounds.
          On shared machines absolute times are noise; ratios are not. Run them in your own browser
          on the <Link to="/bench">Bench</Link> page.
        </p>
        <p className="perf__meta">
          Measured {data.createdAt.slice(0, 10)} with Node {machine.node} on {machine.cpus} ×{' '}
          {machine.cpu} ({data.mode} run, {Math.round(data.durationSeconds)} s).
        </p>

        <section aria-labelledby="goals">
          <h2 id="goals">Goals</h2>
          <VerdictList verdicts={data.verdicts} />
        </section>

        <section aria-labelledby="fanout">
          <h2 id="fanout">Fan-out from one topic</h2>
          <p>
            One guild, N sessions subscribed, one GUILD_UPDATE. At 100,000 recipients the engine
            spends {engineAt100k ? formatNumber(engineAt100k.nsPerRecipient.median) : '–'} ns per
            recipient, including its shard and intent checks. At a handful of recipients the
            engine&apos;s fixed cost per dispatch dominates (validating and freezing the payload,
            building the DispatchResult with every session&apos;s outcome), which an emitter does
            not have; the goals are about the large fan-outs where a gateway spends its time.
          </p>
          <EngineRatios rows={data.timing.fanout} />
          <LineChart
            title="Nanoseconds per recipient (median; lower is better)"
            series={fanoutSeries(data.timing.fanout)}
            xLabel="recipients"
            yLabel="ns per recipient"
            xFormat={sizeLabel}
          />
          <LineChart
            title="Filtered fan-out: half the sessions lack the intent (ns per recipient examined)"
            series={fanoutSeries(data.timing.filtered)}
            xLabel="recipients"
            yLabel="ns per recipient"
            xFormat={sizeLabel}
          />
          {data.timing.lean && (
            <>
              <p>
                The lean baselines do the least that keeps what the engine keeps for a resume: the
                listener bumps the session&apos;s seq, pushes {'{ op: 0, t, s, d }'} onto its array
                and drops the oldest past 4 frames; the engine runs with a resume buffer of 4.
              </p>
              <EngineRatios rows={data.timing.lean} label="Engine ratios, lean" lean />
              <LineChart
                title="Lean fan-out: nanoseconds per recipient (median; lower is better)"
                series={fanoutSeries(data.timing.lean)}
                xLabel="recipients"
                yLabel="ns per recipient"
                xFormat={sizeLabel}
              />
            </>
          )}
        </section>

        <section aria-labelledby="churn">
          <h2 id="churn">Subscribe, unsubscribe, close</h2>
          <p>
            The cost of one operation on a topic that already has N subscribers. Flat lines are
            O(1); the emitters that scan their listener arrays grow with N.
          </p>
          <div className="perf__grid">
            {(['subscribe', 'unsubscribe', 'close'] as const).map((op) => (
              <LineChart
                key={op}
                title={`${op} (µs per operation)`}
                series={churnSeries(data.timing.churn, op)}
                xLabel="topic size"
                yLabel="µs"
                xFormat={sizeLabel}
              />
            ))}
          </div>
        </section>

        {data.cliffs && <CliffCharts rows={data.cliffs} />}

        <ScaleSection ui={data.ui} />

        <section aria-labelledby="world">
          <h2 id="world">A Discord-shaped world</h2>
          <dl className="perf__facts">
            <dt>Sessions</dt>
            <dd>{discord.sessions.toLocaleString('en-US')} in one guild</dd>
            <dt>Subscriptions</dt>
            <dd>
              {Object.entries(discord.subscriptions)
                .map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`)
                .join(', ')}
            </dd>
            <dt>Setup (world + every IDENTIFY)</dt>
            <dd>
              {(discord.setupMs / 1000).toFixed(1)} s, of which{' '}
              {discord.sessions.toLocaleString('en-US')} IDENTIFYs{' '}
              {(discord.identifyMs / 1000).toFixed(1)} s
            </dd>
            <dt>One guild-wide dispatch</dt>
            <dd>
              {formatNumber(discord.guildDispatchMs.median)} ms median to{' '}
              {discord.guildRecipients.toLocaleString('en-US')} sessions
            </dd>
            <dt>{discord.channelDispatch.count.toLocaleString('en-US')} channel dispatches</dt>
            <dd>
              {(discord.channelDispatch.totalMs / 1000).toFixed(1)} s for{' '}
              {discord.channelDispatch.deliveries.toLocaleString('en-US')} deliveries
            </dd>
            <dt>Closing every session</dt>
            <dd>{formatNumber(discord.closeAll.perSessionUs)} µs each</dd>
            <dt>Peak heap</dt>
            <dd>{discord.heap.peakHeapUsedMB.toLocaleString('en-US')} MB</dd>
            <dt>Memory per subscription</dt>
            <dd>
              {formatNumber(memory.largeTopic.bytesPerSubscription)} B in a topic of{' '}
              {memory.largeTopic.sessions.toLocaleString('en-US')};{' '}
              {formatNumber(memory.singletonTopics.bytesPerSubscription)} B in one-subscriber topics
            </dd>
          </dl>
        </section>

        <ClosedSessionMemory memory={memory} />
      </main>
    </>
  )
}
