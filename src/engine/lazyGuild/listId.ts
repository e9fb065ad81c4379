import { murmur3 } from './murmur3.ts'

/** VIEW_CHANNEL, `1 << 10`. */
const VIEW_CHANNEL = 1n << 10n

/** What a list id reads of a permission overwrite; `allow` and `deny` are decimal bitfields. */
export interface ViewOverwrite {
  readonly id: string
  readonly allow: string
  readonly deny: string
}

/**
 * The id of the member list a channel shows (docs/design/gateway-facts.md §9.4): `"everyone"` when
 * @everyone can view the channel, otherwise the murmur3 of its VIEW_CHANNEL overwrites. Each
 * overwrite that allows VIEW_CHANNEL gives `allow:<id>`, else one that denies it gives `deny:<id>`;
 * the entries are sorted as plain strings (so every `allow:` precedes every `deny:`), joined with
 * `,`, and hashed (standard murmur3, seed 0, UTF-8) to an unsigned decimal string. Channels with
 * the same entries share a list.
 *
 * Departs from litecord, which keeps the entries in stored order and hashes with a non-standard
 * tail (docs/design/litecord-notes.md bug 13); this is what Discord's clients compute.
 *
 * @example
 * memberListId(false, [
 *   { id: '1000', allow: '0', deny: '1024' },
 *   { id: '2002', allow: '1024', deny: '0' },
 * ]) // '3991150528', the hash of 'allow:2002,deny:1000'
 */
export function memberListId(
  everyoneCanView: boolean,
  overwrites: readonly ViewOverwrite[],
): string {
  if (everyoneCanView) return 'everyone'
  const entries: string[] = []
  for (const { id, allow, deny } of overwrites) {
    if ((BigInt(allow) & VIEW_CHANNEL) !== 0n) entries.push(`allow:${id}`)
    else if ((BigInt(deny) & VIEW_CHANNEL) !== 0n) entries.push(`deny:${id}`)
  }
  // Default sort compares UTF-16 code units: plain string order, the same in every runtime.
  entries.sort()
  return String(murmur3(entries.join(',')))
}
