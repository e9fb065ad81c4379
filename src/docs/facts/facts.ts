import { ENGINE_SCOPE, NOT_IN_SCOPE, SIMULATION_SCOPE } from '../../sandbox/scope.ts'
import { CAST, CAST_DETAILS, type CastUser } from '../../scenarios/cast.ts'
import { shardFor } from '../../store/engineTables.ts'
import { BACKEND_NAMES, type BackendName } from '../../store/engineValues.ts'
import { checkOrder, probeAll, SITUATIONS, type Outcome, type Situation } from './backendProbes.ts'
import { FACT_SCENARIOS, memberListOf, scenarioCounts } from './scenarioFacts.ts'
import { channelIntents } from './channelProbes.ts'
import { manyFilterListReached } from './helperProbes.ts'
import {
  dispatchRefusals,
  guildCreateMembers,
  identifyRefusals,
  resumeBufferSize,
  resumeCases,
  resumeWindowMs,
} from './sessionProbes.ts'
import { SKIP_REASON_MEANINGS } from './skipReasons.ts'
import { shardSubscriptions } from './subscriptionTable.ts'

/**
 * Facts the docs state about the engine, each computed from the engine or the scenario data when the
 * site is built (`scripts/docs/remarkFacts.ts` puts them into the pages): `<Fact of="…" />` in a
 * sentence, `<FactTable of="…" />` as a table. Text uses a little Markdown: `code`, **bold**, _em_ and
 * [links](/docs/…).
 */
export interface FactTable {
  readonly header: readonly string[]
  readonly rows: readonly (readonly string[])[]
}

function once<T>(compute: () => T): () => T {
  let value: { v: T } | undefined
  return () => (value ??= { v: compute() }).v
}

const matrix = once(probeAll)
const order = once(checkOrder)

/** The situations a backend skips for (in the engine's order), leaving out the universal two. */
function checksOf(backend: BackendName): Situation[] {
  const row = matrix().find((r) => r.backend === backend)
  return order().filter((s) => s !== 'filter' && s !== 'send-failed' && row?.outcomes[s] === s)
}

const code = (s: string | number) => `\`${s}\``
const list = (words: readonly string[]) =>
  words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`

/** A cell of the checks table: the skip reason, or that the event got through. */
function outcomeCell(o: Outcome | null): string {
  return o === null ? 'not considered' : o === 'delivered' ? 'delivered' : code(o)
}

function refusalCode(rows: readonly { why: string; code: string | number }[], n: number) {
  const row = rows[n]
  if (!row) throw new Error(`facts: no refusal ${n}`)
  return String(row.code)
}

const INLINE: Record<string, () => string> = {
  'resume.buffer': () => String(resumeBufferSize()),
  'resume.windowSeconds': () => String(resumeWindowMs() / 1000),
  'resume.badSeqCode': () => String(resumeCases().find((c) => c.thrown)?.thrown?.code ?? ''),
  'identify.guildCreateMembers': () => String(guildCreateMembers()),
  'dispatchManyFilterList.reached': () => {
    const reached = manyFilterListReached()
    return `${list(reached.map((w) => (w === 'delivered' ? 'delivered' : w === 'buffered' ? 'buffered' : 'failed sends')))} count as reached`
  },
  'identify.unknownUserCode': () => refusalCode(identifyRefusals(), 0),
  'identify.badShardCode': () => refusalCode(identifyRefusals(), 1),
  'identify.badIntentsCode': () => refusalCode(identifyRefusals(), 2),
  'scenario.lazy-guild-backend.list': () => {
    const s = FACT_SCENARIOS['lazy-guild-backend']
    return s ? code(`[${memberListOf(s, 0).join(', ')}]`) : ''
  },
  'backends.list': () => list(BACKEND_NAMES.map(code)),
  'skipReasons.count': () => String(Object.keys(SKIP_REASON_MEANINGS).length),
  'skipReasons.list': () => list(order().map(code)),
  ...Object.fromEntries(
    BACKEND_NAMES.map((b) => [
      `backend.${b}.checks`,
      () => {
        const checks = checksOf(b)
        return checks.length === 0 ? 'nothing' : checks.map(code).join(', then ')
      },
    ]),
  ),
  ...Object.fromEntries(
    Object.values(FACT_SCENARIOS).flatMap((s) =>
      Object.entries(scenarioCounts(s)).map(([k, v]) => [`scenario.${s.id}.${k}`, () => String(v)]),
    ),
  ),
}

const TABLES: Record<string, () => FactTable> = {
  'skip-reasons': () => ({
    header: ['order', 'reason', 'the session…', 'given by'],
    rows: order().map((reason, i) => {
      const by = matrix()
        .filter((r) => r.outcomes[reason] === reason)
        .map((r) => code(r.backend))
      return [
        String(i + 1),
        code(reason),
        SKIP_REASON_MEANINGS[reason],
        by.length === BACKEND_NAMES.length ? 'every backend' : list(by),
      ]
    }),
  }),
  'backend-checks': () => ({
    header: ['the session…', ...BACKEND_NAMES.map(code)],
    rows: SITUATIONS.map(({ situation, words }) => [
      words,
      ...BACKEND_NAMES.map((b) =>
        outcomeCell(matrix().find((r) => r.backend === b)?.outcomes[situation] ?? null),
      ),
    ]),
  }),
  'identify-refusals': () => ({
    header: ['close code', 'why'],
    rows: identifyRefusals().map((r) => [String(r.code), r.why]),
  }),
  'dispatch-refusals': () => ({
    header: ['`code`', 'the call has…'],
    rows: dispatchRefusals().map((r) => [code(r.code), r.why]),
  }),
  'channel-intents': () => ({
    header: ['event', 'guild channel', 'DM', 'group DM'],
    rows: channelIntents().map((r) => [
      code(r.event),
      ...[r.guild, r.dm, r.groupDm].map((i) => (i ? code(i) : 'none: always sent')),
    ]),
  }),
  'shard-subscriptions': shardSubscriptions,
  // The docs' one cast (src/scenarios/cast.ts), which the docs checks hold every example world to.
  cast: () => ({
    header: ['who or what', 'id'],
    rows: [
      ...Object.entries(CAST.users).map(([name, id]) => [
        CAST_DETAILS.bots.includes(name as CastUser) ? `${name} (a bot)` : name,
        code(id),
      ]),
      ...Object.entries(CAST.guilds).map(([name, id]) => [
        `${name} (a guild, \`${BigInt(id) >> 22n} << 22\`)`,
        code(id),
      ]),
      ...Object.entries(CAST.channels).map(([name, id]) => [
        name.includes('DM') ? name : `#${name}`,
        code(id),
      ]),
      ...Object.entries(CAST.roles).map(([name, id]) => [`the ${name} role`, code(id)]),
    ],
  }),
  // What code in the editors can use: the sandbox's own tables (src/sandbox/scope.ts).
  'editor-scope': () => ({
    header: ['in scope', 'what'],
    rows: [
      ...Object.entries(SIMULATION_SCOPE).map(([name, { doc }]) => [code(name), doc]),
      [
        'every value the engine exports',
        Object.keys(ENGINE_SCOPE)
          .map((name) => `[\`${name}\`](/docs/api#${name})`)
          .join(', '),
      ],
      [
        '`console`',
        '`log`, `info`, `warn`, `error`, `debug`: lines in the Console under the editor',
      ],
      ...Object.entries(NOT_IN_SCOPE).map(([name, why]) => [
        'not in scope',
        `${code(name)}: ${why}`,
      ]),
    ],
  }),
  'shard-examples': () => {
    const counts = [2, 3, 16]
    return {
      header: ['guild id', '`id >> 22`', ...counts.map((n) => `${n} shards`)],
      rows: ['20971520', '16777216', '41771983423143937'].map((id) => [
        code(id),
        String(BigInt(id) >> 22n),
        ...counts.map((n) => String(shardFor(id, n))),
      ]),
    }
  },
  resume: () => ({
    header: ['the session is…', '`gateway.resume` answers', 'and then'],
    rows: resumeCases().map((c) => [
      c.situation,
      c.thrown
        ? `throws ${code(c.thrown.name)}, close code **${c.thrown.code}**`
        : code(c.answer ?? ''),
      c.effect,
    ]),
  }),
}

/** A fact for a sentence, by name; throws on an unknown name (the build fails, naming it). */
export function inlineFact(name: string): string {
  const fact = INLINE[name]
  if (!fact) throw new Error(`docs: no fact “${name}” (src/docs/facts/facts.ts lists them)`)
  return fact()
}

/** A fact table by name; throws on an unknown name. */
export function tableFact(name: string): FactTable {
  const table = TABLES[name]
  if (!table) throw new Error(`docs: no fact table “${name}” (src/docs/facts/facts.ts lists them)`)
  return table()
}

/** Every fact's name, for the checks. */
export const FACT_NAMES = { inline: Object.keys(INLINE), tables: Object.keys(TABLES) }
