import disconnectAndResume from '../../scenarios/disconnect-and-resume.ts'
import dmsAndGroupDms from '../../scenarios/dms-and-group-dms.ts'
import guildBasics from '../../scenarios/guild-basics.ts'
import intents from '../../scenarios/intents.ts'
import lazyMemberList from '../../scenarios/lazy-member-list.ts'
import shardedBot from '../../scenarios/sharded-bot.ts'
import lazyGuildBackend from '../../scenarios/docs/lazy-guild-backend.ts'
import type { Scenario } from '../../scenarios/types.ts'
import { applyCall } from '../../calls/index.ts'
import { createSimulation, type ListItem } from '../../store/engineValues.ts'

/**
 * The scenarios whose facts the docs render at build time. Listed by hand because the build's
 * plugins cannot use `import.meta.glob`; the docs checks (which can) make sure every scenario a page
 * links to is here.
 */
export const FACT_SCENARIOS: Readonly<Record<string, Scenario>> = Object.fromEntries(
  [
    disconnectAndResume,
    dmsAndGroupDms,
    guildBasics,
    intents,
    lazyMemberList,
    shardedBot,
    lazyGuildBackend,
  ].map((s) => [s.id, s]),
)

/** Counts read from a scenario's calls: how many shards its bots use, sessions, users. */
export function scenarioCounts(s: Scenario): { shards: number; sessions: number; users: number } {
  let shards = 1
  let sessions = 0
  let users = 0
  const generated = (s.generated ?? []).flatMap((g) =>
    Array.from({ length: g.count }, (_, i) => g.call(i)),
  )
  for (const call of [...generated, ...s.calls]) {
    if (call.target === 'world' && call.method === 'createUser') users++
    if (call.target !== 'gateway' || call.method !== 'identify') continue
    sessions++
    const shard = (call.args[0] as { shard?: [number, number] } | null)?.shard
    if (shard) shards = Math.max(shards, shard[1])
  }
  return { shards, sessions, users }
}

/**
 * The member list the `n`-th session of a scenario holds once its world is built, as the labels a
 * reader sees: a group header by its role's name (or `online` / `offline`), a member by username.
 */
export function memberListOf(s: Scenario, n: number): string[] {
  const run = { sim: createSimulation({ seed: s.seed }), sessions: [] as string[] }
  for (const call of s.calls) applyCall(run, call)
  const state = run.sim.states.fetchRaw(run.sessions[n] ?? '')
  const update = [...(state?.frames ?? [])]
    .reverse()
    .find((f) => f.t === 'GUILD_MEMBER_LIST_UPDATE')
  const d = update?.d as { guild_id: string; ops: { op: string; items?: ListItem[] }[] } | undefined
  const roles = new Map(run.sim.world.roles(d?.guild_id ?? '').map((r) => [r.id, r.name]))
  const items = d?.ops.find((o) => o.op === 'SYNC')?.items ?? []
  return items.map((item) =>
    'group' in item
      ? (roles.get(item.group.id) ?? item.group.id)
      : memberName(item.member as { nick?: string | null; user: { username: string } }),
  )
}

const memberName = (m: { nick?: string | null; user: { username: string } }) =>
  m.nick ?? m.user.username
