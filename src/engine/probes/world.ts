import { createSimulation, Permissions, type Simulation } from '../index.ts'
import { Oracle, type OOverwrite } from './oracle.ts'
import { createRandom } from '../random.ts'

/**
 * The probes' seeded choices, drawn from the engine's own generator (mulberry32, `src/engine/random.ts`):
 * the oracle is independent of the engine's rules, not of its arithmetic.
 */
export function rng(seed: number): {
  int(n: number): number
  pick<T>(xs: readonly T[]): T
  chance(p: number): boolean
} {
  const random = createRandom(seed)
  const next = (): number => random.nextUint32() / 4294967296
  return {
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    chance: (p) => next() < p,
  }
}

export const USER_IDS = ['11', '12', '13', '14', '15', '16']
/** Shards of `k << 22` differ for counts 1, 2 and 3. */
export const GUILD_IDS = ['4194304', '8388608', '12582912']

const VIEW = Permissions.VIEW_CHANNEL as bigint
const ADMIN = Permissions.ADMINISTRATOR as bigint

/** A random world, built in the engine and mirrored in the oracle. */
export function buildWorld(
  seed: number,
  opts: { windowMs: number; bufferSize: number },
): { sim: Simulation; oracle: Oracle; r: ReturnType<typeof rng> } {
  const r = rng(seed)
  const startTime = 1_700_000_000_000
  const sim = createSimulation({
    seed,
    startTime,
    resumeWindowMs: opts.windowMs,
    resumeBufferSize: opts.bufferSize,
  })
  const oracle = new Oracle(opts.windowMs, opts.bufferSize, startTime)
  const { world } = sim
  USER_IDS.forEach((id, i) => world.createUser({ id, username: `u${i}`, bot: i % 2 === 0 }))
  let nextId = 1000
  for (const gid of GUILD_IDS) {
    const ownerId = r.pick(USER_IDS)
    world.createGuild({ id: gid, name: `g${gid}`, ownerId })
    const g = {
      id: gid,
      ownerId,
      roles: [{ id: gid, permissions: VIEW }],
      members: new Map<string, string[]>([[ownerId, []]]),
    }
    oracle.guilds.set(gid, g)
    const roleIds: string[] = []
    for (let k = 0; k < 3; k++) {
      const id = String(nextId++)
      const permissions = r.pick([0n, VIEW, ADMIN, VIEW])
      world.createRole(gid, {
        id,
        name: `r${id}`,
        position: k + 1,
        hoist: r.chance(0.5),
        permissions: permissions.toString(),
      })
      g.roles.push({ id, permissions })
      roleIds.push(id)
    }
    for (const u of USER_IDS) {
      if (u === ownerId || !r.chance(0.6)) continue
      const roles = roleIds.filter(() => r.chance(0.4))
      world.addMember(gid, u, { roles })
      g.members.set(u, roles)
    }
    for (let k = 0; k < 4; k++) {
      const id = String(nextId++)
      const type = k === 3 ? r.pick([2, 4]) : 0
      const overwrites: OOverwrite[] = []
      if (r.chance(0.5)) overwrites.push({ id: gid, type: 0, allow: 0n, deny: VIEW })
      if (r.chance(0.5)) overwrites.push({ id: r.pick(roleIds), type: 0, allow: VIEW, deny: 0n })
      if (r.chance(0.3))
        overwrites.push({
          id: r.pick(USER_IDS),
          type: 1,
          ...(r.chance(0.5) ? { allow: VIEW, deny: 0n } : { allow: 0n, deny: VIEW }),
        })
      const seen = new Set<string>()
      const unique = overwrites.filter((o) => !seen.has(o.id) && seen.add(o.id))
      world.createChannel({
        id,
        type,
        guildId: gid,
        name: `c${id}`,
        overwrites: unique.map((o) => ({
          id: o.id,
          type: o.type,
          allow: o.allow.toString(),
          deny: o.deny.toString(),
        })),
      })
      oracle.channels.set(id, { id, type, guildId: gid, recipients: [], overwrites: unique })
    }
  }
  for (let k = 0; k < 3; k++) {
    const id = String(nextId++)
    const a = r.pick(USER_IDS)
    const b = r.pick(USER_IDS.filter((u) => u !== a))
    const group = k === 2
    if (
      !group &&
      [...oracle.channels.values()].some(
        (c) => c.type === 1 && c.recipients.includes(a) && c.recipients.includes(b),
      )
    )
      continue
    const recipients = group ? [a, b, r.pick(USER_IDS.filter((u) => u !== a && u !== b))] : [a, b]
    world.createChannel({ id, type: group ? 3 : 1, recipients })
    oracle.channels.set(id, { id, type: group ? 3 : 1, recipients, overwrites: [] })
  }
  for (let k = 0; k < 5; k++) {
    const a = r.pick(USER_IDS)
    const b = r.pick(USER_IDS.filter((u) => u !== a))
    if (oracle.friendships.some(([x, y]) => (x === a && y === b) || (x === b && y === a))) continue
    world.addFriendship(a, b)
    oracle.friendships.push([a, b])
  }
  return { sim, oracle, r }
}
