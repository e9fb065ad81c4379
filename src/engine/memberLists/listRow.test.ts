import { describe, expect, it } from 'vitest'
import { presencePayload, userPayload } from '../gateway/payloads.ts'
import { freezeOwned } from '../payload.ts'
import { createSimulation, internalsOf } from '../simulation.ts'
import { entryFor, groupOrderFor } from './listEntries.ts'

/** Deeply frozen: every object and array inside is frozen. */
function deeplyFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true
  return Object.isFrozen(value) && Object.values(value).every(deeplyFrozen)
}

describe("a member's list row", () => {
  it('is, field for field and frozen, what the copy walk of its parts gives, for every kind of member', () => {
    const sim = createSimulation({ seed: 5 })
    const { world } = sim
    const owner = world.createUser({ username: 'Owner' }).id
    const guild = world.createGuild({ name: 'G', ownerId: owner }).id
    const role = world.createRole(guild, { name: 'Mods', hoist: true }).id
    const channel = world.createChannel({ guildId: guild, name: 'general' })
    const ids = [owner]
    for (let i = 0; i < 12; i++) {
      const id = world.createUser({
        username: `User${i}`,
        ...(i % 3 === 0 ? { bot: true } : {}),
      }).id
      world.addMember(guild, id, {
        ...(i % 2 === 0 ? { roles: [role] } : {}),
        ...(i % 4 === 0 ? { nick: `Nick ${i}` } : {}),
      })
      ids.push(id)
    }
    const internal = internalsOf(sim).world
    const statuses = ['online', 'idle', 'dnd', 'offline'] as const
    ids.forEach((id, i) => {
      internal.setPresence(id, {
        status: statuses[i % 4] as (typeof statuses)[number],
        ...(i % 5 === 1 ? { activities: [{ name: 'Fanout', type: 0 }] } : {}),
      })
    })
    const groups = new Set(groupOrderFor(internal, channel))
    for (const id of ids) {
      const entry = entryFor(internal, channel, groups, id)
      if (!entry) throw new Error(`no row for ${id}`)
      const member = internal.member(guild, id)
      const user = internal.user(id)
      if (!member || !user) throw new Error('missing member')
      const walked = freezeOwned({
        user: userPayload(user),
        nick: member.nick,
        roles: [...member.roles],
        joined_at: member.joined_at,
        deaf: false,
        mute: false,
        presence: presencePayload(id, internal.presence(id), null),
      })
      expect(JSON.stringify(entry.item)).toBe(JSON.stringify(walked))
      expect(entry.item).toStrictEqual(walked)
      expect(deeplyFrozen(entry.item)).toBe(true)
    }
  })
})
