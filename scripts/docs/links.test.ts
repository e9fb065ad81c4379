import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { docPageAt } from '../../src/docs/pageList.ts'
import { scenarioById } from '../../src/scenarios/index.ts'
import { readEngineApi } from './apiReference.ts'
import {
  anchorsOf,
  bugAnchor,
  jsxAttribute,
  jsxElements,
  linksOf,
  loadPages,
  proseOf,
  type MdxPage,
} from './mdxPages.ts'

// Every internal link of the docs resolves, anchors included: on the MDX sources, so a broken link
// fails `npm test` before any build (the e2e crawl checks the rendered site as well).

const pages = loadPages()
const anchors = new Map<string, Set<string>>(pages.map((p) => [p.info.path, anchorsOf(p)]))
const SITE = new Set(['/', '/play', '/performance', '/bench'])

/** Markdown links in the engine's TSDoc, which the API reference renders as links. */
const apiLinks: { where: string; href: string }[] = []

beforeAll(async () => {
  // The API reference's anchors are its entries and their members, as TypeDoc reads them.
  const api = await readEngineApi()
  for (const e of api.entries)
    for (const [where, parts] of [
      [e.name, e.summary],
      ...e.members.map((m) => [`${e.name}.${m.name}`, m.summary] as const),
    ] as const)
      for (const p of parts)
        if ('text' in p)
          for (const m of p.text.matchAll(/\]\(([^)\s]+)\)/g))
            apiLinks.push({ where, href: m[1] ?? '' })
  const ids = anchors.get('/docs/api') ?? new Set()
  for (const kind of ['functions', 'classes', 'interfaces', 'types', 'constants']) ids.add(kind)
  for (const e of api.entries) {
    ids.add(e.name)
    for (const m of e.members) ids.add(`${e.name}.${m.name}`)
  }
  anchors.set('/docs/api', ids)
}, 60_000)

/** Why `href` (on page `from`) does not resolve, or null when it does. */
export function brokenBecause(href: string, from: string): string | null {
  if (/^(https?:|mailto:)/.test(href)) return null
  if (!href.startsWith('/') && !href.startsWith('#')) return 'not a site path (start it with /)'
  const [path = '', hash] = href.split('#')
  const target = path === '' ? from : path
  if (target.startsWith('/play/')) {
    return scenarioById(target.slice('/play/'.length)) ? null : `no scenario ${target}`
  }
  if (!target.startsWith('/docs')) return SITE.has(target) && !hash ? null : `no page ${target}`
  const page = docPageAt(target)
  if (!page || page.path !== target) return `no docs page ${target}`
  if (hash === undefined) return null
  return anchors.get(page.path)?.has(decodeURIComponent(hash))
    ? null
    : `no #${hash} on ${page.path}`
}

/** Site links written in the docs' components (`href="/docs/…"`, `'/play/…'`). */
function componentLinks(dir: string): { file: string; href: string }[] {
  const out: { file: string; href: string }[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || entry.name.includes('.test.')) continue
    const file = join(entry.parentPath, entry.name)
    const source = readFileSync(file, 'utf8')
    for (const m of source.matchAll(/href=["'`{]+(\/(?:docs|play)[^"'`}$]*)["'`}]/g)) {
      out.push({ file, href: m[1] ?? '' })
    }
  }
  return out
}

/** Mentions of litecord's numbered bugs that are not a link to their anchor. */
export function unlinkedBugs(page: MdxPage): string[] {
  const out: string[] = []
  for (const block of proseOf(page)) {
    const withoutLinks = block.replace(/\[[^\]]*\]\([^)]*\)/g, '')
    for (const m of withoutLinks.matchAll(/\bbugs? (\d+)/gi)) out.push(`“${m[0]}” in “${block}”`)
    for (const m of block.matchAll(/\[([^\]]*\bbug (\d+)[^\]]*)\]\(([^)]*)\)/gi)) {
      const to = `#${bugAnchor(m[2] ?? '')}`
      const ok =
        m[3] === `/docs/litecord${to}` || (page.info.path === '/docs/litecord' && m[3] === to)
      if (!ok) out.push(`“${m[1]}” links to ${m[3]}`)
    }
  }
  return out
}

describe('the docs’ internal links', () => {
  for (const page of pages) {
    it(`${page.info.path}: every link and anchor resolves`, () => {
      const broken = linksOf(page)
        .map((l) => ({ ...l, why: brokenBecause(l.href, page.info.path) }))
        .filter((l) => l.why !== null)
      expect(broken).toEqual([])
    })
  }

  it('the links in the engine’s TSDoc (the API reference) resolve', () => {
    expect(apiLinks.length).toBeGreaterThan(0)
    const broken = apiLinks.filter((l) => brokenBecause(l.href, '/docs/api') !== null)
    expect(broken).toEqual([])
  })

  it('the components’ own links resolve too', () => {
    const broken = componentLinks('src/docs')
      .map((l) => ({ ...l, why: brokenBecause(l.href.replace(/\$\{.*$/, ''), '/docs') }))
      .filter((l) => l.why !== null)
    expect(broken).toEqual([])
  })

  it('every “bug N” links to that bug’s anchor on Differences from litecord, which has it', () => {
    const litecord = pages.find((p) => p.info.path === '/docs/litecord')
    const numbers = jsxElements(litecord?.tree ?? { type: 'root', children: [] }, 'Bug').map((b) =>
      jsxAttribute(b, 'n'),
    )
    expect(numbers.length, 'the page numbers its bugs').toBeGreaterThan(0)
    expect(new Set(numbers).size, 'one anchor per bug').toBe(numbers.length)
    for (const page of pages) expect(unlinkedBugs(page), page.info.path).toEqual([])
  })

  it('fails on a link to a missing page, scenario or anchor', () => {
    expect(brokenBecause('/docs/backends/guilds', '/docs')).toMatch(/no docs page/)
    expect(brokenBecause('/play/no-such-world', '/docs')).toMatch(/no scenario/)
    expect(brokenBecause('/docs/litecord#bug-99', '/docs')).toMatch(/no #bug-99/)
    expect(brokenBecause('#nowhere', '/docs/resume')).toMatch(/no #nowhere/)
    expect(brokenBecause('/docs/resume#the-buffer-and-the-window', '/docs')).toBeNull()
  })
})
