import EventEmitter3 from 'eventemitter3'
import type { Checksum } from '../checksum.ts'
import { buildTopicWorld } from '../engineWorld.ts'
import type { Clock, Subject } from '../timing.ts'

/**
 * W2, the lean fan-out (issue 23, fan-out speed): the least honest work per recipient that keeps what the engine
 * keeps for resume. Each listener bumps its session's seq, pushes `{ op: 0, t, s, d }` onto the
 * session's array and drops the oldest past the resume buffer's size; the engine runs with
 * `resumeBufferSize` set to that size. W1's baselines do more (a 16-frame ring, preallocated), so they
 * are faster to beat; this is the emitter a gateway would actually write.
 */
export const LEAN_BUFFER = 4

/** A lean baseline's session: its seq and its last {@link LEAN_BUFFER} frames. */
export interface LeanState {
  seq: number
  readonly frames: { op: number; t: string; s: number; d: unknown }[]
}

/** The lean listener's body. */
export function leanDeliver(state: LeanState, t: string, d: unknown): void {
  const s = ++state.seq
  state.frames.push({ op: 0, t, s, d })
  if (state.frames.length > LEAN_BUFFER) state.frames.shift()
}

export const LEAN_EVENTEMITTER3 = 'eventemitter3 lean'
export const LEAN_FLOOR = 'plain loop lean'

const EVENT = 'GUILD_UPDATE'

/**
 * The engine (resume buffer of {@link LEAN_BUFFER}), eventemitter3 with one lean listener per
 * session, and a plain loop over the lean states, each with `size` recipients.
 */
export function leanSubjects(size: number, ctx: { now: Clock; sink: Checksum }): Subject[] {
  const { now, sink } = ctx
  const world = buildTopicWorld(size, { resumeBufferSize: LEAN_BUFFER })
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
      check(delivered === size * reps, `engine delivered ${delivered}, expected ${size * reps}`)
      sink.add(delivered)
      return ms
    },
  }
  const states = (): LeanState[] => Array.from({ length: size }, () => ({ seq: 0, frames: [] }))
  const probe = (name: string, list: LeanState[], emit: () => void): Subject => ({
    name,
    run(reps) {
      const first = list[0] as LeanState
      const last = list[size - 1] as LeanState
      const before = first.seq + last.seq
      const t0 = now()
      for (let r = 0; r < reps; r++) emit()
      const ms = now() - t0
      check(
        first.seq + last.seq - before === 2 * reps && first.frames.at(-1)?.d === payload,
        `${name} gave its probes the wrong frames`,
      )
      sink.add(first.seq)
      return ms
    },
  })
  const emitterStates = states()
  const emitter = new EventEmitter3()
  for (const state of emitterStates) {
    emitter.on('dispatch', (t: string, d: unknown) => leanDeliver(state, t, d))
  }
  const loopStates = states()
  return [
    engine,
    probe(LEAN_EVENTEMITTER3, emitterStates, () => emitter.emit('dispatch', EVENT, payload)),
    probe(LEAN_FLOOR, loopStates, () => {
      for (let i = 0; i < loopStates.length; i++)
        leanDeliver(loopStates[i] as LeanState, EVENT, payload)
    }),
  ]
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(`benchmark self-check failed: ${message}`)
}
