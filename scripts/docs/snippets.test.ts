import { describe, expect, it } from 'vitest'
import { NOT_IN_SCOPE } from '../../src/sandbox/scope.ts'
import { scenarioById } from '../../src/scenarios/index.ts'
import type { ApiModel } from '../../src/docs/api/types.ts'
import { readEngineApi } from './apiReference.ts'
import { codeBlocksOf, loadPages } from './mdxPages.ts'
import {
  memberSignature,
  parseMeta,
  parseSignature,
  RUNNABLE,
  runSnippet,
  verdict,
} from './snippets.ts'

// Every TypeScript block of every docs page runs, as a reader would run it in a live example's editor:
// in the sandbox, on the page's example world. A block that shows an error says so in its fence
// (```ts throws=CODE) and must throw exactly that; a signature (```ts signature) must match the API.

const OBJECT_TYPES: Record<string, string> = {
  dispatcher: 'EventDispatcher',
  gateway: 'Gateway',
  world: 'World',
  states: 'StateManager',
  actions: 'Actions',
  clock: 'Clock',
}

function worldOf(id: string) {
  const world = scenarioById(id)
  if (!world) throw new Error(`no scenario ${id}`)
  return world
}

/** Why a signature block disagrees with the API reference, or null. */
function signatureProblem(api: ApiModel, code: string): string | null {
  const sig = parseSignature(code)
  if (!sig) return `not a signature “object.method(params): Type”: ${code}`
  const entry = api.entries.find((e) => e.name === OBJECT_TYPES[sig.object])
  const member = entry?.members.find((m) => m.name === sig.method)
  if (!member) return `${sig.object}.${sig.method} is not in the API reference`
  const real = memberSignature(member.signature)
  if (real.params.join(', ') !== sig.params.join(', ')) {
    return `${sig.method}(${sig.params.join(', ')}); the engine: (${real.params.join(', ')})`
  }
  return real.returns === sig.returns ? null : `returns ${sig.returns}; the engine: ${real.returns}`
}

const pages = loadPages()
const api = await readEngineApi()

describe('every code block on the docs pages', () => {
  for (const page of pages) {
    const blocks = codeBlocksOf(page).filter((b) => RUNNABLE.has(b.lang))
    const examples =
      page.info.path === '/docs/api'
        ? api.entries.flatMap((e) =>
            e.examples.map((code) => ({ code, where: `${e.name}'s example`, name: e.name })),
          )
        : []
    if (blocks.length + examples.length === 0) continue
    it(`${page.info.path}: runs on ${page.info.world}, or throws what its fence says`, () => {
      const problems: string[] = []
      for (const b of blocks) {
        const meta = parseMeta(b.meta)
        const why = meta.signature
          ? signatureProblem(api, b.code)
          : verdict(meta, runSnippet(b.code, worldOf(meta.world ?? page.info.world)))
        if (why) problems.push(`line ${b.line}: ${why}`)
      }
      for (const e of examples) {
        // A name the editors leave out of scope (its TSDoc says so) can only throw there.
        const meta = parseMeta(e.name in NOT_IN_SCOPE ? 'throws=ReferenceError' : '')
        const why = verdict(meta, runSnippet(e.code, worldOf(page.info.world)))
        if (why) problems.push(`${e.where}: ${why}`)
      }
      expect(problems).toEqual([])
    })
  }

  it('a broken snippet fails, and so does an error its fence does not name', () => {
    const world = worldOf('docs-world')
    const broken = "dispatcher.dispatch('guild', '20971520', 'guild_update', {})"
    expect(verdict(parseMeta(''), runSnippet(broken, world))).toMatch(/INVALID_EVENT_TYPE/)
    expect(verdict(parseMeta('throws=INVALID_KEY'), runSnippet(broken, world))).toMatch(
      /not INVALID_KEY/,
    )
    expect(verdict(parseMeta('throws=INVALID_EVENT_TYPE'), runSnippet(broken, world))).toBeNull()
    expect(verdict(parseMeta(''), runSnippet('clokc.advance(1)', world))).toMatch(/ReferenceError/)
    expect(() => parseMeta('throw=X')).toThrow(/unknown code fence meta/)
    expect(
      signatureProblem(api, 'dispatcher.dispatch(backend, key, payload, type): DispatchResult'),
    ).toMatch(/the engine/)
  })
})
