import { freezeOwned, ownedOf } from '../payload.ts'
import type { WorldChange, WorldInternal } from '../world/createWorld.ts'

/** World changes that cannot alter a guild's roles, channels or member objects. */
const IRRELEVANT: ReadonlySet<WorldChange['entity']> = new Set([
  'presence',
  'message',
  'friendship',
])

/**
 * The parts of GUILD_CREATE that every session of a guild sees alike: its roles, its channels and the
 * member object of each of its first `large_threshold` members. IDENTIFY at scale spent half its time
 * building and freezing these again for every session (100,000 copies of the same 15 channels and 50
 * members); here each is built once, frozen and owned (so the payload copy keeps it by reference), and
 * shared until a change to a user, guild, role, channel or member forgets them all. Such changes are
 * rare next to IDENTIFYs, and forgetting everything keeps the rule simple enough to trust. (A world is
 * restored from a snapshot only while its simulation is fresh, before anything was built here.)
 */
export class GuildCreateParts {
  private readonly roles = new Map<string, readonly unknown[]>()
  private readonly channels = new Map<string, readonly unknown[]>()
  /** By guild, then user: no key string to build per member and IDENTIFY. */
  private readonly members = new Map<string, Map<string, unknown>>()
  /** By guild, then size: its lowest member ids with their shared member objects. */
  private readonly samples = new Map<string, Map<number, LowestSample>>()
  /** By user: its owned user object (READY's own user, relationships' and members' users). */
  private readonly users = new Map<string, object>()
  /** By guild: READY's unavailable stub for it. */
  private readonly stubs = new Map<string, object>()
  /** By user: the relationship READY lists it as (each user is in its friends' READYs). */
  private readonly relationships = new Map<string, unknown>()

  constructor(world: WorldInternal) {
    world.onChange((change) => {
      if (IRRELEVANT.has(change.entity)) return
      this.roles.clear()
      this.channels.clear()
      this.members.clear()
      this.samples.clear()
      this.relationships.clear()
      this.users.clear()
      this.stubs.clear()
    })
  }

  rolesOf(guildId: string, build: () => unknown[]): readonly unknown[] {
    return cached(this.roles, guildId, build)
  }

  channelsOf(guildId: string, build: () => unknown[]): readonly unknown[] {
    return cached(this.channels, guildId, build)
  }

  /**
   * The guild's `n` lowest member ids and their member objects, in order, the same for every session
   * (each GUILD_CREATE adds its own member in front): IDENTIFY looked up 50 members and made 50 small
   * arrays for every session.
   */
  lowest(guildId: string, n: number, read: () => LowestSample): LowestSample {
    // A map per guild, not a `guild:n` key: that string was built and hashed anew per IDENTIFY.
    let bySize = this.samples.get(guildId)
    if (bySize === undefined) this.samples.set(guildId, (bySize = new Map()))
    let sample = bySize.get(n)
    if (sample === undefined) bySize.set(n, (sample = read()))
    return sample
  }

  /**
   * A user's shared, owned user object: one per user for READY's `user`, the relationships it is in
   * and its member objects, where each built its own (two more objects kept per session at 100,000).
   */
  user(userId: string, build: () => object): object {
    return cached(this.users, userId, build)
  }

  /** READY's `{ id, unavailable: true }` for a guild, shared by every session's READY. */
  guildStub(guildId: string): object {
    return cached(this.stubs, guildId, () => ownedOf({ id: guildId, unavailable: true }))
  }

  /** A friend's shared, owned relationship object (`{ id, type: 1, user }`). */
  relationship(userId: string, build: () => unknown): unknown {
    return cached(this.relationships, userId, build)
  }

  member(guildId: string, userId: string, build: () => unknown): unknown {
    let guild = this.members.get(guildId)
    if (guild === undefined) this.members.set(guildId, (guild = new Map()))
    return cached(guild, userId, build)
  }
}

/** A guild's lowest member ids and, at the same index, their shared member objects. */
export interface LowestSample {
  readonly ids: readonly string[]
  readonly members: readonly unknown[]
}

function cached<T>(map: Map<string, T>, key: string, build: () => T): T {
  let value = map.get(key)
  if (value === undefined) {
    value = freezeOwned(build())
    map.set(key, value)
  }
  return value
}

const partsByWorld = new WeakMap<WorldInternal, GuildCreateParts>()

/** The world's shared GUILD_CREATE parts (made on first use; they live and die with the world). */
export function guildCreateParts(world: WorldInternal): GuildCreateParts {
  let parts = partsByWorld.get(world)
  if (parts === undefined) {
    parts = new GuildCreateParts(world)
    partsByWorld.set(world, parts)
  }
  return parts
}
