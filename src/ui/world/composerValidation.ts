import type { Json } from '../../store/engineCall.ts'

export interface ComposerInput {
  backend: string
  key: string
  type: string
  payload: string
}

export type ComposerResult =
  { ok: true; args: Json[] } | { ok: false; errors: Partial<Record<keyof ComposerInput, string>> }

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
  const errors: Partial<Record<keyof ComposerInput, string>> = {}
  const text = input.key.trim()
  let key: Json = null
  if (text === '') {
    errors.key = `Type a key${example ? `, e.g. ${example}` : ''}: the grey text is only an example.`
  } else {
    const parsed = parseKey(input.backend, text)
    if ('error' in parsed) errors.key = parsed.error
    else key = parsed.key
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
  return { ok: true, args: [input.backend, key, type, payload] }
}
