import docsWorld from '../../scenarios/docs/docs-world.ts'
import { applyCall, createCallEngine } from '../../calls/index.ts'
import type { Simulation } from '../../store/engineValues.ts'

/**
 * What IDENTIFY subscribes, asked of the engine: alice connects twice to the docs' world, as shard 0
 * and shard 1 of 2, and the table lists what each session ended up subscribed to.
 */
// Its type is facts.ts's FactTable, checked where facts.ts lists it: importing it would make the two
// files import each other.
export function shardSubscriptions(): { header: string[]; rows: string[][] } {
  const engine = createCallEngine(docsWorld.seed)
  for (const call of docsWorld.calls) applyCall(engine, call)
  const { sim } = engine
  const alice = '10'
  const shards = [0, 1].map((id) =>
    sim.gateway.identify({ userId: alice, shard: [id, 2], presence: { status: 'offline' } }),
  )
  const cells = shards.map((s) => subscriptionsOf(sim, s.sessionId))
  const friends = sim.dispatcher.subscribers('friend', alice).map((id) => nameOf(sim, id))
  return {
    header: ['subscribed to', ...shards.map((s) => `shard \`[${s.shard.join(', ')}]\``)],
    rows: [
      ['guilds (`(id >> 22) % 2`)', ...cells.map((c) => c.guilds)],
      ['their readable channels', ...cells.map((c) => c.channels)],
      ['DMs and group DMs', ...cells.map((c) => c.dms)],
      ['in READY’s `guilds`', ...cells.map((c) => c.ready)],
      [
        'friend links (the user’s, not the session’s)',
        ...shards.map(() => `\`friend:${alice}\` → ${friends.join(', ')}`),
      ],
    ],
  }
}

function nameOf(sim: Simulation, userId: string): string {
  return sim.world.user(userId)?.username ?? userId
}

function subscriptionsOf(sim: Simulation, sessionId: string) {
  const has = (backend: 'guild' | 'channel', key: string) =>
    sim.dispatcher.subscribers(backend, key).includes(sessionId)
  const guilds = sim.dispatcher.topics('guild').filter((g) => has('guild', g))
  const channels = sim.dispatcher
    .topics('channel')
    .filter((c) => has('channel', c))
    .map((c) => sim.world.channel(c))
  const list = (xs: string[]) => xs.join(', ') || 'none'
  const ready = sim.states.fetchRaw(sessionId)?.frames[0]?.d as { guilds: { id: string }[] }
  return {
    guilds: list(
      guilds.map((g) => `\`guild:${g}\` (${BigInt(g) >> 22n} % 2 = ${(BigInt(g) >> 22n) % 2n})`),
    ),
    channels: list(
      channels.filter((c) => c?.guild_id).map((c) => `\`channel:${c?.id}\` #${c?.name}`),
    ),
    dms: list(
      channels
        .filter((c) => c && !c.guild_id)
        .map((c) => {
          const others = (c?.recipients ?? []).filter((r) => r !== '10').map((r) => nameOf(sim, r))
          return `\`channel:${c?.id}\` (the DM with ${others.join(', ')})`
        }),
    ),
    ready: list(ready.guilds.map((g) => `\`${g.id}\``)),
  }
}
