import { describe, expect, it } from 'vitest'
import { ChannelType, createSimulation, Intents, Permissions } from '../index.ts'

/**
 * IDENTIFY's frames pinned byte for byte: the JSON of every frame every session of a small
 * Discord-shaped world was sent (READY, GUILD_CREATEs), hashed. IDENTIFY is tuned for speed at
 * 100,000 sessions (shared parts, fewer allocations); none of that may change a byte a client sees.
 * The world covers each branch of the payloads: a guild above `large_threshold` and one below, a
 * hoisted role, a channel only that role can read, voice and category channels, DMs and a group DM,
 * friends, members with nicks, sharded sessions, GUILD_PRESENCES with online and offline members, a
 * user with two sessions, a custom `large_threshold`.
 */
function sessionsFrames(): string {
  const sim = createSimulation({ seed: 23 })
  const { world } = sim
  const users = Array.from(
    { length: 120 },
    (_, i) => world.createUser({ username: `user${i}`, ...(i % 7 === 0 ? { bot: true } : {}) }).id,
  )
  const big = world.createGuild({ name: 'Big', ownerId: users[0] as string }).id
  const small = world.createGuild({ name: 'Small', ownerId: users[5] as string }).id
  const mods = world.createRole(big, { name: 'Mods', hoist: true }).id
  for (let i = 1; i < users.length; i++) {
    world.addMember(big, users[i] as string, {
      ...(i % 10 === 0 ? { roles: [mods] } : {}),
      ...(i % 9 === 0 ? { nick: `nick${i}` } : {}),
    })
  }
  for (let i = 6; i < 30; i++) world.addMember(small, users[i] as string)
  world.createChannel({ guildId: big, type: ChannelType.GUILD_CATEGORY, name: 'Text' })
  world.createChannel({ guildId: big, name: 'general' })
  const view = Permissions.VIEW_CHANNEL.toString()
  world.createChannel({
    guildId: big,
    name: 'mods',
    overwrites: [
      { id: big, type: 0, deny: view },
      { id: mods, type: 0, allow: view },
    ],
  })
  world.createChannel({ guildId: big, type: ChannelType.GUILD_VOICE, name: 'voice' })
  world.createChannel({ guildId: small, name: 'small-general' })
  world.createChannel({
    type: ChannelType.DM,
    recipients: [users[1] as string, users[2] as string],
  })
  world.createChannel({
    type: ChannelType.GROUP_DM,
    name: 'group',
    recipients: [users[3] as string, users[1] as string, users[4] as string],
  })
  for (let i = 0; i < users.length; i++) {
    for (const offset of [1, 3]) {
      world.addFriendship(users[i] as string, users[(i + offset) % users.length] as string)
    }
  }
  const all = Intents.GUILDS | Intents.GUILD_MESSAGES | Intents.DIRECT_MESSAGES
  const states = []
  for (let i = 0; i < users.length; i++) {
    const userId = users[i] as string
    states.push(
      sim.gateway.identify({
        userId,
        intents: i % 4 === 0 ? all | Intents.GUILD_PRESENCES : all,
        ...(i % 5 === 0 ? { shard: [i % 2, 2] as [number, number] } : {}),
        ...(i % 11 === 0 ? { largeThreshold: 60 } : {}),
        presence: { status: i % 3 === 0 ? 'online' : 'offline' },
      }),
    )
    if (i % 17 === 0) states.push(sim.gateway.identify({ userId, intents: all }))
  }
  return JSON.stringify(states.map((s) => ({ user: s.userId, frames: s.frames })))
}

/** Two 32-bit FNV-1a hashes of the text's UTF-16 code units, with different offsets, as 16 hex digits. */
function digest(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193) >>> 0
    b = Math.imul(b ^ c, 0x01000193) >>> 0
    b = (b ^ (b >>> 13)) >>> 0
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0')
}

describe('IDENTIFY frames, byte for byte', () => {
  it('are what they were when pinned', () => {
    const json = sessionsFrames()
    expect(json.length).toBeGreaterThan(100_000)
    expect(json).toContain('"t":"READY"')
    expect(json).toContain('"t":"GUILD_CREATE"')
    for (const part of [
      '"large":false',
      '"large":true',
      '"presences":[{',
      '"recipients":[{',
      '"nick":"nick9"',
    ]) {
      expect(json).toContain(part)
    }
    expect({ length: json.length, digest: digest(json) }).toEqual({
      length: 1_839_985,
      digest: '184df00da9cb3801',
    })
  })
})
