/**
 * The anchor id of a heading or an API entry: lower case, words joined by `-`, punctuation dropped
 * (GitHub's rule, so `## Who receives` is `#who-receives`). Pure: the build (heading ids, the search
 * index) and the pages (links) share it.
 */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s+/g, '-')
}

/** Slugs made unique within one page: a second `## Example` becomes `example-1`, as on GitHub. */
export function createSlugger(): (text: string) => string {
  const seen = new Map<string, number>()
  return (text) => {
    const base = slugify(text) || 'section'
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    return count === 0 ? base : `${base}-${count}`
  }
}
