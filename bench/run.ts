/**
 * The engine benchmark (`npm run bench`): our engine and the baselines in one process, interleaved,
 * several rounds after a warm-up; medians, min–max and ratios; memory per subscription; a Discord-shaped
 * world of 100,000 sessions; the issue's goals judged. Writes bench/results/latest.json.
 *
 *   npm run bench                 full run (about 3–4 minutes on 2 cores)
 *   npm run bench -- --quick      fewer sizes and dispatches, 7 rounds (the least a verdict accepts)
 *   npm run bench -- --rounds 11 --out bench/results/other.json --only timing,memory,discord,cliffs
 */
import { spawnSync } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  DISCORD_INTENTS,
  DISCORD_SHAPE,
  formatVerdict,
  goal,
  judge,
  runTimingSuite,
  type CliffRow,
  type MinimalEmitter,
  type TimingResults,
  type Verdict,
} from '../src/bench/index.ts'
import { cliffVerdicts, runCliffSection } from './cliffs.ts'
import { runDiscordSection, type DiscordSection } from './discord.ts'
import { loadAverageNow, machineInfo } from './machine.ts'
import {
  measureLargeTopic,
  measureSessionChurn,
  measureSingletonTopics,
  measureUserDispatchRetention,
  settledHeap,
} from './memory.ts'
import type {
  LargeTopicMemory,
  SessionChurnMemory,
  SingletonTopicMemory,
  UserDispatchMemory,
} from './memory.ts'
import { churnTable, engineRatios, fanoutTables } from './report.ts'

const NODE_FLAGS = ['--expose-gc', '--max-old-space-size=8192']

interface Args {
  quick: boolean
  rounds: number | null
  minBatchMs: number
  gcEachBatch: boolean
  sizes: number[] | null
  out: string
  only: Set<string>
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    quick: false,
    rounds: null,
    minBatchMs: 50,
    gcEachBatch: false,
    sizes: null,
    out: resolve(dirname(fileURLToPath(import.meta.url)), 'results/latest.json'),
    only: new Set(['timing', 'memory', 'discord', 'cliffs']),
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--quick') args.quick = true
    else if (a === '--rounds') args.rounds = Number(argv[++i])
    else if (a === '--min-batch-ms') args.minBatchMs = Number(argv[++i])
    else if (a === '--gc-each-batch') args.gcEachBatch = true
    else if (a === '--sizes') args.sizes = (argv[++i] ?? '').split(',').map(Number)
    else if (a === '--out') args.out = resolve(argv[++i] ?? args.out)
    else if (a === '--only') args.only = new Set((argv[++i] ?? '').split(','))
    else if (a === '--help' || a === '-h') {
      console.log(
        'usage: npm run bench -- [--quick] [--rounds N] [--out file.json] [--only timing,memory,discord,cliffs]',
      )
      process.exit(0)
    } else throw new Error(`unknown argument ${a}`)
  }
  return args
}

/** Without --expose-gc (e.g. `npx tsx bench/run.ts`), run again with the flags memory figures need. */
function ensureFlags(): void {
  if (typeof (globalThis as { gc?: unknown }).gc === 'function') return
  const script = fileURLToPath(import.meta.url)
  const child = spawnSync(
    process.execPath,
    [...NODE_FLAGS, '--import', 'tsx', script, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  )
  process.exit(child.status ?? 1)
}

const started = performance.now()
function progress(message: string): void {
  const s = ((performance.now() - started) / 1000).toFixed(1).padStart(6)
  console.log(`  ${s}s  ${message}`)
}

function section(title: string): void {
  console.log(`\n${title}\n${'═'.repeat(title.length)}`)
}

function minorGc(): void {
  ;(globalThis as unknown as { gc: (options: { type: 'minor' }) => void }).gc({ type: 'minor' })
}

function nodeEvents(): MinimalEmitter {
  const emitter = new EventEmitter()
  emitter.setMaxListeners(0)
  return emitter as unknown as MinimalEmitter
}

async function main(): Promise<void> {
  ensureFlags()
  const args = parseArgs(process.argv.slice(2))
  const machine = await machineInfo()
  const rounds = args.rounds ?? (args.quick ? 7 : 9)
  console.log(
    `Fanout engine benchmark (${args.quick ? 'quick' : 'full'} run, ${rounds} rounds after warm-up)`,
  )
  console.log(
    `${machine.cpu} × ${machine.cpus}, ${machine.memoryGB} GB; Node ${machine.node} (V8 ${machine.v8}); ` +
      `load average ${machine.loadAverage.start.toFixed(2)}`,
  )
  const verdicts: Verdict[] = []

  let timing: TimingResults | null = null
  if (args.only.has('timing')) {
    section('Timing (interleaved rounds; ns per recipient, lower is better)')
    timing = runTimingSuite({
      now: () => performance.now(),
      rounds,
      warmupRounds: args.quick ? 1 : 2,
      minBatchMs: args.minBatchMs,
      sizes:
        args.sizes ??
        (args.quick ? [1, 100, 10_000, 100_000] : [1, 10, 100, 1_000, 10_000, 100_000]),
      filteredSizes: args.quick ? [100_000] : [10_000, 100_000],
      churnSizes: args.quick ? [1_000, 100_000] : [1_000, 10_000, 100_000],
      leanSizes: args.quick ? [1, 100_000] : [1, 100, 10_000, 100_000],
      extraEmitters: { 'node:events': nodeEvents },
      settle: minorGc,
      ...(args.gcEachBatch ? { beforeBatch: () => void settledHeap() } : {}),
      onProgress(message) {
        settledHeap() // start each workload from a clean heap (never inside a timed batch)
        progress(message)
      },
    })
    console.log('\nW1 fan-out from one topic (GUILD_UPDATE through the guild backend)\n')
    console.log(fanoutTables(timing.fanout, 'nsPerRecipient'))
    console.log('\nengine ratios, median of per-round ratios (min–max)\n')
    console.log(engineRatios(timing.fanout))
    console.log('\nW2 lean fan-out: engine with a resume buffer of 4, lean emitters\n')
    console.log(fanoutTables(timing.lean, 'nsPerRecipient'))
    console.log()
    console.log(
      engineRatios(timing.lean, ['engine / plain loop lean', 'engine / eventemitter3 lean']),
    )
    console.log('\nW3 filtered fan-out: every second subscriber lacks the intent\n')
    console.log(fanoutTables(timing.filtered, 'nsPerRecipient'))
    console.log()
    console.log(engineRatios(timing.filtered))
    console.log('\nW4 subscribe / unsubscribe / close, victims in random order\n')
    console.log(churnTable(timing.churn))
    if (timing.settings.skipped.length > 0) {
      console.log(
        `\nleft out: ${timing.settings.skipped.map((s) => `${s.impl} (${s.reason})`).join(', ')}`,
      )
    }
    console.log(`\nchecksum ${timing.checksum}`)
    verdicts.push(...timing.verdicts)
  }

  let memory: {
    largeTopic: LargeTopicMemory
    singletonTopics: SingletonTopicMemory
    sessionChurn: SessionChurnMemory
    userDispatch: UserDispatchMemory
  } | null = null
  if (args.only.has('memory')) {
    section('Memory (heapUsed once gc() stops shrinking it; Node has 8-byte pointers here)')
    progress('one guild of 100,000 sessions')
    const largeTopic = measureLargeTopic(100_000, args.quick ? 64 : 96)
    progress('100,000 one-subscriber topics')
    const singletonTopics = measureSingletonTopics(100_000)
    const cycles = args.quick ? 2_500 : 10_000
    progress(`${cycles.toLocaleString('en-US')} cycles of IDENTIFY, op 14 and invalidate`)
    const sessionChurn = measureSessionChurn(
      cycles,
      [1_000, 2_500, 5_000, 10_000].filter((c) => c <= cycles),
    )
    progress('10,000 user dispatches to a session that then closes')
    const userDispatch = measureUserDispatchRetention(10_000)
    memory = { largeTopic, singletonTopics, sessionChurn, userDispatch }
    const b = (x: number) => `${x.toFixed(1)} B`
    console.log(
      `bytes per subscription, one topic of 100,000     ${b(largeTopic.bytesPerSubscription)}`,
    )
    console.log(
      `  + its cached snapshot (after a dispatch)       ${b(largeTopic.snapshotBytesPerSubscription)}`,
    )
    console.log(
      `  left after unsubscribing everyone             ${b(largeTopic.leftAfterUnsubscribeBytesPerSubscription)}`,
    )
    console.log(
      `bytes per subscription, 100,000 one-sub topics  ${b(singletonTopics.bytesPerSubscription)}`,
    )
    console.log(
      `bytes per delivered frame kept (frame log)      ${b(largeTopic.bytesPerDeliveredFrame)}`,
    )
    console.log(
      `  once every session's frames were read         +${b(largeTopic.bytesPerFrameAfterReading)}`,
    )
    console.log(
      `  a frame object kept per recipient (baseline)  ${b(largeTopic.baselineBytesPerKeptFrame)}`,
    )
    const churnMB = sessionChurn.heapMB
      .map((p) => `${p.cycles.toLocaleString('en-US')}: ${p.mb.toFixed(1)} MB`)
      .join(', ')
    console.log(
      `bytes a closed session leaves (50-member op 14)  ${b(sessionChurn.bytesPerClosedSession)}`,
    )
    console.log(`  heap after N open/close cycles                ${churnMB}`)
    console.log(
      `bytes per user payload while its reader is open  ${b(userDispatch.bytesPerPayloadWhileOpen)}`,
    )
    console.log(
      `  once it closed                                ${b(userDispatch.bytesPerPayloadAfterClose)}`,
    )
    verdicts.push(judge(goal('bytes-per-subscription'), { value: largeTopic.bytesPerSubscription }))
    verdicts.push(
      judge(goal('bytes-per-closed-session'), { value: sessionChurn.bytesPerClosedSession }),
    )
  }

  let discord: DiscordSection | null = null
  if (args.only.has('discord')) {
    section('Discord-shaped world: 100,000 sessions, one guild, channels, friends')
    discord = runDiscordSection(args.quick, progress)
    verdicts.push(...discord.verdicts)
  }

  let cliffs: CliffRow[] | null = null
  if (args.only.has('cliffs')) {
    section('Cost cliffs: operations that must cost what they change (W8)')
    cliffs = runCliffSection(args.quick, progress)
    verdicts.push(...cliffVerdicts(cliffs))
  }

  section('Goals')
  for (const v of verdicts) console.log(formatVerdict(v))
  machine.loadAverage.end = loadAverageNow()
  const durationSeconds = (performance.now() - started) / 1000
  console.log(
    `\n${durationSeconds.toFixed(0)} s; load average at the end ${machine.loadAverage.end.toFixed(2)}`,
  )

  const output = {
    schema: 'fanout-engine-bench/1',
    createdAt: new Date().toISOString(),
    mode: args.quick ? 'quick' : 'full',
    durationSeconds: Math.round(durationSeconds),
    machine,
    timing,
    memory,
    discord: discord && {
      shape: { ...DISCORD_SHAPE, intents: DISCORD_INTENTS },
      ...discord.result,
      heap: discord.heap,
    },
    cliffs,
    verdicts,
  }
  mkdirSync(dirname(args.out), { recursive: true })
  // `npm run bench:ui` writes the playground's figures under `ui`: they stay until it runs again.
  const ui = existsSync(args.out)
    ? (JSON.parse(readFileSync(args.out, 'utf8')) as { ui?: unknown }).ui
    : undefined
  writeFileSync(args.out, JSON.stringify(ui ? { ...output, ui } : output, null, 2) + '\n')
  console.log(`wrote ${args.out}`)
}

await main()
