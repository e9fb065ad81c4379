/**
 * Bot tokens in Discord's shape (docs/design/gateway-facts.md §3.7): `base64(user id)` `.`
 * `base64url(a time)` `.` a 27-character HMAC-shaped digest. Everything is derived from the world's seed,
 * its start time and the user id, so the same world always has the same tokens (a README can print
 * them, a test can compute them). They are names, not secrets: the local gateway listens on 127.0.0.1.
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const B64URL = B64.slice(0, 62) + '-_'

/** Discord's token epoch (2011-01-01): the second part counts seconds from it. */
const TOKEN_EPOCH_S = 1_293_840_000

/** Base64 of bytes, without padding (Discord's tokens carry none); `alphabet` picks standard or URL. */
export function base64(bytes: readonly number[], alphabet: string = B64): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number
    const b = bytes[i + 1]
    const c = bytes[i + 2]
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0)
    out += alphabet[(n >> 18) & 63]
    out += alphabet[(n >> 12) & 63]
    if (b !== undefined) out += alphabet[(n >> 6) & 63]
    if (c !== undefined) out += alphabet[n & 63]
  }
  return out
}

/** The bytes of base64 text (padding optional); undefined when it is not base64. */
export function unbase64(text: string): number[] | undefined {
  const bits: number[] = []
  const clean = text.replace(/=+$/, '')
  if (clean.length % 4 === 1) return undefined
  for (const ch of clean) {
    const v = B64.indexOf(ch)
    if (v < 0) return undefined
    bits.push(v)
  }
  const bytes: number[] = []
  for (let i = 0; i < bits.length; i += 4) {
    const n =
      ((bits[i] as number) << 18) |
      ((bits[i + 1] ?? 0) << 12) |
      ((bits[i + 2] ?? 0) << 6) |
      (bits[i + 3] ?? 0)
    bytes.push((n >> 16) & 255)
    if (i + 2 < bits.length) bytes.push((n >> 8) & 255)
    if (i + 3 < bits.length) bytes.push(n & 255)
  }
  return bytes
}

function asciiBytes(text: string): number[] {
  return Array.from(text, (ch) => ch.charCodeAt(0) & 255)
}

/**
 * 20 bytes from `text` and `seed`: five 32-bit lanes of a multiply-xorshift mix. Deterministic and
 * well spread, which is all a token's last part needs here; it is shaped like an HMAC-SHA1, not one.
 */
function digest(text: string, seed: number): number[] {
  const lanes = [0x9e3779b9, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f, 0x165667b1].map(
    (k) => (k ^ seed) >>> 0,
  )
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    for (let l = 0; l < lanes.length; l++) {
      let h = Math.imul((lanes[l] as number) ^ c, 0x5bd1e995)
      h ^= h >>> 15
      lanes[l] = Math.imul(h, 0x27d4eb2d + 2 * l) >>> 0
    }
  }
  const bytes: number[] = []
  for (let l = 0; l < lanes.length; l++) {
    let h = (lanes[l] as number) ^ ((lanes[(l + 1) % lanes.length] as number) >>> 7)
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
    h = (h ^ (h >>> 16)) >>> 0
    bytes.push((h >>> 24) & 255, (h >>> 16) & 255, (h >>> 8) & 255, h & 255)
  }
  return bytes
}

/** What a token is minted from: the world's seed and its clock's start (ms since 1970). */
export interface TokenSeed {
  readonly seed: number
  readonly startTime: number
}

/** The bot token of `userId` in the world of `from`. Same inputs, same token. */
export function mintToken(from: TokenSeed, userId: string): string {
  const seconds = Math.max(0, Math.floor(from.startTime / 1000) - TOKEN_EPOCH_S) >>> 0
  const time = base64(
    [(seconds >>> 24) & 255, (seconds >>> 16) & 255, (seconds >>> 8) & 255, seconds & 255],
    B64URL,
  )
  const head = base64(asciiBytes(userId))
  return `${head}.${time}.${base64(digest(`${head}.${time}`, from.seed), B64URL)}`
}

/**
 * The user id a token names (its first part), when it is in Discord's shape: three dot-separated parts,
 * the first the base64 of a snowflake. Whether the world minted it is {@link tokenUser}'s question.
 */
export function tokenUserId(token: string): string | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  const bytes = unbase64(parts[0] as string)
  if (bytes === undefined) return undefined
  const id = String.fromCharCode(...bytes)
  return /^(0|[1-9][0-9]{0,19})$/.test(id) ? id : undefined
}

/**
 * The user a token authenticates: its id when the token is exactly the one minted for that user and
 * the user exists; undefined for anything else (a gateway closes 4004, REST answers 401).
 * A `Bot ` prefix is not part of a token (REST's header carries it; strip it first).
 */
export function tokenUser(
  from: TokenSeed,
  token: unknown,
  userExists: (id: string) => boolean,
): string | undefined {
  if (typeof token !== 'string' || token.length > 200) return undefined
  const id = tokenUserId(token)
  if (id === undefined || !userExists(id)) return undefined
  return mintToken(from, id) === token ? id : undefined
}
