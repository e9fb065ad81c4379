import { describe, expect, it } from 'vitest'
import { sourceLinks } from './sourceLinks.ts'

describe('a docs page’s source links', () => {
  it('come from the repository’s tree URL: the repository, and the page’s file to edit', () => {
    expect(sourceLinks('https://github.com/ann/fanout/tree/main', 'backends/lazy-guild')).toEqual({
      repository: 'https://github.com/ann/fanout/tree/main',
      edit: 'https://github.com/ann/fanout/edit/main/src/docs/content/backends/lazy-guild.mdx',
    })
  })

  it('are absent without the setting, or with one that is not a repository tree', () => {
    expect(sourceLinks('', 'overview')).toBeNull()
    expect(sourceLinks('https://github.com/ann/fanout', 'overview')).toBeNull()
    expect(sourceLinks('javascript:alert(1)', 'overview')).toBeNull()
  })
})
