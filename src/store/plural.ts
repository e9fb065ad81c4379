/** "1 subscriber", "3 subscribers", "1,000 sessions": a count and its noun, agreed. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}
