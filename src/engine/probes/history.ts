import {
  GatewayCloseError,
  Intents,
  type DispatchResult,
  type Frame,
  type GatewayState,
} from '../index.ts'
import { ANY, type OFrame, type OResult, type OSession } from './oracle.ts'
import { buildWorld, GUILD_IDS, USER_IDS } from './world.ts'

const INTENT_CHOICES = [
  Intents.ALL,
  0,
  Intents.GUILDS,
  Intents.GUILDS | Intents.GUILD_MEMBERS,
  Intents.GUILD_MESSAGES | Intents.DIRECT_MESSAGES,
  Intents.GUILDS | Intents.GUILD_MESSAGES | Intents.MESSAGE_CONTENT | Intents.GUILD_PRESENCES,
  Intents.DIRECT_MESSAGE_TYPING | Intents.GUILD_MESSAGE_TYPING | Intents.GUILD_MESSAGE_REACTIONS,
]
const SHARDS: [number, number][] = [
  [0, 1],
  [0, 1],
  [0, 2],
  [1, 2],
  [0, 3],
  [1, 3],
  [2, 3],
]
const GUILD_TYPES = [
  'GUILD_UPDATE',
  'GUILD_MEMBER_ADD',
  'GUILD_MEMBER_UPDATE',
  'PRESENCE_UPDATE',
  'MESSAGE_CREATE',
  'TYPING_START',
  'X_CUSTOM',
]
const CHANNEL_TYPES = ['MESSAGE_CREATE', 'TYPING_START', 'MESSAGE_REACTION_ADD', 'X_CUSTOM']
const OTHER_TYPES = ['USER_UPDATE', 'RELATIONSHIP_ADD', 'GUILD_CREATE', 'X_CUSTOM']

export interface ProbeOptions {
  steps: number
  windowMs?: number
  bufferSize?: number
  /** While debugging: a session id whose engine subscribe and unsubscribe events join the steps. */
  watch?: string
}

/** Deep equality of JSON data (what frames, results and lists are). */
function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
const clone = <T>(x: T): T => (x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T))

/** A disagreement between the engine and the oracle, with the steps that led to it. */
export class Disagreement extends Error {}

/** Runs one seeded history beside the oracle; throws `Disagreement` at the first difference. */
export function runHistory(seed: number, opts: ProbeOptions): { steps: string[] } {
  const { sim, oracle, r } = buildWorld(seed, {
    windowMs: opts.windowMs ?? 30_000,
    bufferSize: opts.bufferSize ?? 6,
  })
  const steps: string[] = []
  if (opts.watch !== undefined) {
    const watch = opts.watch
    sim.inspect((e) => {
      if ((e.type === 'subscribe' || e.type === 'unsubscribe') && JSON.stringify(e).includes(watch))
        steps.push(`    [engine ${e.type}] ${JSON.stringify(e).slice(0, 300)}`)
    })
  }
  const fail = (what: string, got?: unknown, want?: unknown): never => {
    throw new Disagreement(
      `seed ${seed}, step ${steps.length}: ${what}\n got:  ${show(got)}\n want: ${show(want)}\n steps:\n  ${steps.slice(-40).join('\n  ')}`,
    )
  }

  /** Compares one frame, filling the oracle's ANY fields from the engine's first showing. */
  const frameMatches = (o: OFrame, e: Frame, where: string): void => {
    for (const k of ['op', 't', 's', 'd'] as const) {
      if (o[k] === ANY) (o as unknown as Record<string, unknown>)[k] = clone(e[k])
      else if (!isDeepStrictEqual(o[k], e[k])) fail(`${where}: frame field ${k}`, e, o)
    }
  }

  /** Takes what the engine sent a session in a step the oracle does not model, checking its seqs. */
  const adopt = (o: OSession): void => {
    const state = sim.states.fetchRaw(o.id)
    if (!state || state.status === 'closed') return
    if (unread.has(o.id)) {
      while (o.seq < state.seq) oracle.sendUnknown(o)
      return
    }
    const frames = state.frames
    for (let i = 0; i < Math.min(frames.length, o.log.length); i++)
      frameMatches(o.log[i]!, frames[i]!, `session ${o.id} frame ${i}`)
    for (let i = o.log.length; i < frames.length; i++) {
      const f = frames[i]!
      const copy: OFrame = clone({ op: f.op, t: f.t, s: f.s, d: f.d })
      o.log.push(copy)
      if (typeof f.s === 'number') {
        if (f.s !== o.seq + 1) fail(`session ${o.id}: adopted frame's s`, f.s, o.seq + 1)
        o.seq = f.s
        o.buffer.push(copy)
        if (o.buffer.length > oracle.bufferSize) o.buffer.shift()
      }
    }
    while (o.seq < state.seq) oracle.sendUnknown(o)
  }

  /** The view IDENTIFY handed out, kept past the close (docs/design/semantics.md §10: a live view). */
  const views = new Map<string, GatewayState>()
  /** Sessions whose frames are first read after they close (the view then builds them). */
  const unread = new Set<string>()

  const compareAll = (): void => {
    for (const o of oracle.sessions) {
      const view = views.get(o.id)!
      if (view.status !== o.status)
        fail(`session ${o.id}: status of the view`, view.status, o.status)
      if (o.status === 'closed') {
        // A closed session's view still reads what its socket received, whenever it is read.
        if (view.frames.length !== o.log.length)
          fail(`closed ${o.id}: frame count`, view.frames.map(brief), o.log.map(brief))
        view.frames.forEach((f, i) => frameMatches(o.log[i]!, f, `closed ${o.id} frame ${i}`))
      }
      const state = sim.states.fetchRaw(o.id)
      const status = state?.status ?? 'closed'
      if (status !== o.status) fail(`session ${o.id} status`, status, o.status)
      if (o.status === 'closed' || !state) continue
      if (state.seq !== o.seq) fail(`session ${o.id} seq`, state.seq, o.seq)
      if (unread.has(o.id)) continue
      if (state.frames.length !== o.log.length)
        fail(`session ${o.id} frame count`, state.frames.map(brief), o.log.map(brief))
      state.frames.forEach((f, i) => frameMatches(o.log[i]!, f, `session ${o.id} frame ${i}`))
    }
    const liveIds = oracle
      .live()
      .map((s) => s.id)
      .sort()
    const engineIds = sim.states
      .all()
      .filter((s) => s.status !== 'closed')
      .map((s) => s.sessionId)
      .sort()
    if (!isDeepStrictEqual(engineIds, liveIds)) fail('live sessions', engineIds, liveIds)
    for (const g of GUILD_IDS) {
      const got = sim.dispatcher.subscribers('guild', g)
      if (!isDeepStrictEqual(got, oracle.list(`guild:${g}`)))
        fail(`subscribers guild ${g}`, got, oracle.list(`guild:${g}`))
      const lazy = [...sim.dispatcher.subscribers('lazy_guild', g)].sort()
      const want = oracle
        .considered('lazy_guild', g)
        .map((s) => s.id)
        .sort()
      if (!isDeepStrictEqual(lazy, want)) {
        const chans = [...oracle.channels.values()].filter((c) => c.guildId === g)
        const who = [...lazy, ...want].map((id) => {
          const o = oracle.session(id)
          return `${id.slice(0, 6)} user ${o.userId} ${chans.map((c) => `${c.id}:${oracle.canView(o.userId, c.id)}/${sim.world.canView(o.userId, c.id)}`).join(' ')}`
        })
        fail(`subscribers lazy_guild ${g} (${who.join('; ')})`, lazy, want)
      }
    }
    for (const c of oracle.channels.keys()) {
      const got = sim.dispatcher.subscribers('channel', c)
      const want = oracle.list(`channel:${c}`)
      if (!isDeepStrictEqual(got, want)) {
        const missing = [
          ...got.filter((x) => !want.includes(x)),
          ...want.filter((x) => !got.includes(x)),
        ]
        const diff = missing.length > 0 ? missing : got
        const who = diff.map((id) => {
          const o = oracle.session(id)
          return `${id.slice(0, 6)} user ${o.userId} ${o.status} shard ${o.shard.join('/')} canView ${oracle.canView(o.userId, c)} engine canView ${sim.world.canView(o.userId, c)}`
        })
        fail(`subscribers channel ${c} (${who.join('; ')})`, got, want)
      }
    }
    for (const u of USER_IDS) {
      const got = [...sim.dispatcher.subscribers('friend', u)].sort()
      const want = [...oracle.links]
        .filter((l) => l.startsWith(`${u}>`))
        .map((l) => l.slice(u.length + 1))
        .sort()
      if (!isDeepStrictEqual(got, want)) fail(`friend links of ${u}`, got, want)
      const states = sim.states.userStates(u).map((s) => s.sessionId)
      const wantStates = oracle.userSessions(u).map((s) => s.id)
      if (!isDeepStrictEqual(states, wantStates)) fail(`userStates(${u})`, states, wantStates)
    }
  }

  const compareResult = (e: DispatchResult, o: OResult, backend: string, where: string): void => {
    const unordered = backend === 'friend' || backend === 'lazy_guild'
    const norm = (x: OResult | DispatchResult): unknown => {
      const sk = x.skipped.map((s) => `${s.sessionId}:${s.reason}`)
      return unordered
        ? { d: [...x.delivered].sort(), b: [...x.buffered].sort(), s: sk.sort() }
        : { d: [...x.delivered], b: [...x.buffered], s: sk }
    }
    if (!isDeepStrictEqual(norm(e), norm(o))) fail(`${where}: result`, norm(e), norm(o))
  }

  const randomKey = (backend: string): { key: string; engineKey: string | [string, string] } => {
    switch (backend) {
      case 'guild':
      case 'lazy_guild':
        return { key: r.pick(GUILD_IDS), engineKey: '' }
      case 'channel':
        return { key: r.pick([...oracle.channels.keys()]), engineKey: '' }
      case 'member': {
        const g = r.pick(GUILD_IDS)
        const u = r.pick(USER_IDS)
        return { key: `${g}:${u}`, engineKey: [g, u] }
      }
      default:
        return { key: r.pick(USER_IDS), engineKey: '' }
    }
  }

  const randomPayload = (backend: string, key: string, type: string): Record<string, unknown> => {
    const c = backend === 'channel' ? oracle.channels.get(key) : undefined
    const guildId = backend === 'guild' ? key : c?.guildId !== undefined ? c.guildId : undefined
    const p: Record<string, unknown> = { n: r.int(1000), nested: { list: [1, { x: 'y' }] } }
    if (guildId !== undefined) p.guild_id = guildId
    if (type === 'GUILD_MEMBER_UPDATE') p.user = { id: r.pick(USER_IDS) }
    if (type === 'MESSAGE_CREATE') {
      p.author = { id: r.pick(USER_IDS) }
      p.mentions = r.chance(0.5) ? [{ id: r.pick(USER_IDS) }] : []
      p.content = 'hello'
      p.embeds = [{ title: 't' }]
      p.attachments = [{ id: '1' }]
      p.components = [{ type: 1 }]
      if (r.chance(0.5)) p.poll = { q: 'x' }
    }
    return p
  }

  const doDispatch = (mode: 'plain' | 'filter' | 'many' | 'list'): void => {
    const backend = r.pick([
      'guild',
      'guild',
      'channel',
      'channel',
      'member',
      'user',
      'friend',
      'lazy_guild',
    ])
    const types =
      backend === 'guild' ? GUILD_TYPES : backend === 'channel' ? CHANNEL_TYPES : OTHER_TYPES
    const type = r.pick(
      mode === 'plain' || mode === 'filter'
        ? types
        : types.filter((t) => !t.startsWith('MESSAGE_') && t !== 'TYPING_START'),
    )
    if (mode === 'plain' || mode === 'filter') {
      const { key, engineKey } = randomKey(backend)
      const payload = randomPayload(backend, key, type)
      const chosen = new Set(oracle.sessions.filter(() => r.chance(0.5)).map((s) => s.id))
      const filter = mode === 'filter' ? (id: string): boolean => chosen.has(id) : undefined
      steps.push(
        `${mode} ${backend} ${key} ${type} ${mode === 'filter' ? JSON.stringify([...chosen]) : ''}`,
      )
      const want = oracle.dispatch(backend, key, type, payload, filter)
      const k = engineKey === '' ? key : engineKey
      const got = filter
        ? sim.dispatcher.dispatchFilter(backend as never, k, filter, type, payload)
        : sim.dispatcher.dispatch(backend as never, k, type, payload)
      compareResult(got, want, backend, `dispatch ${backend} ${key} ${type}`)
      return
    }
    const keys = [randomKey(backend), randomKey(backend), randomKey(backend)].slice(0, 1 + r.int(3))
    const payload = randomPayload(backend, keys[0]!.key, type)
    // A payload shared by keys of different guilds would be a guild message for one only: keep it
    // neutral so the oracle's redaction rule reads the same payload the engine does.
    delete payload.guild_id
    const engineKeys = keys.map((k) => (k.engineKey === '' ? k.key : k.engineKey))
    if (mode === 'many') {
      steps.push(`dispatchMany ${backend} ${keys.map((k) => k.key).join(',')} ${type}`)
      const want = keys.map((k) => oracle.dispatch(backend, k.key, type, payload))
      const got = sim.dispatcher.dispatchMany(backend as never, engineKeys, type, payload)
      got.forEach((g, i) => compareResult(g, want[i]!, backend, `dispatchMany #${i}`))
      return
    }
    const initial = oracle.sessions.filter(() => r.chance(0.2)).map((s) => s.id)
    steps.push(
      `dispatchManyFilterList ${backend} ${keys.map((k) => k.key).join(',')} ${type} ${JSON.stringify(initial)}`,
    )
    const reached = [...initial]
    for (const k of keys) {
      const res = oracle.dispatch(backend, k.key, type, payload, (id) => !reached.includes(id))
      reached.push(
        ...res.delivered,
        ...res.buffered,
        ...res.skipped.filter((s) => s.reason === 'send-failed').map((s) => s.sessionId),
      )
    }
    const list = [...initial]
    const got = sim.dispatcher.dispatchManyFilterList(
      backend as never,
      engineKeys,
      list,
      type,
      payload,
    )
    if (got !== list) fail('dispatchManyFilterList returns the same array')
    const norm = (xs: string[]): string[] =>
      backend === 'friend' || backend === 'lazy_guild' ? [...xs].sort() : xs
    if (!isDeepStrictEqual(norm(got), norm(reached)))
      fail('dispatchManyFilterList list', got, reached)
  }

  const liveSessions = (): OSession[] => oracle.live()

  for (let i = 0; i < opts.steps; i++) {
    const roll = r.int(100)
    const live = liveSessions()
    if (roll < 14 || live.length === 0) {
      const userId = r.pick(USER_IDS)
      const intents = r.pick(INTENT_CHOICES)
      const shard = r.pick(SHARDS)
      steps.push(`identify ${userId} intents=${intents} shard=${shard.join('/')}`)
      const state = sim.gateway.identify({
        userId,
        intents,
        shard,
        presence: { status: 'offline' },
      })
      steps[steps.length - 1] += ` -> ${state.sessionId}`
      views.set(state.sessionId, state)
      if (r.chance(0.3)) unread.add(state.sessionId)
      const { guilds } = oracle.identify(state.sessionId, userId, intents, shard)
      if (!unread.has(state.sessionId)) {
        const ready = state.frames[0]?.d as { guilds?: { id: string }[] } | undefined
        const readyGuilds = (ready?.guilds ?? []).map((g) => g.id).sort()
        if (!isDeepStrictEqual(readyGuilds, [...guilds].sort()))
          fail('READY guilds', readyGuilds, guilds)
      }
    } else if (roll < 22) {
      const s = r.pick(live)
      if (s.status === 'connected') {
        steps.push(`disconnect ${s.id}`)
        sim.gateway.disconnect(s.id)
        oracle.disconnect(s)
      } else {
        if (s.failing) {
          sim.gateway.failSocket(s.id, false)
          s.failing = false
        }
        const choices = [s.seq, Math.max(0, s.seq - 1 - r.int(8)), s.seq + 1]
        const seq = r.pick(choices)
        steps.push(`resume ${s.id} seq=${seq} (session seq ${s.seq}, failing ${s.failing})`)
        const want = oracle.resume(s, seq)
        let got: ReturnType<typeof sim.gateway.resume> | { close: number }
        try {
          got = sim.gateway.resume(s.id, seq)
        } catch (e) {
          if (!(e instanceof GatewayCloseError)) throw e
          got = { close: e.code }
        }
        if ('close' in want) {
          if (!('close' in got) || got.close !== 4007) fail('resume above seq', got, want)
        } else if (want.resumed) {
          if (!('resumed' in got) || !got.resumed) return fail('resume', got, want)
          if (got.replayed.length !== want.replayed.length)
            fail('replayed count', got.replayed.map(brief), want.replayed.map(brief))
          got.replayed.forEach((f, j) => frameMatches(want.replayed[j]!, f, `replayed ${j}`))
          if (unread.has(s.id)) {
            // RESUMED, unseen until the close: with a seq if it took one.
            if (sim.states.fetchRaw(s.id)!.seq > s.seq) oracle.sendUnknown(s)
            else s.log.push({ op: ANY, t: 'RESUMED', s: ANY, d: ANY })
          } else {
            adopt(s) // RESUMED itself
            const last = s.log[s.log.length - 1]
            if (last?.t !== 'RESUMED') fail('last frame after a resume', last, 'RESUMED')
          }
        } else if (!('resumed' in got) || got.resumed || got.reason !== want.reason) {
          fail('resume refused', got, want)
        } else adopt(s)
      }
    } else if (roll < 26) {
      const s = r.pick(live)
      steps.push(`invalidate ${s.id}`)
      sim.gateway.invalidate(s.id)
      // A connected socket is told: INVALID_SESSION (op 9) before the close, as Discord does.
      if (s.status === 'connected' && !s.failing) s.log.push({ op: 9, t: null, s: null, d: ANY })
      oracle.close(s)
    } else if (roll < 31) {
      const ms = r.pick([1_000, 10_000, 29_000, 30_000, 45_000])
      steps.push(`advance ${ms}`)
      sim.clock.advance(ms)
      oracle.advance(ms)
    } else if (roll < 35) {
      const s = r.pick(live)
      const failing = !s.failing
      steps.push(`failSocket ${s.id} ${failing}`)
      sim.gateway.failSocket(s.id, failing)
      s.failing = failing
    } else if (roll < 45) {
      // Raw subscription churn: leave-then-rejoin leaves holes in the engine's lists.
      const s = r.pick(live)
      const backend = r.pick(['guild', 'channel'])
      const key = backend === 'guild' ? r.pick(GUILD_IDS) : r.pick([...oracle.channels.keys()])
      const topic = `${backend}:${key}`
      const how = r.int(3)
      const ids = live.filter(() => r.chance(0.5)).map((x) => x.id)
      steps.push(`${['sub', 'unsub', 'subMany'][how]} ${topic} ${how === 2 ? ids.join(',') : s.id}`)
      if (how === 0) {
        sim.dispatcher.sub(backend as never, key, s.id)
        oracle.sub(topic, s.id)
      } else if (how === 1) {
        sim.dispatcher.unsub(backend as never, key, s.id)
        oracle.unsub(topic, s.id)
      } else {
        sim.dispatcher.subMany(backend as never, key, ids)
        for (const id of ids) oracle.sub(topic, id)
      }
    } else if (roll < 50) {
      // Many sessions leave one topic at once.
      const backend = r.pick(['guild', 'channel'])
      const key = backend === 'guild' ? r.pick(GUILD_IDS) : r.pick([...oracle.channels.keys()])
      const topic = `${backend}:${key}`
      const leaving = oracle.list(topic).filter(() => r.chance(0.7))
      steps.push(`unsub-many ${topic} ${leaving.join(',')}`)
      for (const id of leaving) {
        sim.dispatcher.unsub(backend as never, key, id)
        oracle.unsub(topic, id)
      }
    } else if (roll < 78) {
      doDispatch(r.pick(['plain', 'plain', 'plain', 'filter', 'many', 'list'] as const))
    } else if (roll < 84) {
      // op 14, from a connected session: only the requester hears anything.
      const s = r.pick(live)
      const g = r.pick(GUILD_IDS)
      const chans = [...oracle.channels.values()].filter((c) => c.guildId === g && c.type === 0)
      const asked = chans.filter(() => r.chance(0.6))
      const request: Record<string, [number, number][]> = {}
      for (const c of asked) request[c.id] = r.chance(0.2) ? [] : [[0, 9 + r.int(3) * 10]]
      steps.push(`requestMemberList ${s.id} ${g} ${JSON.stringify(request)}`)
      const before = oracle.sessions.map((x) => sim.states.fetchRaw(x.id)?.seq)
      try {
        sim.gateway.requestMemberList(s.id, g, request)
      } catch (e) {
        // Refused whole (not connected, not a member): nothing may have changed.
        if (s.status === 'connected' && oracle.guilds.get(g)!.members.has(s.userId)) throw e
        adopt(s)
        compareAll()
        continue
      }
      if (s.status !== 'connected') fail('op 14 from a session not connected was accepted')
      oracle.sessions.forEach((x, j) => {
        if (x !== s && sim.states.fetchRaw(x.id)?.seq !== before[j])
          fail(`op 14 of ${s.id} sent to ${x.id}`)
      })
      // docs/design/semantics.md §6: a new request replaces the session's ranges of each list it names (through a channel
      // the user can read); channels of one list add up their ranges.
      const named = new Map<string, boolean>()
      for (const [c, ranges] of Object.entries(request)) {
        if (!oracle.canView(s.userId, c)) continue
        const list = oracle.listKey(c)
        named.set(list, (named.get(list) ?? false) || ranges.length > 0)
      }
      for (const [list, holds] of named) {
        if (holds) s.holds.add(list)
        else s.holds.delete(list)
      }
      adopt(s)
    } else if (roll < 90 && seed % 2 === 0) {
      // world.updateMember: data only (docs/design/semantics.md §10): permissions change, subscriptions do not.
      const g = oracle.guilds.get(r.pick(GUILD_IDS))!
      const members = [...g.members.keys()]
      const u = r.pick(members)
      const roles = g.roles
        .slice(1)
        .filter(() => r.chance(0.5))
        .map((x) => x.id)
      steps.push(`world.updateMember ${g.id} ${u} roles=${roles.join(',')}`)
      sim.world.updateMember(g.id, u, { roles })
      g.members.set(u, roles)
    } else {
      // Actions that move subscriptions: joinGuild, leaveGuild, setMemberRoles.
      const g = oracle.guilds.get(r.pick(GUILD_IDS))!
      // Odd seeds change roles through the action only, so no world.updateMember has left
      // subscriptions out of step with permissions before it (the contract says nothing of that).
      const kind = seed % 2 === 0 ? r.int(2) : r.int(3)
      const before = new Map(oracle.sessions.map((x) => [x.id, x.seq]))
      const lengths = new Map([...oracle.topics].map(([t, l]) => [t, l.length]))
      if (kind === 0) {
        const outside = USER_IDS.filter((u) => !g.members.has(u))
        if (outside.length === 0) continue
        const u = r.pick(outside)
        steps.push(`actions.joinGuild ${g.id} ${u}`)
        const want = oracle.dispatch('guild', g.id, 'GUILD_MEMBER_ADD', {})
        // The oracle's sends above are placeholders for the engine's payload.
        for (const x of oracle.sessions)
          for (const f of x.buffer)
            if (f.t === 'GUILD_MEMBER_ADD' && f.s === x.seq && x.seq !== before.get(x.id)) f.d = ANY
        const results = sim.actions.joinGuild(g.id, u)
        compareResult(results[0]!, want, 'guild', 'joinGuild GUILD_MEMBER_ADD')
        g.members.set(u, [])
        subscribeMember(g.id, u)
      } else if (kind === 1) {
        const inside = [...g.members.keys()].filter((u) => u !== g.ownerId)
        if (inside.length === 0) continue
        const u = r.pick(inside)
        steps.push(`actions.leaveGuild ${g.id} ${u}`)
        sim.actions.leaveGuild(g.id, u)
        g.members.delete(u)
        for (const s of oracle.userSessions(u)) {
          oracle.unsub(`guild:${g.id}`, s.id)
          for (const c of oracle.channels.values())
            if (c.guildId === g.id) oracle.unsub(`channel:${c.id}`, s.id)
          for (const h of [...s.holds]) if (h.startsWith(`${g.id}/`)) s.holds.delete(h)
        }
      } else {
        const u = r.pick([...g.members.keys()])
        const roles = g.roles
          .slice(1)
          .filter(() => r.chance(0.5))
          .map((x) => x.id)
        steps.push(`actions.setMemberRoles ${g.id} ${u} roles=${roles.join(',')}`)
        sim.actions.setMemberRoles(g.id, u, roles)
        g.members.set(u, roles)
        adjustChannels(g.id, u)
        // A list whose channels the member can no longer read is no longer kept for its sessions (docs/design/semantics.md §6).
        for (const x of oracle.userSessions(u))
          for (const h of [...x.holds]) {
            const readable = [...oracle.channels.values()].some(
              (c) => c.guildId === g.id && oracle.listKey(c.id) === h && oracle.canView(u, c.id),
            )
            if (h.startsWith(`${g.id}/`) && !readable) x.holds.delete(h)
          }
      }
      // In what order one call adds one user's sessions is not the contract's (docs/design/semantics.md §5 orders a fan-out
      // by the order sessions were added): take the engine's order for the block it appended.
      for (const [topic, list] of oracle.topics) {
        const from = lengths.get(topic) ?? 0
        if (list.length <= from) continue
        const [backend, key] = topic.split(':') as [string, string]
        const got = sim.dispatcher.subscribers(backend as never, key)
        const block = got.slice(from)
        if (
          isDeepStrictEqual(got.slice(0, from), list.slice(0, from)) &&
          isDeepStrictEqual([...block].sort(), list.slice(from).sort())
        )
          list.splice(from, list.length - from, ...block)
      }
      for (const x of oracle.sessions) adopt(x)
    }
    compareAll()
  }

  function subscribeMember(guildId: string, userId: string): void {
    for (const s of oracle.userSessions(userId))
      if (oracle.serves(s, guildId)) oracle.sub(`guild:${guildId}`, s.id)
    adjustChannels(guildId, userId)
  }
  function adjustChannels(guildId: string, userId: string): void {
    // The sessions that hear the guild: its topic's subscribers (docs/design/semantics.md §8 "keeps them in step").
    for (const s of oracle.userSessions(userId)) {
      if (!oracle.list(`guild:${guildId}`).includes(s.id)) continue
      for (const c of oracle.channels.values()) {
        if (c.guildId !== guildId || c.type !== 0) continue
        if (oracle.canView(userId, c.id)) oracle.sub(`channel:${c.id}`, s.id)
        else oracle.unsub(`channel:${c.id}`, s.id)
      }
    }
  }

  return { steps }
}

function brief(f: { t: unknown; s: unknown }): string {
  return `${String(f.t === ANY ? '?' : f.t)}#${String(f.s === ANY ? '?' : f.s)}`
}
function show(x: unknown): string {
  try {
    return JSON.stringify(x, (_k, v: unknown) =>
      v === ANY ? '<any>' : typeof v === 'bigint' ? `${v}n` : v,
    )
  } catch {
    return String(x)
  }
}
