import { describe, expect, it } from 'vitest'
import { appPathOf, hrefOf, normaliseBase } from './paths.ts'

describe('paths', () => {
  it('normalises a base to one leading and one trailing slash', () => {
    expect(normaliseBase('/')).toBe('/')
    expect(normaliseBase('')).toBe('/')
    expect(normaliseBase('fanout')).toBe('/fanout/')
    expect(normaliseBase('/fanout')).toBe('/fanout/')
    expect(normaliseBase('/a/b/')).toBe('/a/b/')
  })

  it('puts app paths under the base', () => {
    expect(hrefOf('/', '/')).toBe('/')
    expect(hrefOf('/play/intents', '/')).toBe('/play/intents')
    expect(hrefOf('/', '/fanout/')).toBe('/fanout/')
    expect(hrefOf('/play/intents', '/fanout/')).toBe('/fanout/play/intents')
    expect(hrefOf('/bench', '/a/b')).toBe('/a/b/bench')
  })

  it('reads the app path back from a pathname under the base', () => {
    expect(appPathOf('/play', '/')).toBe('/play')
    expect(appPathOf('/fanout/play/intents', '/fanout/')).toBe('/play/intents')
    expect(appPathOf('/fanout/', '/fanout/')).toBe('/')
    expect(appPathOf('/fanout', '/fanout/')).toBe('/')
  })

  it('maps a pathname outside the base to null (not found), never to a page', () => {
    expect(appPathOf('/play', '/fanout/')).toBeNull()
    expect(appPathOf('/fanoutx/play', '/fanout/')).toBeNull()
  })

  it('round-trips every app path', () => {
    for (const base of ['/', '/fanout/', '/a/b/']) {
      for (const p of ['/', '/play', '/play/intents', '/docs/guild/x']) {
        expect(appPathOf(hrefOf(p, base), base)).toBe(p)
      }
    }
  })
})
