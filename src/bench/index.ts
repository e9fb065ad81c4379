/**
 * The engine benchmark's shared part: workloads, baselines and the interleaved timing loop, in pure
 * TypeScript (no Node APIs, no gc()), so that the Node harness (`bench/run.ts`) and a browser Worker
 * (the Bench page) run the same code. The caller supplies the clock.
 *
 * @example
 * const results = runTimingSuite({ now: () => performance.now(), rounds: 7 })
 * results.verdicts.map(formatVerdict)
 */
export {
  runTimingSuite,
  timingVerdicts,
  DEFAULT_SIZES,
  DEFAULT_FILTERED_SIZES,
  DEFAULT_CHURN_SIZES,
  DEFAULT_LEAN_SIZES,
  type TimingSuiteOptions,
  type TimingResults,
  type FanoutRow,
  type ChurnRow,
} from './suite.ts'
export { runDiscordWorld, DISCORD_SHAPE, DISCORD_INTENTS } from './workloads/discord.ts'
export {
  runCliffs,
  CLIFF_IDS,
  CLIFF_TITLES,
  DEFAULT_CLIFF_SIZES,
  type CliffId,
  type CliffOptions,
  type CliffRow,
} from './workloads/cliffs.ts'
export { cliffVerdicts } from './workloads/cliffVerdicts.ts'
export { leanSubjects, LEAN_BUFFER, LEAN_EVENTEMITTER3, LEAN_FLOOR } from './workloads/lean.ts'
export type { DiscordWorldOptions, DiscordWorldResult } from './workloads/discord.ts'
export { buildTopicWorld, openSession, type TopicWorld } from './engineWorld.ts'
export { GOALS, CLIFF_GOALS, judge, formatVerdict, goal, MIN_ROUNDS_FOR_VERDICT } from './goals.ts'
export type { Goal, GoalId, Measured, Verdict } from './goals.ts'
export { summarize, ratioSummary, median, type Summary } from './stats.ts'
export { Checksum } from './checksum.ts'
export { runInterleaved, calibrate, roundOrder, type Clock, type Subject } from './timing.ts'
export type { EmitterFactory, MinimalEmitter } from './baselines.ts'
export { createStates, deliver, type BenchState } from './recipient.ts'
