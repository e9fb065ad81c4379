import { describe, expect, it } from 'vitest'
import { createSimulation, Intents } from '../index.ts'
import { rng } from './world.ts'

/**
 * Topic lists under churn (docs/design/semantics.md §4, §5: "sessions are dispatched to in
 * subscription order (the order they were added)"; unsubscribing an id that is not there does
 * nothing; a closed session is removed from every list). Many sessions on a few topics, leaving in
 * bursts, subscribing again, closing: the engine's lists and fan-out order must stay those of a plain
 * array that appends and splices.
 */
function churn(seed: number, sessions: number, steps: number): void {
  const r = rng(seed)
  const sim = createSimulation({ seed, resumeWindowMs: 1_000 })
  const users = Array.from({ length: 8 }, (_, i) => String(100 + i))
  users.forEach((id) => sim.world.createUser({ id, username: `u${id}` }))
  const guilds = ['4194304', '8388608']
  for (const g of guilds) {
    sim.world.createGuild({ id: g, name: g, ownerId: users[0]! })
    for (const u of users.slice(1)) sim.world.addMember(g, u)
    sim.world.createChannel({ id: String(Number(g) + 1), guildId: g, name: 'c' })
  }
  const topics = [
    ...guilds.map((g) => ['guild', g] as const),
    ...guilds.map((g) => ['channel', String(Number(g) + 1)] as const),
  ]
  const model = new Map<string, string[]>(
    topics.map(([b, k]) => [`${b}:${k}`, [...sim.dispatcher.subscribers(b, k)]]),
  )
  const live: string[] = []
  const open = (): void => {
    const s = sim.gateway.identify({ userId: r.pick(users), intents: Intents.ALL })
    live.push(s.sessionId)
    for (const [b, k] of topics) model.get(`${b}:${k}`)!.push(s.sessionId)
  }
  const dropEverywhere = (id: string): void => {
    for (const l of model.values()) if (l.includes(id)) l.splice(l.indexOf(id), 1)
    live.splice(live.indexOf(id), 1)
  }
  for (let i = 0; i < sessions; i++) open()
  const history: string[] = []
  for (let step = 0; step < steps; step++) {
    const [b, k] = r.pick(topics)
    const list = model.get(`${b}:${k}`)!
    const roll = r.int(10)
    if (roll < 3) {
      // A burst: most of the topic leaves at once (more than half: compaction).
      const leaving = list.filter(() => r.chance(0.8))
      history.push(`burst-unsub ${b}:${k} ${leaving.length}`)
      for (const id of leaving) sim.dispatcher.unsub(b, k, id)
      for (const id of leaving) list.splice(list.indexOf(id), 1)
    } else if (roll < 6 && live.length > 0) {
      // Leavers come back, in a random order, some twice (the second is a no-op).
      const back = live.filter(() => r.chance(0.5))
      history.push(`resub ${b}:${k} ${back.length}`)
      for (const id of back) {
        sim.dispatcher.sub(b, k, id)
        if (!list.includes(id)) list.push(id)
        if (r.chance(0.2)) sim.dispatcher.sub(b, k, id)
      }
    } else if (roll < 7 && live.length > 0) {
      const id = r.pick(live)
      history.push(`invalidate ${id}`)
      sim.gateway.invalidate(id)
      dropEverywhere(id)
    } else if (roll < 8) {
      history.push('open')
      open()
    } else if (roll < 9 && live.length > 0) {
      // unsub of one that is not there, then one that is.
      const id = r.pick(live)
      history.push(`unsub twice ${b}:${k} ${id}`)
      sim.dispatcher.unsub(b, k, id)
      sim.dispatcher.unsub(b, k, id)
      if (list.includes(id)) list.splice(list.indexOf(id), 1)
    } else {
      history.push(`dispatch ${b}:${k}`)
      const res = sim.dispatcher.dispatch(b, k, 'X_PROBE', { step })
      expect(
        res.delivered,
        `seed ${seed} step ${step}: fan-out order\n${history.join('\n')}`,
      ).toEqual(list)
    }
    for (const [tb, tk] of topics)
      expect(
        sim.dispatcher.subscribers(tb, tk),
        `seed ${seed} step ${step}: ${tb}:${tk}\n${history.slice(-20).join('\n')}`,
      ).toEqual(model.get(`${tb}:${tk}`))
  }
}

describe('topic lists under leave-then-rejoin churn (semantics.md §4, §5)', () => {
  it('keep subscription order and lose nobody, on 15 seeded histories', () => {
    for (let seed = 1; seed <= 15; seed++) churn(seed, 60, 120)
  }, 20_000)
})
