import { describe, expect, it } from 'vitest'
import { shardFor } from '../../engine/index.ts'
import type { Step } from '../../store/connectEngine.ts'
import { skipCounts } from '../../store/connectEngine.ts'
import { recordStep } from '../../store/connectEngine.ts'
import { buildTimeline, callCount, scenarioPlan } from '../../store/loadJob.ts'
import { EngineRuntime } from '../../store/runtime/EngineRuntime.ts'
import scenario from '../discord-scale.ts'
import type { Scenario } from '../types.ts'
import {
  BOT_SHARDS,
  GUILD,
  NEWCOMER,
  SERVING_SHARD,
  STAFF,
  generatedSteps,
  listedCalls,
  memberIntents,
  suggestedCalls,
} from './discordScale.ts'
import { username } from './names.ts'

const MEMBERS = 5000

/** The scenario's rules at a size a unit test can build. */
const small: Scenario = {
  ...scenario,
  generated: generatedSteps({ members: MEMBERS }),
  calls: listedCalls({ members: MEMBERS }),
  suggested: suggestedCalls({ members: MEMBERS }),
}

function build() {
  const runtime = new EngineRuntime()
  const job = buildTimeline(runtime, small.seed, scenarioPlan(small), {
    phase: '',
    done: 0,
    total: 0,
  })
  let next = job.next()
  while (!next.done) next = job.next()
  const steps = next.value
  return { runtime, run: runtime.engineAfter(steps, steps.length), steps }
}

const built = build()
const sessions = BOT_SHARDS + 2 * STAFF + (MEMBERS - 1 - STAFF)

function tryIt(index: number): Step {
  const call = small.suggested[index]
  if (!call) throw new Error(`no suggestion ${index}`)
  return recordStep(built.run, [call], 99)
}

describe('the Discord-scale scenario, built by its rules', () => {
  it('makes 300,000 calls at full size without listing one', () => {
    const plan = scenarioPlan(scenario)
    expect(scenario.generated?.map((g) => g.count)).toEqual([200_009, 100_040])
    expect(callCount(plan)).toBeGreaterThan(300_000)
    expect(JSON.stringify(scenario).length).toBeLessThan(50_000)
  })

  it('puts the guild on the bot shard that serves it', () => {
    expect(shardFor(GUILD, BOT_SHARDS)).toBe(SERVING_SHARD)
  })

  it('builds a guild of every member and a session for each, most of them offline', () => {
    const { sim } = built.run
    expect(sim.world.members(GUILD)).toHaveLength(MEMBERS)
    expect(sim.states.all()).toHaveLength(sessions)
    const disconnected = sim.states.all().filter((s) => s.status === 'disconnected')
    expect(disconnected).toHaveLength(10) // i % 500 === 250, below 5,000
    // The generated steps kept their session events (the directory) but not 100,000 subscriptions.
    expect(built.steps[1]?.events.every((e) => e.type === 'session')).toBe(true)
    expect(built.steps[1]?.directCounts).toMatchObject({
      sessions,
      types: ['READY', 'GUILD_CREATE'],
    })
  })

  it('gives six clients member-list ranges, one deep in the list', () => {
    const lists = built.run.sim.memberLists(GUILD)
    const holders = lists.flatMap((l) => l.holders)
    expect(holders).toHaveLength(6)
    expect(holders.some((h) => h.ranges.some(([start]) => start >= MEMBERS / 2))).toBe(true)
    expect(new Set(lists.map((l) => l.id)).size).toBe(3)
  })

  it('reaches every session of the guild with GUILD_UPDATE, explaining each one it skips', () => {
    const [update] = tryIt(0).dispatches
    const { delivered, buffered } = update?.result ?? { delivered: [], buffered: [] }
    expect(delivered.length).toBeGreaterThan(sessions * 0.9)
    expect(buffered).toHaveLength(10)
    // DM relays identified without GUILDS: 1 in 1,000 (1,011, 2,011, …; staff are never relays).
    const relays = Array.from({ length: MEMBERS - 1 }, (_, i) => i).filter(
      (i) => i >= STAFF && (memberIntents(i) & 1) === 0,
    )
    expect(relays).toHaveLength(4)
    expect(update && skipCounts(update.result)).toEqual([['intents', relays.length]])
    // The bot's 15 shards that do not serve the guild are not subscribed.
    expect(update?.notSubscribed).toHaveLength(BOT_SHARDS - 1)
  })

  it('reaches only Staff in #staff-room', () => {
    const [message] = tryIt(2).dispatches
    expect(message?.result.delivered).toHaveLength(2 * STAFF)
    expect(message?.notSubscribed).toEqual([])
  })

  it('shows a member coming online through member lists, and to GUILD_PRESENCES sessions', () => {
    const step = tryIt(3)
    const lists = step.dispatches.filter((d) => d.eventType === 'GUILD_MEMBER_LIST_UPDATE')
    const reached = lists.flatMap((d) => d.result.delivered)
    expect(reached.length).toBeGreaterThanOrEqual(4)
    const presence = step.dispatches.find((d) => d.eventType === 'PRESENCE_UPDATE')
    expect(presence?.result.delivered.length).toBeGreaterThan(0)
    expect(step.label).toBe(`${username(NEWCOMER)} comes online: member lists and presences`)
  })
})
