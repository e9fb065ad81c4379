import { Intents } from '../../engine/index.ts'
import type { Baseline, ListenerMode } from '../baselines.ts'
import type { Checksum } from '../checksum.ts'
import { buildTopicWorld } from '../engineWorld.ts'
import { createStates, keptFrame, type BenchState } from '../recipient.ts'
import type { Clock, Subject } from '../timing.ts'

/**
 * W1 and W3: one guild event fanned out from one topic of `size` subscribers. In `deliver` mode every
 * subscriber gets it; in `filtered` mode every second subscriber lacks the GUILDS intent that
 * GUILD_UPDATE needs and is skipped (the engine reports it as skipped, the baselines test the bit).
 */
export interface FanoutContext {
  readonly now: Clock
  readonly sink: Checksum
  readonly baselines: readonly Baseline[]
}

const EVENT = 'GUILD_UPDATE'
const BIT = Intents.GUILDS

/** The intents of recipient `i`: all GUILDS, or every second one without it. */
export function fanoutIntents(mode: ListenerMode): (i: number) => number {
  return mode === 'filtered' ? (i) => (i % 2 === 0 ? BIT : 0) : () => BIT
}

/** How many of `size` recipients hold the intent. */
export function expectedDeliveries(size: number, mode: ListenerMode): number {
  return mode === 'filtered' ? Math.ceil(size / 2) : size
}

/** The engine and every baseline, each with its own `size` recipients subscribed to one topic. */
export function fanoutSubjects(size: number, mode: ListenerMode, ctx: FanoutContext): Subject[] {
  const { now, sink } = ctx
  const intentsOf = fanoutIntents(mode)
  const expected = expectedDeliveries(size, mode)
  const world = buildTopicWorld(size, { intentsOf })
  const payload = { id: world.guildId, name: 'Renamed guild' }
  const dispatcher = world.sim.dispatcher

  const engine: Subject = {
    name: 'engine',
    run(reps) {
      let delivered = 0
      const t0 = now()
      for (let r = 0; r < reps; r++) {
        delivered += dispatcher.dispatch('guild', world.guildId, EVENT, payload).delivered.length
      }
      const ms = now() - t0
      check(
        delivered === expected * reps,
        `engine delivered ${delivered}, expected ${expected * reps}`,
      )
      sink.add(delivered)
      return ms
    },
  }

  const baselines = ctx.baselines.map((baseline): Subject => {
    const states = createStates(size, intentsOf)
    const topic = baseline.create(states, mode)
    for (let i = 0; i < size; i++) topic.add(i)
    // Probes: the first state (which always holds the intent) and, when nobody is filtered, the last.
    const probes = [
      states[0],
      ...(expected === size && size > 1 ? [states[size - 1]] : []),
    ] as BenchState[]
    const seqs = () => probes.reduce((sum, p) => sum + p.seq, 0)
    return {
      name: baseline.name,
      run(reps) {
        const before = seqs()
        const t0 = now()
        for (let r = 0; r < reps; r++) topic.emit(EVENT, payload, BIT)
        const ms = now() - t0
        const got = seqs() - before
        const first = probes[0] as BenchState
        check(
          got === probes.length * reps && keptFrame(first, first.seq)?.d === payload,
          `${baseline.name} gave its probes ${got} frames, expected ${probes.length * reps}`,
        )
        sink.add(first.seq)
        return ms
      },
    }
  })
  return [engine, ...baselines]
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(`benchmark self-check failed: ${message}`)
}
