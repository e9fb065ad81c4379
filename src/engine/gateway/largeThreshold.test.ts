import { describe, expect, it } from 'vitest'
import { createSimulation, GatewayCloseError, Intents } from '../index.ts'

function guildOf(members: number) {
  const sim = createSimulation()
  const owner = sim.world.createUser({ id: '1', username: 'owner' })
  const guild = sim.world.createGuild({ id: '20971520', name: 'big', ownerId: owner.id })
  for (let i = 0; i < members; i++) {
    const user = sim.world.createUser({ id: String(100 + i), username: `u${i}` })
    sim.world.addMember(guild.id, user.id)
  }
  return { sim, owner }
}

const membersIn = (frame: unknown) => (frame as { d: { members: unknown[] } }).d.members.length

describe('IDENTIFY largeThreshold (large_threshold)', () => {
  it('caps each GUILD_CREATE at that many members; default 50', () => {
    const { sim, owner } = guildOf(300)
    const plain = sim.gateway.identify({ userId: owner.id, intents: Intents.GUILDS })
    expect(membersIn(plain.frames[1])).toBe(50)
    const wide = sim.gateway.identify({
      userId: owner.id,
      intents: Intents.GUILDS,
      largeThreshold: 250,
    })
    expect(wide.frames[1]?.t).toBe('GUILD_CREATE')
    expect(membersIn(wide.frames[1])).toBe(250)
    expect((wide.frames[1]?.d as { large: boolean }).large).toBe(true)
  })

  it('refuses a threshold outside 50–250 with 4001, creating nothing', () => {
    const { sim, owner } = guildOf(3)
    for (const bad of [49, 251, 50.5, '60']) {
      expect(() =>
        sim.gateway.identify({ userId: owner.id, largeThreshold: bad as number }),
      ).toThrow(GatewayCloseError)
    }
    expect(sim.states.all()).toHaveLength(0)
  })
})
