import {
  goal,
  judge,
  runDiscordWorld,
  type DiscordWorldResult,
  type Verdict,
} from '../src/bench/index.ts'
import { settledHeap } from './memory.ts'

/**
 * W6 in Node: the Discord-shaped world of 100,000 sessions (src/bench/workloads/discord.ts), with the
 * heap sampled at its checkpoints and settled after each phase, its figures printed and its goals
 * judged.
 */

export interface DiscordHeap {
  readonly peakHeapUsedMB: number
  readonly peakHeapTotalMB: number
  /** Settled (two full GCs) at each phase. */
  readonly settledMB: Record<string, number>
  /** Heap per session that IDENTIFY added (session, subscriptions, READY and GUILD_CREATE frames). */
  readonly bytesPerSessionAfterIdentify: number
  /** Heap the 1,000 channel dispatches added per delivered frame. */
  readonly bytesPerChannelDelivery: number
  /** JSON size of one session's GUILD_CREATE, the bulk of what IDENTIFY keeps. */
  readonly guildCreateJsonBytes: number
}

const SETTLED_PHASES = new Set(['world built', 'setup done', 'channel dispatches done', 'closed'])

function runDiscord(
  quick: boolean,
  progress: (message: string) => void,
): { result: DiscordWorldResult; heap: DiscordHeap } {
  let guildCreateBytes = 0
  let peakUsed = 0
  let peakTotal = 0
  const settled: Record<string, number> = {}
  const sample = () => {
    const m = process.memoryUsage()
    peakUsed = Math.max(peakUsed, m.heapUsed)
    peakTotal = Math.max(peakTotal, m.heapTotal)
  }
  settled['before'] = settledHeap()
  const result = runDiscordWorld({
    now: () => performance.now(),
    sessions: 100_000,
    guildDispatches: 7,
    channelDispatches: quick ? 100 : 1000,
    closeAll: true,
    onProgress: progress,
    checkpoint(phase, sim) {
      sample()
      if (SETTLED_PHASES.has(phase)) settled[phase] = settledHeap()
      if (phase === 'setup done') {
        // A member's session (not the owner's): its second frame is its GUILD_CREATE.
        const frame = sim.states.all()[1]?.frames[1]
        guildCreateBytes = frame?.t === 'GUILD_CREATE' ? JSON.stringify(frame.d).length : 0
      }
    },
  })
  const mb = (b: number) => Math.round(b / 2 ** 20)
  const n = result.sessions
  return {
    result,
    heap: {
      peakHeapUsedMB: mb(peakUsed),
      peakHeapTotalMB: mb(peakTotal),
      settledMB: Object.fromEntries(Object.entries(settled).map(([k, v]) => [k, mb(v)])),
      bytesPerSessionAfterIdentify:
        ((settled['setup done'] ?? 0) - (settled['world built'] ?? 0)) / n,
      bytesPerChannelDelivery:
        ((settled['channel dispatches done'] ?? 0) - (settled['setup done'] ?? 0)) /
        Math.max(1, result.channelDispatch.deliveries + 7 * result.guildRecipients),
      guildCreateJsonBytes: guildCreateBytes,
    },
  }
}

/** What the Discord-shaped world section measured, for the results file. */
export interface DiscordSection {
  readonly result: DiscordWorldResult
  readonly heap: DiscordHeap
  readonly verdicts: readonly Verdict[]
}

/** Runs W6, prints its figures and judges its goals. */
export function runDiscordSection(
  quick: boolean,
  progress: (message: string) => void,
): DiscordSection {
  const { result: r, heap: h } = runDiscord(quick, progress)
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  console.log(`setup: world ${s(r.worldBuildMs)} + IDENTIFY ${s(r.identifyMs)} = ${s(r.setupMs)}`)
  console.log(
    `subscriptions: guild ${r.subscriptions.guild}, channel ${r.subscriptions.channel}, friend links ${r.subscriptions.friendLinks}`,
  )
  console.log(
    `one guild-wide dispatch to ${r.guildRecipients}: ${r.guildDispatchMs.median.toFixed(1)} ms ` +
      `(${r.guildDispatchMs.min.toFixed(1)}–${r.guildDispatchMs.max.toFixed(1)}, ${r.guildDispatchMs.n} after a ` +
      `first, cold one of ${r.firstGuildDispatchMs.toFixed(1)} ms)`,
  )
  const c = r.channelDispatch
  console.log(
    `${c.count} channel dispatches: ${s(c.totalMs)}, ${c.perDispatchMs.median.toFixed(1)} ms each ` +
      `(${c.perDispatchMs.min.toFixed(1)}–${c.perDispatchMs.max.toFixed(1)}), ${c.overFrameBudget} over 16.7 ms, ` +
      `${c.deliveries} deliveries (${((c.totalMs * 1e6) / Math.max(1, c.deliveries)).toFixed(0)} ns each)`,
  )
  if (r.closeAll)
    console.log(
      `closing every session: ${s(r.closeAll.totalMs)} (${r.closeAll.perSessionUs.toFixed(1)} µs each)`,
    )
  console.log(`peak heapUsed ${h.peakHeapUsedMB} MB (sampled), heapTotal ${h.peakHeapTotalMB} MB`)
  console.log(`settled heap by phase (MB): ${JSON.stringify(h.settledMB)}`)
  console.log(
    `IDENTIFY kept ${(h.bytesPerSessionAfterIdentify / 1024).toFixed(1)} KB per session ` +
      `(its GUILD_CREATE alone is ${(h.guildCreateJsonBytes / 1024).toFixed(1)} KB of JSON); ` +
      `${h.bytesPerChannelDelivery.toFixed(1)} B per delivered frame after`,
  )
  const verdicts = [
    judge(goal('identify-100k'), {
      value: r.identifyMs / 1000,
      note: `${((r.identifyMs * 1000) / r.sessions).toFixed(1)} µs each`,
    }),
    judge(goal('setup-100k'), { value: r.setupMs / 1000, note: 'world build + 100,000 IDENTIFYs' }),
  ]
  return { result: r, heap: h, verdicts }
}
