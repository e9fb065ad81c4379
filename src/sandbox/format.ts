/** Longest Console line kept, in characters. */
export const MAX_LINE_LENGTH = 2_000
const MAX_DEPTH = 4
const MAX_ITEMS = 50

/**
 * Formats `console.log` arguments as one line of text, as a browser console would show them briefly:
 * strings as they are, everything else as readable JSON-like text (bigints with `n`, cycles marked,
 * deep or long values cut), never throwing whatever the value is.
 */
export function formatArgs(args: readonly unknown[]): string {
  const text = args.map((a) => (typeof a === 'string' ? a : formatValue(a))).join(' ')
  return text.length > MAX_LINE_LENGTH ? `${text.slice(0, MAX_LINE_LENGTH)}… (cut)` : text
}

export function formatValue(value: unknown): string {
  const seen = new Set<object>()
  const walk = (v: unknown, depth: number): string => {
    switch (typeof v) {
      case 'string':
        return JSON.stringify(v)
      case 'bigint':
        return `${v}n`
      case 'function':
        return `[Function${v.name ? ` ${v.name}` : ''}]`
      case 'symbol':
        return v.toString()
      case 'undefined':
        return 'undefined'
      case 'number':
      case 'boolean':
        return String(v)
    }
    if (v === null) return 'null'
    const object = v as object
    if (object instanceof Error) return `${object.name}: ${object.message}`
    if (seen.has(object)) return '[Circular]'
    if (depth >= MAX_DEPTH) return Array.isArray(object) ? '[…]' : '{…}'
    seen.add(object)
    try {
      if (object instanceof Map) {
        return `Map(${object.size}) {${list([...object].map(([k, x]) => `${walk(k, depth + 1)} => ${walk(x, depth + 1)}`))}}`
      }
      if (object instanceof Set) {
        return `Set(${object.size}) {${list([...object].map((x) => walk(x, depth + 1)))}}`
      }
      if (Array.isArray(object)) return `[${list(object.map((x) => walk(x, depth + 1)))}]`
      const entries = Object.keys(object).map(
        (k) =>
          `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${walk(read(object, k), depth + 1)}`,
      )
      return entries.length === 0 ? '{}' : `{ ${list(entries)} }`
    } finally {
      seen.delete(object)
    }
  }
  return walk(value, 0)
}

function read(object: object, key: string): unknown {
  try {
    return (object as Record<string, unknown>)[key]
  } catch (error) {
    return `[threw ${error instanceof Error ? error.message : String(error)}]`
  }
}

function list(items: string[]): string {
  const shown = items.slice(0, MAX_ITEMS).join(', ')
  return items.length > MAX_ITEMS ? `${shown}, … ${items.length - MAX_ITEMS} more` : shown
}
