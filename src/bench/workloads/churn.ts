import type { Baseline, BaselineTopic } from '../baselines.ts'
import type { Checksum } from '../checksum.ts'
import { buildTopicWorld, openSession, type TopicWorld } from '../engineWorld.ts'
import { createRandom, sample } from '../random.ts'
import { createStates, type BenchState } from '../recipient.ts'
import type { Clock, Subject } from '../timing.ts'

/**
 * W4: subscribe, unsubscribe and session close on a topic of `size` subscribers, victims in random
 * order. The topic is kept at (about) its size: each batch works in cycles of at most a tenth of it,
 * and restores what it changed between cycles, outside the measurement. A flat cost across sizes is
 * the goal; emitters that search an array to remove a listener grow with the size.
 */
export type ChurnOp = 'subscribe' | 'unsubscribe' | 'close'

export interface ChurnContext {
  readonly now: Clock
  readonly sink: Checksum
  readonly baselines: readonly Baseline[]
  /**
   * Untimed, after each cycle's preparation (Node: a minor GC). Re-opening 10,000 sessions leaves young
   * objects that a scavenge would otherwise copy in the middle of the timed operations, a cost that grows
   * with the topic size and belongs to the preparation.
   */
  readonly settle?: () => void
}

/** Most cycles one batch may run: batches of cheap operations stay short rather than take seconds. */
export const MAX_CYCLES = 50

/**
 * Most subscribes one baseline batch may time: each cycle rebuilds a whole emitter (O(size)), so the
 * batch is bounded by operations, not by time (a 20,000-operation batch of 0.1 µs subscribes is 2 ms,
 * short for a browser clock but fine for Node's).
 */
export const MAX_BASELINE_SUBSCRIBES = 20_000

function cycleSize(size: number): number {
  return Math.max(1, Math.floor(size / 10))
}

/** The worlds of one size: the engine's and one topic per baseline, all full. */
export interface ChurnWorlds {
  readonly size: number
  readonly engine: TopicWorld
  readonly baselines: readonly BaselineWorld[]
}

/** One baseline's full topic over its states (`rebuild` replaces it, e.g. without some states). */
interface BaselineWorld {
  readonly baseline: Baseline
  readonly states: readonly BenchState[]
  topic: BaselineTopic
}

function fullTopic(
  baseline: Baseline,
  states: readonly BenchState[],
  except?: ReadonlySet<number>,
) {
  const topic = baseline.create(states, 'deliver')
  for (let i = 0; i < states.length; i++) if (!except?.has(i)) topic.add(i)
  return topic
}

export function buildChurnWorlds(size: number, baselines: readonly Baseline[]): ChurnWorlds {
  const engine = buildTopicWorld(size, { seed: size })
  return {
    size,
    engine,
    baselines: baselines.map((baseline) => {
      const states = createStates(size)
      return { baseline, states, topic: fullTopic(baseline, states) }
    }),
  }
}

/** Subjects named `impl @size` for one operation; `close` exists for the engine only. */
export function churnSubjects(op: ChurnOp, worlds: ChurnWorlds, ctx: ChurnContext): Subject[] {
  const subjects = [engineSubject(op, worlds, ctx)]
  if (op !== 'close') {
    for (const world of worlds.baselines)
      subjects.push(baselineSubject(op, world, worlds.size, ctx))
  }
  return subjects
}

/** Runs `reps` operations in cycles; only `timed` is measured, `pick` and `restore` are not. */
function cycles<T>(
  reps: number,
  size: number,
  ctx: ChurnContext,
  pick: (k: number) => T[],
  timed: (victims: T[]) => void,
  restore: (victims: T[]) => void,
): number {
  const { now } = ctx
  const cycle = cycleSize(size)
  let total = 0
  for (let left = reps; left > 0; left -= cycle) {
    const victims = pick(Math.min(left, cycle))
    ctx.settle?.()
    const t0 = now()
    timed(victims)
    total += now() - t0
    restore(victims)
  }
  return total
}

function engineSubject(op: ChurnOp, worlds: ChurnWorlds, ctx: ChurnContext): Subject {
  const { sim, guildId } = worlds.engine
  const { dispatcher } = sim
  const random = createRandom(worlds.size + op.length)
  const name = `engine @${worlds.size}`
  if (op === 'close') {
    let live = worlds.engine.sessionIds.slice()
    let opened = worlds.size
    return {
      name,
      maxReps: MAX_CYCLES * cycleSize(worlds.size),
      run(reps) {
        const ms = cycles(
          reps,
          worlds.size,
          ctx,
          (k) => sample(live, k, random),
          (victims) => {
            for (const id of victims) sim.gateway.invalidate(id)
          },
          (victims) => {
            const closed = new Set(victims)
            live = live.filter((id) => !closed.has(id))
            for (let i = 0; i < victims.length; i++) {
              const id = openSession(sim, opened++)
              dispatcher.sub('guild', guildId, id)
              live.push(id)
            }
          },
        )
        const size = dispatcher.subscribers('guild', guildId).length
        if (size !== worlds.size)
          throw new Error(`close: the topic holds ${size}, not ${worlds.size}`)
        ctx.sink.add(size)
        return ms
      },
    }
  }
  const ids = worlds.engine.sessionIds
  const subscribe = (victims: string[]) => {
    for (const id of victims) dispatcher.sub('guild', guildId, id)
  }
  const unsubscribe = (victims: string[]) => {
    for (const id of victims) dispatcher.unsub('guild', guildId, id)
  }
  return {
    name,
    maxReps: MAX_CYCLES * cycleSize(worlds.size),
    run(reps) {
      const ms =
        op === 'subscribe'
          ? cycles(
              reps,
              worlds.size,
              ctx,
              (k) => unsubscribeFirst(sample(ids, k, random), unsubscribe),
              subscribe,
              () => {},
            )
          : cycles(reps, worlds.size, ctx, (k) => sample(ids, k, random), unsubscribe, subscribe)
      ctx.sink.add(dispatcher.subscribers('guild', guildId).length)
      return ms
    },
  }
}

function unsubscribeFirst<T>(victims: T[], unsubscribe: (victims: T[]) => void): T[] {
  unsubscribe(victims)
  return victims
}

/**
 * Emitters remove a listener in O(subscribers) (eventemitter3 copies the whole array), so to time a
 * subscribe the victims are left out by rebuilding the topic without them, not by removing them.
 */
function baselineSubject(
  op: Exclude<ChurnOp, 'close'>,
  world: BaselineWorld,
  size: number,
  ctx: ChurnContext,
): Subject {
  const { name } = world.baseline
  const random = createRandom(size + name.length)
  const indexes = Array.from({ length: size }, (_, i) => i)
  const add = (victims: number[]) => {
    for (const i of victims) world.topic.add(i)
  }
  const remove = (victims: number[]) => {
    for (const i of victims) world.topic.remove(i)
  }
  const leaveOut = (victims: number[]) => {
    world.topic = fullTopic(world.baseline, world.states, new Set(victims))
    return victims
  }
  return {
    name: `${name} @${size}`,
    maxReps:
      op === 'subscribe'
        ? Math.min(MAX_BASELINE_SUBSCRIBES, MAX_CYCLES * cycleSize(size))
        : MAX_CYCLES * cycleSize(size),
    run(reps) {
      const ms =
        op === 'subscribe'
          ? cycles(
              reps,
              size,
              ctx,
              (k) => leaveOut(sample(indexes, k, random)),
              add,
              () => {},
            )
          : cycles(reps, size, ctx, (k) => sample(indexes, k, random), remove, add)
      ctx.sink.add(reps)
      return ms
    },
  }
}
