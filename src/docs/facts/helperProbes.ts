import { createSimulation } from '../../store/engineValues.ts'

/**
 * Which sessions `dispatchManyFilterList` counts as reached, asked of the engine: a delivered one, a
 * buffered one (disconnected) and one whose socket throws, each subscribed under both keys of one call.
 * A session counted after the first key is skipped under the second.
 */
export function manyFilterListReached(): ('delivered' | 'buffered' | 'failed')[] {
  const sim = createSimulation({ seed: 1 })
  const { world, gateway, dispatcher } = sim
  const guilds = ['20971520', '16777216']
  world.createUser({ id: '10', username: 'alice' })
  const kinds = ['delivered', 'buffered', 'failed'] as const
  const sessions = kinds.map((kind, i) => {
    const id = String(11 + i)
    world.createUser({ id, username: `user${id}` })
    for (const g of guilds) {
      if (!world.guild(g)) world.createGuild({ id: g, name: g, ownerId: '10' })
      world.addMember(g, id)
    }
    const s = gateway.identify({ userId: id, presence: { status: 'offline' } })
    if (kind === 'buffered') gateway.disconnect(s.sessionId)
    if (kind === 'failed') gateway.failSocket(s.sessionId, true)
    return s.sessionId
  })
  const reached = dispatcher.dispatchManyFilterList('guild', guilds, [], 'GUILD_UPDATE', {})
  return kinds.filter((_, i) => reached.includes(sessions[i] ?? ''))
}
