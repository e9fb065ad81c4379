import { describe, expect, it } from 'vitest'
import { findLiveGateway } from './liveConnection.ts'

const page = (content: string | null) => ({
  querySelector: (selector: string) =>
    selector === 'meta[name="fanout-live"]' && content !== null
      ? { getAttribute: (name: string) => (name === 'content' ? content : null) }
      : null,
})

describe('finding the local gateway', () => {
  it('reads the mark the gateway puts on the pages it serves', () => {
    const location = { host: '127.0.0.1:4500', protocol: 'http:' }
    expect(findLiveGateway(page('/live'), location)).toBe('ws://127.0.0.1:4500/live')
    expect(findLiveGateway(page('/live'), { ...location, protocol: 'https:' })).toBe(
      'wss://127.0.0.1:4500/live',
    )
  })

  it('finds none on a page without the mark, or with a mark that is not a plain path', () => {
    const location = { host: 'example.org', protocol: 'https:' }
    expect(findLiveGateway(page(null), location)).toBeNull()
    for (const bad of ['//evil.example/live', 'ws://x/live', '/live?x=1', '']) {
      expect(findLiveGateway(page(bad), location)).toBeNull()
    }
  })
})
