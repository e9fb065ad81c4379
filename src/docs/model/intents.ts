import {
  ALL_INTENT_BITS,
  GATED_EVENTS,
  type IntentName,
  INTENTS,
} from '../../store/engineTables.ts'

/** One row of the calculator's event table: does a session with these intents get this event? */
export interface EventRow {
  readonly event: string
  /** The intent that gates it in a guild. */
  readonly guildIntent: IntentName
  /** The intent that gates it in a DM, or null when the DM variant is not gated. */
  readonly dmIntent: IntentName | null
  readonly inGuild: boolean
  /** null when the event has no DM variant under its own intent. */
  readonly inDm: boolean | null
}

const nameOf = (bit: number): IntentName => {
  const found = INTENTS.find((i) => i.bit === bit)
  if (!found) throw new Error(`no intent has the bit ${bit}`)
  return found.name
}

/** Each gated event with whether `bits` lets it through, from the engine's own table. */
export function eventRows(bits: number): EventRow[] {
  return GATED_EVENTS.map(([event, gate]) => ({
    event,
    guildIntent: nameOf(gate.guild),
    dmIntent: gate.dm === 0 ? null : nameOf(gate.dm),
    inGuild: (bits & gate.guild) !== 0,
    inDm: gate.dm === 0 ? null : (bits & gate.dm) !== 0,
  }))
}

/** `Intents.GUILDS | Intents.GUILD_MESSAGES`, as code would write it. */
export function intentsExpression(bits: number): string {
  if (bits === 0) return '0'
  if (bits === ALL_INTENT_BITS) return 'Intents.ALL'
  return INTENTS.filter((i) => (bits & i.bit) !== 0)
    .map((i) => `Intents.${i.name}`)
    .join(' | ')
}

export type ParsedIntents = { ok: true; bits: number } | { ok: false; error: string }

/** Reads a typed bitfield (decimal or 0x hex); refuses bits outside the official table, as 4013 does. */
export function parseIntents(text: string): ParsedIntents {
  const t = text.trim()
  const value = /^[0-9]+$/.test(t) ? Number(t) : /^0x[0-9a-f]+$/i.test(t) ? Number(t) : NaN
  if (!Number.isSafeInteger(value) || value < 0) {
    return { ok: false, error: 'Type a whole number ≥ 0, in decimal or as 0x… hex.' }
  }
  const unknown = value - (value & ALL_INTENT_BITS)
  if (value > 0x7fff_ffff || unknown !== 0) {
    return {
      ok: false,
      error: `Bits outside Discord's bot intents: a gateway would close with 4013 (Intents.ALL is ${ALL_INTENT_BITS}).`,
    }
  }
  return { ok: true, bits: value }
}
