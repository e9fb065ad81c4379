import EventEmitter3 from 'eventemitter3'
import { EventEmitter as Tseep } from 'tseep'
import { EventEmitter as TseepSafe } from 'tseep/lib/ee-safe'
import { deliver, type BenchState } from './recipient.ts'

/**
 * The baselines: the same per-recipient work as the engine (see recipient.ts) behind the usual ways to
 * hold a topic's subscribers. The floor is a plain `for` over the states; the emitters hold one listener
 * closure per subscriber, as their APIs require.
 */

/** How a listener treats an event: deliver it, or deliver it only when the state has the intent bit. */
export type ListenerMode = 'deliver' | 'filtered'

/** One topic held by one baseline implementation, over a fixed array of states. */
export interface BaselineTopic {
  /** Subscribes state `i`. */
  add(i: number): void
  /** Unsubscribes state `i`. */
  remove(i: number): void
  /** Fans the event out to every subscriber (in `filtered` mode, to those holding `bit`). */
  emit(t: string, d: unknown, bit: number): void
}

export interface Baseline {
  readonly name: string
  create(states: readonly BenchState[], mode: ListenerMode): BaselineTopic
}

/** The smallest emitter surface the benchmark uses. */
export interface MinimalEmitter {
  on(event: string, listener: Listener): unknown
  removeListener(event: string, listener: Listener): unknown
  emit(event: string, t: string, d: unknown, bit: number): unknown
}
type Listener = (t: string, d: unknown, bit: number) => void

/** Makes an empty emitter (node:events needs `setMaxListeners(0)` for 100,000 listeners). */
export type EmitterFactory = () => MinimalEmitter

/** The floor: a plain array of states and one shared `deliver`; removal is indexOf + splice. */
export const plainLoop: Baseline = {
  name: 'plain loop',
  create(states, mode) {
    const members: BenchState[] = []
    return {
      add: (i) => void members.push(states[i] as BenchState),
      remove(i) {
        const at = members.indexOf(states[i] as BenchState)
        if (at >= 0) members.splice(at, 1)
      },
      emit:
        mode === 'deliver'
          ? (t, d) => {
              for (let i = 0; i < members.length; i++) deliver(members[i] as BenchState, t, d)
            }
          : (t, d, bit) => {
              for (let i = 0; i < members.length; i++) {
                const state = members[i] as BenchState
                if ((state.intents & bit) !== 0) deliver(state, t, d)
              }
            },
    }
  },
}

function listenerFor(state: BenchState, mode: ListenerMode): Listener {
  return mode === 'deliver'
    ? (t, d) => deliver(state, t, d)
    : (t, d, bit) => {
        if ((state.intents & bit) !== 0) deliver(state, t, d)
      }
}

/** A baseline holding one listener closure per subscriber in an emitter. */
export function emitterBaseline(name: string, create: EmitterFactory): Baseline {
  return {
    name,
    create(states, mode) {
      const emitter = create()
      const listeners = states.map((state) => listenerFor(state, mode))
      return {
        add: (i) => void emitter.on('dispatch', listeners[i] as Listener),
        remove: (i) => void emitter.removeListener('dispatch', listeners[i] as Listener),
        emit: (t, d, bit) => void emitter.emit('dispatch', t, d, bit),
      }
    },
  }
}

/**
 * The emitters bundled with the benchmark (they run in a browser Worker too). `node:events` is added
 * by the Node harness; a browser page may add the `events` polyfill. tseep generates its emit code with
 * `eval`; where a CSP forbids that, creating it throws and the suite leaves it out.
 */
export const BUNDLED_EMITTERS: Readonly<Record<string, EmitterFactory>> = {
  eventemitter3: () => new EventEmitter3() as unknown as MinimalEmitter,
  tseep: () => new Tseep() as unknown as MinimalEmitter,
  'tseep safe': () => new TseepSafe() as unknown as MinimalEmitter,
}
