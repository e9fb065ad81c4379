import { GATED_EVENTS, type IntentName, INTENTS } from '../../store/engineTables.ts'
import { createSimulation } from '../../store/engineValues.ts'

/**
 * The intent each channel event needs in each kind of channel, asked of the engine: the event is
 * dispatched through `channel` to a session without that intent in a guild channel, a DM and a group
 * DM, and the engine's answer (delivered, or skipped with `intents`) is the fact.
 */
export interface ChannelIntentRow {
  readonly event: string
  /** Per kind of channel: the intent it needs there, or null when it passes whatever the intents. */
  readonly guild: IntentName | null
  readonly dm: IntentName | null
  readonly groupDm: IntentName | null
}

const KINDS = { guild: '100', dm: '300', groupDm: '400' } as const
const names = new Map(INTENTS.map((i) => [i.bit, i.name]))

/** Does `event` reach a session holding every intent but `bit`, in channel `channel`? */
function passesWithout(event: string, channel: string, bit: number): boolean {
  const sim = createSimulation({ seed: 1 })
  const { world, gateway, dispatcher } = sim
  for (const [id, username] of [
    ['10', 'alice'],
    ['11', 'bob'],
    ['12', 'carol'],
  ] as const)
    world.createUser({ id, username })
  world.createGuild({ id: '20971520', name: 'Fanout HQ', ownerId: '10' })
  world.addMember('20971520', '11')
  world.createChannel({ id: KINDS.guild, guildId: '20971520', name: 'general' })
  world.createChannel({ id: KINDS.dm, type: 1, recipients: ['10', '11'] })
  world.createChannel({ id: KINDS.groupDm, type: 3, recipients: ['10', '11', '12'] })
  const bob = gateway.identify({
    userId: '11',
    intents: INTENTS.reduce((a, i) => a | i.bit, 0) & ~bit,
  })
  const r = dispatcher.dispatch('channel', channel, event, {
    channel_id: channel,
    ...(channel === KINDS.guild ? { guild_id: '20971520' } : {}),
    author: { id: '10' },
    user_id: '10',
  })
  return r.delivered.includes(bob.sessionId)
}

/** Every event the intents table gates in a channel, with what the engine asks of it per kind. */
export function channelIntents(): ChannelIntentRow[] {
  return GATED_EVENTS.filter(([, bits]) => bits.dm !== 0).map(([event, bits]) => {
    const need = (bit: number, channel: string) =>
      bit === 0 || passesWithout(event, channel, bit) ? null : (names.get(bit) ?? null)
    return {
      event,
      guild: need(bits.guild, KINDS.guild),
      dm: need(bits.dm, KINDS.dm),
      groupDm: need(bits.dm, KINDS.groupDm),
    }
  })
}
