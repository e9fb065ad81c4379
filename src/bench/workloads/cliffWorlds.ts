import { createSimulation, Intents, Permissions, type Simulation } from '../../engine/index.ts'

/**
 * The worlds of the cost-cliff workloads (W8, `cliffs.ts`), built through the public API. Each is a
 * guild of `size` members; what differs is who has sessions and what they hold.
 */

/** The owner of every cliff guild, and the name each member gets (sorted: `m000001`, …). */
const memberName = (i: number) => `m${String(i).padStart(6, '0')}`

/** One user with `k` sessions of its own: nothing else in the world. */
export function sameUserWorld(): { sim: Simulation; userId: string } {
  const sim = createSimulation({ seed: 8 })
  const userId = sim.world.createUser({ username: 'many-sessions', bot: true }).id
  return { sim, userId }
}

/** One guild whose owner has `sessions` sessions, each subscribed to the guild (the close cliff). */
export function heldFramesWorld(sessions: number): {
  sim: Simulation
  guildId: string
  sessionIds: string[]
} {
  const w = guildWorld(1, 0)
  const sessionIds: string[] = []
  for (let i = 0; i < sessions; i++) {
    const identified = w.sim.gateway.identify({
      userId: w.userIds[0] as string,
      intents: Intents.GUILDS,
      presence: { status: 'offline' },
    })
    sessionIds.push(identified.sessionId)
  }
  return { sim: w.sim, guildId: w.guildId, sessionIds }
}

/** A guild of `size` members (the owner is member 0) with `textChannels` public text channels. */
export interface GuildWorld {
  readonly sim: Simulation
  readonly guildId: string
  /** Member user ids, owner first; sorted by name in the same order. */
  readonly userIds: string[]
  readonly textChannels: string[]
}

function guildWorld(size: number, textChannels: number): GuildWorld {
  const sim = createSimulation({ seed: 8 })
  const { world } = sim
  const userIds: string[] = []
  for (let i = 0; i < size; i++) userIds.push(world.createUser({ username: memberName(i) }).id)
  const guildId = world.createGuild({ name: 'Cliffs', ownerId: userIds[0] as string }).id
  for (let i = 1; i < size; i++) world.addMember(guildId, userIds[i] as string)
  const channels: string[] = []
  for (let i = 0; i < textChannels; i++)
    channels.push(world.createChannel({ guildId, name: `text-${i}` }).id)
  return { sim, guildId, userIds, textChannels: channels }
}

/** Every member identified once, `offline` (as large worlds are, docs/design/semantics.md §3), with GUILDS. */
function identifyAll(w: GuildWorld, from = 0): string[] {
  const ids: string[] = []
  for (let i = from; i < w.userIds.length; i++) {
    ids.push(
      w.sim.gateway.identify({
        userId: w.userIds[i] as string,
        intents: Intents.GUILDS,
        presence: { status: 'offline' },
      }).sessionId,
    )
  }
  return ids
}

/**
 * The permission-change world: `size` members, each with one session, 40 public text channels (so
 * every session is subscribed to 40 channels), a hoisted Moderators role held by 1% of the members, a
 * `solo` role held by one online member, and the owner's session holding `[0, 99]` of the member list.
 */
export interface PermissionWorld extends GuildWorld {
  readonly moderators: string
  readonly solo: string
}

export function permissionWorld(size: number): PermissionWorld {
  const w = guildWorld(size, 40)
  const { world, gateway } = w.sim
  const moderators = world.createRole(w.guildId, { name: 'Moderators', hoist: true }).id
  const solo = world.createRole(w.guildId, { name: 'solo' }).id
  for (let i = 100; i < size; i += 100)
    world.updateMember(w.guildId, w.userIds[i] as string, { roles: [moderators] })
  const soloUser = w.userIds[1] as string
  world.updateMember(w.guildId, soloUser, { roles: [solo] })
  const [owner] = identifyAll(w)
  // The solo member comes online (its second session): the group it shows in depends on `hoist`.
  gateway.identify({ userId: soloUser, intents: Intents.GUILDS, presence: { status: 'online' } })
  gateway.requestMemberList(owner as string, w.guildId, {
    [w.textChannels[0] as string]: [[0, 99]],
  })
  return { ...w, moderators, solo }
}

/** Every member has one session holding `[0, 99]` of the list of the guild's one text channel. */
export interface ListHoldersWorld extends GuildWorld {
  readonly sessionIds: string[]
}

export function listHoldersWorld(size: number): ListHoldersWorld {
  const w = guildWorld(size, 1)
  const sessionIds = identifyAll(w)
  const channel = w.textChannels[0] as string
  for (const id of sessionIds)
    w.sim.gateway.requestMemberList(id, w.guildId, { [channel]: [[0, 99]] })
  return { ...w, sessionIds }
}

/**
 * One session asking for 16 ranges through each of 100 channels that all show the same list (the
 * op 14 limits), and a second one asking for the same 16 ranges through one channel: the other members
 * have no session. Member 1 (`m000001`, first by name) has the second session, so its presence changes
 * the top of the list.
 */
export interface SameListWorld extends GuildWorld {
  readonly many: string
  readonly once: string
  readonly ranges: [number, number][]
}

export const SAME_LIST_CHANNELS = 100
export const SAME_LIST_RANGES = 16

export function sameListWorld(size: number): SameListWorld {
  const w = guildWorld(size, SAME_LIST_CHANNELS)
  const ranges = Array.from({ length: SAME_LIST_RANGES }, (_, i): [number, number] => [
    i * 100,
    i * 100 + 99,
  ])
  const open = (i: number) =>
    w.sim.gateway.identify({
      userId: w.userIds[i] as string,
      intents: Intents.GUILDS,
      presence: { status: 'offline' },
    }).sessionId
  return { ...w, many: open(0), once: open(1), ranges }
}

/** `VIEW_CHANNEL` as an overwrite bitfield. */
export const VIEW = Permissions.VIEW_CHANNEL.toString()
