import { Intents } from '../gateway/intents.ts'
import { createSimulation, type Simulation, type SimulationOptions } from '../simulation.ts'
import type { Frame, GatewayState } from '../types.ts'
import { Permissions } from '../world/permissions.ts'

/** Guild G of docs/design/litecord-notes.md §6: `5 << 22`, served by shard 1 of 2. */
export const G = '20971520'
export const ALICE = '10'
export const BOB = '20'
export const CAROL = '30'
export const DAVE = '40'
export const GENERAL = '100'
export const SECRET = '101'

/**
 * Fixture F of docs/design/litecord-notes.md §6: alice (owner), bob and carol in G; dave outside.
 * #general is public, #secret only alice reads. Sessions A (alice, all intents), B1 (bob, GUILDS
 * only), B2 (bob, all), C (carol, all), D (dave, all).
 */
export function fixtureF(options: SimulationOptions = {}) {
  const sim = createSimulation(options)
  const { world, gateway } = sim
  world.createUser({ id: ALICE, username: 'alice' })
  world.createUser({ id: BOB, username: 'bob' })
  world.createUser({ id: CAROL, username: 'carol' })
  world.createUser({ id: DAVE, username: 'dave' })
  world.createGuild({ id: G, name: 'G', ownerId: ALICE })
  world.addMember(G, BOB)
  world.addMember(G, CAROL)
  world.createChannel({ id: GENERAL, guildId: G, name: 'general' })
  world.createChannel({
    id: SECRET,
    guildId: G,
    name: 'secret',
    overwrites: [
      { id: G, type: 0, deny: Permissions.VIEW_CHANNEL },
      { id: ALICE, type: 1, allow: Permissions.VIEW_CHANNEL },
    ],
  })
  const A = gateway.identify({ userId: ALICE })
  const B1 = gateway.identify({ userId: BOB, intents: Intents.GUILDS })
  const B2 = gateway.identify({ userId: BOB })
  const C = gateway.identify({ userId: CAROL })
  const D = gateway.identify({ userId: DAVE })
  return { sim, A, B1, B2, C, D }
}

const NAMES: Record<string, string> = {
  [ALICE]: 'alice',
  [BOB]: 'bob',
  [CAROL]: 'carol',
  [DAVE]: 'dave',
}

/** Creates the named fixture users (alice 10, bob 20, carol 30, dave 40) in `sim`'s world. */
export function addUsers(sim: Simulation, ...ids: string[]): void {
  for (const id of ids) sim.world.createUser({ id, username: NAMES[id] ?? `user${id}` })
}

/** The dispatch frames a session received after its setup, as `[t, s]` pairs. */
export function lastFrame(state: GatewayState): Frame {
  const frame = state.frames.at(-1)
  if (!frame) throw new Error(`session ${state.sessionId} has received nothing`)
  return frame
}

/** The event types a session received, in order. */
export function types(state: GatewayState): (string | null)[] {
  return state.frames.map((f) => f.t)
}
