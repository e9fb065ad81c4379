import fc from 'fast-check'
import { recordStep, type Step } from '../connectEngine.ts'
import { createCallEngine, type EngineCall, type CallEngine } from '../../calls/index.ts'
import { checkpointOf, rebuild, type Checkpoints } from '../runtime/checkpoints.ts'

const GUILD = '20971520'
const USERS = ['10', '11', '12']
const setup: EngineCall[] = [
  ...USERS.map((id) => ({
    target: 'world' as const,
    method: 'createUser',
    args: [{ id, username: `u${id}` }],
  })),
  { target: 'world', method: 'createGuild', args: [{ id: GUILD, name: 'G', ownerId: '10' }] },
  { target: 'world', method: 'addMember', args: [GUILD, '11'] },
  {
    target: 'world',
    method: 'createChannel',
    args: [{ id: '100', guildId: GUILD, name: 'general' }],
  },
]

/** Random calls over a small world; some are refused by the engine, as real users' calls are. */
export const callArb: fc.Arbitrary<EngineCall> = fc.oneof(
  fc
    .record({
      user: fc.constantFrom(...USERS),
      intents: fc.constantFrom(1, 513, 33554431, 0),
      shard: fc.constantFrom<number[]>([0, 1], [0, 2], [1, 2]),
    })
    .map(({ user, intents, shard }) => ({
      target: 'gateway' as const,
      method: 'identify',
      args: [{ userId: user, intents, shard }],
    })),
  fc.constantFrom('GUILD_UPDATE', 'MESSAGE_CREATE', 'PRESENCE_UPDATE').map((t) => ({
    target: 'dispatcher' as const,
    method: 'dispatch',
    args: ['guild', GUILD, t, { id: GUILD, guild_id: GUILD }],
  })),
  fc.constant({
    target: 'dispatcher' as const,
    method: 'dispatch',
    args: ['channel', '100', 'MESSAGE_CREATE', { content: 'x', guild_id: GUILD }],
  }),
  fc
    .nat(4)
    .map((n) => ({ target: 'gateway' as const, method: 'disconnect', args: [{ $session: n }] })),
  fc.nat(4).map((n) => ({
    target: 'gateway' as const,
    method: 'resume',
    args: [{ $session: n }, { $lastSeq: n }],
  })),
  fc.tuple(fc.nat(4), fc.boolean()).map(([n, on]) => ({
    target: 'gateway' as const,
    method: 'failSocket',
    args: [{ $session: n }, on],
  })),
  fc.constant({ target: 'clock' as const, method: 'advance', args: [30_000] }),
  fc.constant({ target: 'world' as const, method: 'addMember', args: [GUILD, '12'] }),
  fc.constant({ target: 'actions' as const, method: 'joinGuild', args: [GUILD, '12'] }),
)

/** Records calls as the store does: refused ones are dropped and the engine rebuilt. */
export function recordAll(calls: EngineCall[], checkpoints: Checkpoints) {
  let engine: CallEngine = createCallEngine(9)
  const steps: Step[] = []
  for (const call of [setup, ...calls.map((c) => [c])]) {
    try {
      steps.push(recordStep(engine, call, steps.length))
      if (steps.length % 3 === 0) checkpoints.set(steps.length, checkpointOf(engine))
    } catch {
      engine = rebuild(9, steps, steps.length, checkpoints)
    }
  }
  return { engine, steps }
}
