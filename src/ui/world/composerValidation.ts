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

/**
 * Checks the composer's fields before the engine sees them, with messages that say what to type. The
 * engine checks again (and has the last word): this is only for friendlier, per-field errors.
 */
export function validateComposer(input: ComposerInput): ComposerResult {
  const errors: Partial<Record<keyof ComposerInput, string>> = {}
  let key: Json = input.key.trim()
  if (input.backend === 'member') {
    const parts = input.key.split(':').map((p) => p.trim())
    if (parts.length !== 2 || !parts.every((p) => SNOWFLAKE.test(p))) {
      errors.key = 'A member key is guildId:userId, e.g. 20971520:10'
    } else key = parts
  } else if (!SNOWFLAKE.test(input.key.trim())) {
    errors.key = 'A key is a snowflake: decimal digits, no leading zero'
  }
  if (!EVENT_TYPE.test(input.type.trim())) {
    errors.type = 'Upper-case letters, digits and _ , starting with a letter (e.g. GUILD_UPDATE)'
  }
  let payload: Json = {}
  try {
    payload = input.payload.trim() === '' ? {} : (JSON.parse(input.payload) as Json)
  } catch (e) {
    errors.payload = `Not valid JSON: ${(e as Error).message}`
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, args: [input.backend, key, input.type.trim(), payload] }
}
