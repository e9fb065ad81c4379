/**
 * A count as the whole site writes numbers: digits grouped by commas, `99,726` (never `99726` in one
 * place and `99,726` in another).
 */
export function count(n: number): string {
  return n.toLocaleString('en-US')
}

/** "1 subscriber", "3 subscribers", "1,000 sessions": a count and its noun, agreed. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`
}
