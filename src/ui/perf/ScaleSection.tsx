import type { UiResults } from './resultsFile.ts'
import { formatNumber } from './resultsFile.ts'
import { VerdictList } from './VerdictList.tsx'

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/** `npm run bench:ui`'s figures: the playground with 100,000 sessions, in Chromium, against its goals. */
export function ScaleSection({ ui }: { ui: UiResults | undefined }) {
  return (
    <section aria-labelledby="scale">
      <h2 id="scale">The playground at Discord scale</h2>
      {!ui ? (
        <p>
          Not measured in this run: <code>npm run bench:ui</code> adds the playground&apos;s
          figures.
        </p>
      ) : (
        <>
          <p>
            The “Discord-scale guild” scenario in the production build, in Chromium (
            {ui.machine.chromium}): {ui.discordScale.sessions.toLocaleString('en-US')} sessions
            built by the engine, call by call, in slices between frames, then a guild-wide dispatch
            to all of them animated and stepped back over. Measured {ui.createdAt.slice(0, 10)};
            load average {ui.machine.loadAverage.start.toFixed(1)} at the start on {ui.machine.cpus}{' '}
            cores, so wall-clock figures carry the other work of the machine.
          </p>
          <VerdictList verdicts={ui.verdicts} />
          <dl className="perf__facts">
            <dt>Ready in the browser</dt>
            <dd>
              {seconds(ui.discordScale.readyMs)}, beside{' '}
              {seconds(ui.discordScale.nodeSetupMs.median)} for the same number of IDENTIFYs in Node
              ({formatNumber(ui.discordScale.readyRatio)}×)
            </dd>
            <dt>While it builds</dt>
            <dd>
              longest task {formatNumber(ui.discordScale.build.longestTaskMs)} ms;{' '}
              {ui.discordScale.build.tasksOver200ms} of {ui.discordScale.build.longTasks} long tasks
              over 200 ms
              {ui.discordScale.build.longestBootTaskMs !== undefined &&
                `; before it, the page's own start: longest task ${formatNumber(ui.discordScale.build.longestBootTaskMs)} ms`}
            </dd>
            <dt>Guild-wide dispatch, animating</dt>
            <dd>
              median frame {formatNumber(ui.discordScale.dispatch.median)} ms, 95th percentile{' '}
              {formatNumber(ui.discordScale.dispatch.p95)} ms
            </dd>
            <dt>One step back</dt>
            <dd>{formatNumber(ui.discordScale.stepBackMs)} ms</dd>
            <dt>Tab memory (JS heap)</dt>
            <dd>{formatNumber(ui.discordScale.heapUsedMB)} MB</dd>
            <dt>Large guild (1,000 sessions)</dt>
            <dd>
              median frame {formatNumber(ui.largeGuild.median)} ms, 95th percentile{' '}
              {formatNumber(ui.largeGuild.p95)} ms
            </dd>
          </dl>
        </>
      )}
    </section>
  )
}
