import type { Json } from '../../calls/index.ts'

/** The dispatcher's helpers the composer can call (docs/design/semantics.md §4). */
export const HELPERS = [
  'dispatch',
  'dispatchMany',
  'dispatchFilter',
  'dispatchManyFilterList',
] as const
export type Helper = (typeof HELPERS)[number]

/** Whether a helper takes a list of keys rather than one. */
export const takesKeys = (helper: Helper) =>
  helper === 'dispatchMany' || helper === 'dispatchManyFilterList'
/** Whether a helper takes a list of sessions: the filter's, or those already reached. */
export const takesSessions = (helper: Helper) =>
  helper === 'dispatchFilter' || helper === 'dispatchManyFilterList'

export interface ComposerInput {
  helper: Helper
  backend: string
  /** One key, or for dispatchMany / dispatchManyFilterList several, separated by commas or spaces. */
  key: string
  /** dispatchFilter: the only sessions it may reach; dispatchManyFilterList: those already reached. */
  sessions: readonly string[]
  type: string
  payload: string
}

type Field = 'key' | 'type' | 'payload'
export type ComposerResult =
  { ok: true; args: Json[] } | { ok: false; errors: Partial<Record<Field, string>> }

const SNOWFLAKE = /^(0|[1-9][0-9]*)$/
const EVENT_TYPE = /^[A-Z][A-Z0-9_]*$/

/** One key in the engine's shape: a snowflake, or `[guildId, userId]` for member; or why not. */
function parseKey(backend: string, text: string): { key: Json } | { error: string } {
  if (backend === 'member') {
    const parts = text.split(':').map((p) => p.trim())
    if (parts.length !== 2 || !parts.every((p) => SNOWFLAKE.test(p)))
      return { error: `“${text}”: a member key is guildId:userId, e.g. 20971520:10` }
    return { key: parts }
  }
  if (!SNOWFLAKE.test(text))
    return { error: `“${text}” is not a snowflake: decimal digits, no leading zero` }
  return { key: text }
}

/**
 * Checks the composer's fields before the engine sees them, with messages that say what to type; an
 * empty key is refused (a placeholder is an example, never a value). `example` is what the key field
 * shows as its placeholder. The engine checks again and has the last word.
 */
export function validateComposer(input: ComposerInput, example = ''): ComposerResult {
  const errors: Partial<Record<Field, string>> = {}
  const many = takesKeys(input.helper)
  const texts = (many ? input.key.split(/[\s,]+/) : [input.key])
    .map((k) => k.trim())
    .filter(Boolean)
  const keys: Json[] = []
  if (texts.length === 0) {
    const what = many ? 'one key or more, separated by commas' : 'a key'
    errors.key = `Type ${what}${example ? `, e.g. ${example}` : ''}: the grey text is only an example.`
  } else {
    for (const text of texts) {
      const parsed = parseKey(input.backend, text)
      if ('error' in parsed) {
        errors.key = parsed.error
        break
      }
      keys.push(parsed.key)
    }
  }
  const type = input.type.trim()
  if (!EVENT_TYPE.test(type)) {
    errors.type = 'Upper-case letters, digits and _ , starting with a letter (e.g. GUILD_UPDATE)'
  }
  let payload: Json = {}
  try {
    payload = input.payload.trim() === '' ? {} : (JSON.parse(input.payload) as Json)
  } catch (e) {
    errors.payload = `Not valid JSON: ${(e as Error).message}`
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  const { backend } = input
  const sessions = [...input.sessions]
  const key = keys[0] ?? null
  switch (input.helper) {
    case 'dispatch':
      return { ok: true, args: [backend, key, type, payload] }
    case 'dispatchMany':
      return { ok: true, args: [backend, keys, type, payload] }
    case 'dispatchFilter':
      return { ok: true, args: [backend, key, { $only: sessions }, type, payload] }
    case 'dispatchManyFilterList':
      return { ok: true, args: [backend, keys, sessions, type, payload] }
  }
}
