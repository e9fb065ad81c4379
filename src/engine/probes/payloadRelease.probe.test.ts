import { describe, expect, it } from 'vitest'
import { createSimulation, type Simulation } from '../simulation.ts'
import type { GatewayState } from '../types.ts'

/**
 * docs/design/semantics.md §10: "Frames and payloads that no live session can still read are
 * released." Checked on the garbage collector itself (a WeakRef to the engine's frozen copy), since the
 * engine's own counts cannot see a reference kept outside the simulation's tables: the last flat
 * payload copied is shared with the next equal one (payload.ts), and that sharing must not keep it.
 */
// The engine's type checking knows no host (src/engine has no Node types): Node's modules are named
// by variable, and typed here by what this file uses of them.
const host = globalThis as unknown as { setTimeout(run: () => void, ms: number): unknown }
const v8Name = 'node:v8'
const vmName = 'node:vm'
const v8 = (await import(/* @vite-ignore */ v8Name)) as { setFlagsFromString(flags: string): void }
const vm = (await import(/* @vite-ignore */ vmName)) as { runInNewContext(code: string): unknown }
v8.setFlagsFromString('--expose-gc')
const collect = vm.runInNewContext('gc') as () => void

/** Collects until `ref` is gone or a few rounds passed (a WeakRef target lives to the end of its job). */
async function released(ref: WeakRef<object>): Promise<boolean> {
  for (let round = 0; round < 5 && ref.deref() !== undefined; round++) {
    await new Promise<void>((resolve) => host.setTimeout(resolve, 0))
    collect()
  }
  return ref.deref() === undefined
}

function world() {
  const sim = createSimulation({ seed: 1 })
  for (const id of ['11', '12']) sim.world.createUser({ id, username: `u${id}` })
  sim.gateway.identify({ userId: '11' })
  sim.gateway.identify({ userId: '12' })
  return sim
}

/**
 * A WeakRef to the payload of user `userId`'s last frame, whose session is then closed. No view of it
 * is kept here: a view handed out still shows its frames, and so keeps them.
 */
function readThenClose(sim: Simulation, userId: string): WeakRef<object> {
  const state = sim.states.userStates(userId)[0] as GatewayState
  const ref = new WeakRef(state.frames.at(-1)?.d as object)
  sim.gateway.invalidate(state.sessionId)
  return ref
}

describe('payloads nobody can read are released (semantics.md §10)', () => {
  it('a flat payload whose only reader closed, while the simulation and another session live on', async () => {
    const sim = world()
    sim.dispatcher.dispatch('user', '11', 'X_BIG', { blob: 'x'.repeat(1_000) })
    expect(await released(readThenClose(sim, '11'))).toBe(true)
    // The simulation goes on: the other session still gets equal payloads as equal frames.
    sim.dispatcher.dispatch('user', '12', 'X_BIG', { blob: 'y' })
    sim.dispatcher.dispatch('user', '12', 'X_BIG', { blob: 'y' })
    const other = sim.states.userStates('12')[0] as GatewayState
    expect(other.frames.slice(-2).map((f) => [f.t, f.d])).toEqual([
      ['X_BIG', { blob: 'y' }],
      ['X_BIG', { blob: 'y' }],
    ])
  })

  it('a flat payload dispatched to nobody', async () => {
    const sim = world()
    // The engine's copy is not handed out when nobody gets it: an equal payload sent to a reader
    // right after shows it, and the reader then closes.
    sim.dispatcher.dispatch('user', '12', 'X_NOBODY', { blob: 'z'.repeat(1_000) })
    sim.dispatcher.dispatch('user', '13', 'X_NOBODY', { blob: 'z'.repeat(1_000) })
    expect(await released(readThenClose(sim, '12'))).toBe(true)
  })

  it('a flat payload sent to sessions of a simulation that is no longer reachable', async () => {
    const ref = ((): WeakRef<object> => {
      const sim = world()
      sim.dispatcher.dispatch('user', '11', 'X_BIG', { blob: 'w'.repeat(1_000) })
      const state = sim.states.userStates('11')[0] as GatewayState
      return new WeakRef(state.frames.at(-1)?.d as object)
    })()
    expect(await released(ref)).toBe(true)
  })
})
