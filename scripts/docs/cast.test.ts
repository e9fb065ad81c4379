import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fixtureF } from '../../src/docs/model/litecordCompare.ts'
import { CAST } from '../../src/scenarios/cast.ts'
import { docScenarios, scenarioById, type Scenario } from '../../src/scenarios/index.ts'
import { createCallEngine, groupCalls } from '../../src/calls/index.ts'
import { recordStep } from '../../src/store/connectEngine.ts'
import type { Simulation } from '../../src/store/engineValues.ts'
import { codeBlocksOf, linksOf, loadPages, proseOf } from './mdxPages.ts'

// One cast across the docs' example worlds: the docs' scenarios, the playground scenarios a page links
// to, the comparisons with litecord, and every id a page's prose or code pairs with a name. bob is one
// user id everywhere and guild 20971520 has one name (src/scenarios/cast.ts), unless a page says why
// its world differs.

type Kind = 'user' | 'guild' | 'channel' | 'role'
interface Naming {
  readonly kind: Kind
  readonly id: string
  readonly name: string
  readonly where: string
}

function worldNamings(sim: Simulation, where: string): Naming[] {
  const w = sim.world
  return [
    ...w.users().map((u) => ({ kind: 'user' as const, id: u.id, name: u.username, where })),
    ...w.guilds().map((g) => ({ kind: 'guild' as const, id: g.id, name: g.name, where })),
    ...w
      .channels()
      .filter((c) => c.name !== null)
      .map((c) => ({ kind: 'channel' as const, id: c.id, name: c.name ?? '', where })),
    ...w.guilds().flatMap((g) =>
      w
        .roles(g.id)
        .filter((r) => r.id !== g.id)
        .map((r) => ({ kind: 'role' as const, id: r.id, name: r.name, where })),
    ),
  ]
}

function scenarioNamings(s: Scenario): Naming[] {
  const run = createCallEngine(s.seed)
  groupCalls(s.calls).forEach((calls, i) => recordStep(run, calls, i))
  return worldNamings(run.sim, `scenario ${s.id}`)
}

const PATTERNS: readonly [Kind, RegExp][] = [
  ['user', /createUser\(\{ id: '(\d+)', username: '([^']+)'/g],
  ['guild', /createGuild\(\{ id: '(\d+)', name: '([^']+)'/g],
  ['channel', /createChannel\(\{ id: '(\d+)', guildId: '\d+', name: '([^']+)'/g],
  // Prose: "bob (`11`)", "Fanout HQ (`20971520`", "#staff (`101`".
  ['user', /\b(alice|bob|carol|dave|erin|logbot|fanbot) \(`(\d+)`/g],
  ['guild', /\b(Fanout HQ|Book club) \(`(\d+)`/g],
  ['channel', /#([a-z-]+) \(`(\d+)`/g],
]

/** Names paired with ids in a text (code or prose). */
export function textNamings(text: string, where: string): Naming[] {
  const out: Naming[] = []
  for (const [kind, re] of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const [a = '', b = ''] = [m[1], m[2]]
      const idFirst = /^\d+$/.test(a)
      out.push({ kind, id: idFirst ? a : b, name: idFirst ? b : a, where })
    }
  }
  return out
}

/** Every way the namings disagree with each other or with the cast. */
export function castProblems(namings: readonly Naming[]): string[] {
  const problems: string[] = []
  const byId = new Map<string, Naming>()
  const castOf: Record<Kind, Record<string, string>> = {
    user: CAST.users,
    guild: CAST.guilds,
    channel: {},
    role: CAST.roles,
  }
  for (const n of namings) {
    const key = `${n.kind} ${n.id}`
    const first = byId.get(key)
    if (first && first.name !== n.name) {
      problems.push(`${key} is “${first.name}” (${first.where}) and “${n.name}” (${n.where})`)
    }
    if (!first) byId.set(key, n)
    const cast = castOf[n.kind]
    const castId = cast[n.name]
    const castName = Object.entries(cast).find(([, id]) => id === n.id)?.[0]
    if (castId !== undefined && castId !== n.id) {
      problems.push(`${n.kind} “${n.name}” is ${castId} in the cast, ${n.id} in ${n.where}`)
    }
    if (castName !== undefined && castName !== n.name) {
      problems.push(`${n.kind} ${n.id} is “${castName}” in the cast, “${n.name}” in ${n.where}`)
    }
  }
  return problems
}

const pages = loadPages()
const linked = [
  ...new Set(
    pages.flatMap((p) =>
      linksOf(p)
        .map((l) => /^\/play\/([a-z0-9-]+)/.exec(l.href)?.[1])
        .filter((id): id is string => id !== undefined),
    ),
  ),
]

describe('one cast across the docs’ example worlds', () => {
  it('the docs’ scenarios and the scenarios the pages link to agree with the cast', () => {
    const worlds = [...docScenarios, ...linked.map((id) => scenarioById(id) as Scenario)]
    const namings = worlds.flatMap((s) => [
      ...scenarioNamings(s),
      ...textNamings(s.code ?? '', `${s.id}'s code`),
    ])
    expect(castProblems(namings)).toEqual([])
  })

  it('every page’s prose and code agree with the cast, and so do the litecord comparisons', () => {
    const namings = [
      ...worldNamings(fixtureF().sim, 'the litecord comparisons (fixture F)'),
      ...pages.flatMap((p) => [
        ...proseOf(p).flatMap((t) => textNamings(t, `${p.info.path} prose`)),
        ...codeBlocksOf(p).flatMap((b) => textNamings(b.code, `${p.info.path} line ${b.line}`)),
      ]),
    ]
    expect(castProblems(namings)).toEqual([])
  })

  it('the pages that show litecord’s own test guild say that it is another world, and why', () => {
    for (const file of ['lazy-member-list', 'litecord']) {
      const text = readFileSync(`src/docs/content/${file}.mdx`, 'utf8').replace(/\s+/g, ' ')
      expect(text, file).toMatch(
        /leaves? the docs' usual world for litecord's own test guild, so that/,
      )
    }
  })

  it('catches bob under two ids, or Fanout HQ under another name', () => {
    expect(
      castProblems(textNamings("world.createUser({ id: '20', username: 'bob' })", 'a page')),
    ).toEqual(['user “bob” is 11 in the cast, 20 in a page'])
    expect(castProblems(textNamings('guild Lobby (`20971520`)', 'x'))).toEqual([])
    expect(
      castProblems(textNamings("createGuild({ id: '20971520', name: 'Lobby' })", 'a page')),
    ).toEqual(['guild 20971520 is “Fanout HQ” in the cast, “Lobby” in a page'])
  })
})
