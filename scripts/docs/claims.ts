// Claims a page's prose makes about the engine, checked against the engine and the scenario data. The
// facts a page *renders* (<Fact />, <FactTable />) cannot be wrong; these checks catch the sentences
// written by hand that state one anyway: "`lazy_guild` checks nothing", "`X` needs `BIT`", "draws a
// bot's two shard sessions", "refused with `CODE`". Each detector returns the claims it finds false.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { probeAll, type Situation } from '../../src/docs/facts/backendProbes.ts'
import { scenarioCounts } from '../../src/docs/facts/scenarioFacts.ts'
import { SKIP_REASON_MEANINGS } from '../../src/docs/facts/skipReasons.ts'
import { GATED_EVENTS, INTENTS } from '../../src/store/engineTables.ts'
import { BACKEND_NAMES } from '../../src/store/engineValues.ts'
import type { Scenario } from '../../src/scenarios/types.ts'
import { proseOf, type MdxPage } from './mdxPages.ts'

/** What a detector needs besides the page: scenarios by id (the test passes the registry). */
export interface ClaimContext {
  readonly scenario: (id: string) => Scenario | undefined
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight']
const toNumber = (w: string) =>
  /^\d+$/.test(w) ? Number(w) : NUMBER_WORDS.indexOf(w.toLowerCase())

/** A block's clauses: split at `;` and at sentence ends, not inside code. */
function clauses(block: string): string[] {
  return block.split(/;\s|(?<=[a-z)\]`*])\.\s(?=[A-Z`[_*])/)
}

const matrix = (() => {
  let m: ReturnType<typeof probeAll> | undefined
  return () => (m ??= probeAll())
})()

/** The reasons (besides `filter` and `send-failed`, which every backend gives) a backend skips for. */
function checksOf(backend: string): Set<string> {
  const row = matrix().find((r) => r.backend === backend)
  const out = new Set<string>()
  for (const [situation, outcome] of Object.entries(row?.outcomes ?? {})) {
    if (situation === outcome && situation !== 'filter' && situation !== 'send-failed') {
      out.add(situation as Situation)
    }
  }
  return out
}

const BACKENDS = new Set<string>(BACKEND_NAMES)
const backendsIn = (clause: string) =>
  [...clause.matchAll(/`([a-z_]+)`|\[`?([a-z_]+)`?\]\(\/docs\/backends\//g)]
    .map((m) => m[1] ?? m[2] ?? '')
    .filter((b) => BACKENDS.has(b))

/** "`user`, `friend` and `lazy_guild` check nothing", "`member` checks the shard only". */
export function falseBackendChecks(page: MdxPage): string[] {
  const out: string[] = []
  for (const block of proseOf(page))
    for (const clause of clauses(block)) {
      const nothing = /\bchecks? nothing\b/.test(clause)
      const shardOnly = /\bchecks? (the )?`?shard`? only\b/.test(clause)
      if (!nothing && !shardOnly) continue
      for (const b of backendsIn(clause)) {
        const has = [...checksOf(b)]
        const ok = nothing ? has.length === 0 : has.length === 1 && has[0] === 'shard'
        if (!ok) out.push(`“${clause}”: \`${b}\` checks ${has.join(', ') || 'nothing'}`)
      }
    }
  // A backend page's summary row: the reasons it names are the ones the engine gives.
  const own = page.info.path.startsWith('/docs/backends/') ? page.info.title : null
  if (own) {
    const row = proseOf(page).findIndex((b) => b === '**checks**' || b === 'checks')
    const cell = proseOf(page)[row + 1] ?? ''
    const named = new Set(
      [...cell.matchAll(/`([a-z-]+)`/g)]
        .map((m) => m[1] ?? '')
        .filter((r) => r in SKIP_REASON_MEANINGS && r !== 'filter' && r !== 'send-failed'),
    )
    if (/VIEW_CHANNEL/.test(cell)) named.add('permission')
    const want = checksOf(own)
    const same = named.size === want.size && [...want].every((r) => named.has(r))
    if (row >= 0 && !same) {
      out.push(
        `the checks row “${cell}” names ${[...named].join(', ') || 'nothing'}; the engine: ${[...want].join(', ') || 'nothing'}`,
      )
    }
  }
  return out
}

const EVENT_BITS = new Map(GATED_EVENTS)
const BIT_OF = new Map(INTENTS.map((i) => [i.name, i.bit]))

/** "`MESSAGE_CREATE` in a DM needs `DIRECT_MESSAGES`": the engine's intents table agrees. */
export function falseIntentClaims(page: MdxPage): string[] {
  const out: string[] = []
  const claim = /((?:`[A-Z_*]+`(?:,? and |, | or | \/ )?)+)([^`;]{0,40}?) needs? `([A-Z_]+)`/g
  for (const block of proseOf(page))
    for (const clause of clauses(block))
      for (const m of clause.matchAll(claim)) {
        const [, events = '', between = '', intent = ''] = m
        const bit = BIT_OF.get(intent as never)
        if (bit === undefined) continue // not an intent name (a permission, say)
        const where = /\bDMs?\b/.test(between) ? 'dm' : /\bguild\b/.test(between) ? 'guild' : 'any'
        for (const e of [...events.matchAll(/`([A-Z_*]+)`/g)].map((x) => x[1] ?? '')) {
          const named = e.endsWith('*')
            ? [...EVENT_BITS.keys()].filter((k) => k.startsWith(e.slice(0, -1)))
            : [e]
          if (named.length === 0) out.push(`“${m[0]}”: no gated event matches ${e}`)
          for (const event of named) {
            const bits = EVENT_BITS.get(event)
            const slots = where === 'any' ? [bits?.guild, bits?.dm] : [bits?.[where]]
            if (!slots.includes(bit)) out.push(`“${m[0]}”: ${event} does not need ${intent} there`)
          }
        }
      }
  return out
}

/** "In a group DM … whatever the intents" is true of `MESSAGE_*` only: the claim must say so. */
export function falseGroupDmClaims(page: MdxPage | readonly string[]): string[] {
  return ('tree' in page ? proseOf(page) : page)
    .flatMap(clauses)
    .filter(
      (c) =>
        /group DM/i.test(c) &&
        /(whatever the intents|no intent check|without (any )?intents? checks?|intents? (are|is) not checked)/i.test(
          c,
        ) &&
        !/MESSAGE_|messages? (events )?pass/i.test(c),
    )
    .map((c) => `“${c}”: in a group DM only MESSAGE_* pass whatever the intents`)
}

/** "the [Sharded bot](/play/sharded-bot) scenario draws a bot's two shard sessions". */
export function falseScenarioNumbers(page: MdxPage, ctx: ClaimContext): string[] {
  const out: string[] = []
  for (const block of proseOf(page))
    for (const clause of clauses(block)) {
      const ids = [...clause.matchAll(/\]\(\/play\/([a-z0-9-]+)\)/g)].map((m) => m[1] ?? '')
      for (const id of ids) {
        const scenario = ctx.scenario(id)
        if (!scenario) continue
        const counts = scenarioCounts(scenario)
        const said =
          /\b(\d+|one|two|three|four|five|six|seven|eight)(?:[- ]shard)? (shards?|sessions?)\b/gi
        for (const m of clause.matchAll(said)) {
          const n = toNumber(m[1] ?? '')
          const what = /shard/i.test(m[0]) ? 'shards' : 'sessions'
          if (n !== counts[what])
            out.push(`“${clause}”: ${id} has ${counts[what]} ${what}, not ${m[1]}`)
        }
      }
    }
  return out
}

/**
 * Every upper-case string literal of the engine's and the wire layer's source (the codes they can refuse
 * with), and the close codes they send: the engine's `GatewayCloseError`s and the wire's close table.
 */
export function engineCodes(root = process.cwd()): { names: Set<string>; closes: Set<number> } {
  const names = new Set<string>()
  const closes = new Set<number>()
  for (const folder of ['src/engine', 'src/wire']) {
    const dir = join(root, folder)
    for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!e.isFile() || !e.name.endsWith('.ts') || e.name.includes('.test')) continue
      const source = readFileSync(join(e.parentPath, e.name), 'utf8')
      for (const m of source.matchAll(/'([A-Z][A-Z0-9_]+)'/g)) names.add(m[1] ?? '')
      for (const m of source.matchAll(/GatewayCloseError\(\s*(\d{4})|^\s*[A-Z_]+: (40\d\d),$/gm)) {
        closes.add(Number(m[1] ?? m[2]))
      }
    }
  }
  return { names, closes }
}

/** Refusal codes a page names: each one the engine has. */
export function falseCodes(page: MdxPage, codes: ReturnType<typeof engineCodes>): string[] {
  const out: string[] = []
  for (const block of proseOf(page)) {
    for (const clause of clauses(block)) {
      // The codes named right after a word that introduces one, up to the next link or list break.
      for (const intro of clause.matchAll(/EngineError|refused|throws?|\bcodes?\b/g)) {
        const after = clause.slice((intro.index ?? 0) + intro[0].length).split(/\[|\. /)[0] ?? ''
        for (const m of after.slice(0, 120).matchAll(/`([A-Z][A-Z0-9_]{3,})`/g)) {
          const name = m[1] ?? ''
          if (!codes.names.has(name) && !EVENT_BITS.has(name))
            out.push(`“${clause}”: no code ${name}`)
        }
      }
    }
    // Discord's close codes the engine does not send may be named only where the block says so.
    if (/not modell?ed|grants them all/.test(block)) continue
    for (const m of block.matchAll(/\b(40\d\d)\b(?! bytes)/g)) {
      const code = Number(m[1])
      if (!codes.closes.has(code)) out.push(`“${block}”: the engine never closes with ${code}`)
    }
  }
  return out
}

const REASONS = new Set([...Object.keys(SKIP_REASON_MEANINGS), 'not-subscribed'])

/** "skipped with reason `X`": X is a reason the engine has. */
export function falseReasons(page: MdxPage): string[] {
  const out: string[] = []
  for (const block of proseOf(page))
    for (const m of block.matchAll(
      /\b(?:skipped|skips|reason)(?: [a-z]+){0,3} \(?(?:reason )?`([a-z-]+)`/g,
    )) {
      if (!REASONS.has(m[1] ?? '')) out.push(`“${m[0]}”: no skip reason ${m[1]}`)
    }
  return out
}

/** "There are five skip reasons", "the six backends". */
export function falseCounts(page: MdxPage): string[] {
  const out: string[] = []
  const want = { reasons: Object.keys(SKIP_REASON_MEANINGS).length, backends: BACKEND_NAMES.length }
  for (const block of proseOf(page))
    for (const m of block.matchAll(
      /\b(\d+|one|two|three|four|five|six|seven|eight) (?:skip )?(reasons|backends)\b/gi,
    )) {
      const n = toNumber(m[1] ?? '')
      const kind = (m[2] ?? '').toLowerCase() as 'reasons' | 'backends'
      if (n !== want[kind]) out.push(`“${m[0]}”: the engine has ${want[kind]} ${kind}`)
    }
  return out
}

/** Every false claim on a page. */
export function falseClaims(page: MdxPage, ctx: ClaimContext, codes = engineCodes()): string[] {
  return [
    ...falseBackendChecks(page),
    ...falseIntentClaims(page),
    ...falseGroupDmClaims(page),
    ...falseScenarioNumbers(page, ctx),
    ...falseCodes(page, codes),
    ...falseReasons(page),
    ...falseCounts(page),
  ]
}

/** A scenario's own words (its summary and explanation) about its shard count. */
export function falseScenarioText(s: Scenario): string[] {
  const counts = scenarioCounts(s)
  const out: string[] = []
  for (const text of [s.summary, ...s.explanation]) {
    for (const m of text.matchAll(/\b(\d+|one|two|three|four|five|six|seven|eight) shards\b/gi)) {
      if (toNumber(m[1] ?? '') !== counts.shards)
        out.push(`${s.id}: “${m[0]}”, but it has ${counts.shards}`)
    }
  }
  return [...out, ...falseGroupDmClaims([s.summary, ...s.explanation]).map((c) => `${s.id}: ${c}`)]
}
