import { compareSnowflakes, describeValue } from '../ids.ts'
import type { WorldInternal } from './internal.ts'
import { copyJson, deepFreeze } from './plainData.ts'
import { addToIndex, removeFromIndex, type WorldCore } from './state.ts'
import type { Presence, User } from './types.ts'
import {
  fail,
  newId,
  optionalBoolean,
  optionalNewId,
  requireInput,
  requireText,
  requireUser,
} from './validate.ts'

/** Discord's username limit. */
const USERNAME_MAX = 32
const STATUSES: ReadonlySet<string> = new Set(['online', 'idle', 'dnd', 'offline'])
const OFFLINE: Presence = deepFreeze({ status: 'offline', activities: [] })

type UserMutators = Pick<
  WorldInternal,
  'createUser' | 'updateUser' | 'addFriendship' | 'removeFriendship' | 'setPresence'
>

/** @internal Users, friendships and presences. */
export function userMutators(core: WorldCore): UserMutators {
  return {
    createUser(input) {
      const u = requireInput(input, 'createUser input')
      const taken = (id: string) => core.state.users.has(id)
      const explicit = optionalNewId(u.id, 'user id', taken)
      const username = requireText(u.username, 'username', USERNAME_MAX)
      const bot = optionalBoolean(u.bot, 'bot', false)
      const id = newId(core, explicit, 'user id', taken)
      const user: User = deepFreeze({
        id,
        username,
        discriminator: '0',
        global_name: null,
        avatar: null,
        bot,
      })
      core.state.users.set(id, user)
      core.emit({ entity: 'user', op: 'create', id })
      return user
    },

    updateUser(userId, patch) {
      const id = requireUser(core.state, userId)
      const p = requireInput(patch, 'updateUser patch')
      const old = core.state.users.get(id) as User
      const username =
        p.username === undefined ? old.username : requireText(p.username, 'username', USERNAME_MAX)
      const avatar = p.avatar === undefined ? old.avatar : requireAvatar(p.avatar)
      const user: User = deepFreeze({ ...old, username, avatar })
      core.state.users.set(id, user)
      core.emit({ entity: 'user', op: 'update', id })
      return user
    },

    addFriendship(a, b) {
      const [x, y] = friendPair(core, a, b)
      if (core.state.friends.get(x)?.has(y)) return
      addToIndex(core.state.friends, x, y)
      addToIndex(core.state.friends, y, x)
      core.emit({ entity: 'friendship', op: 'create', id: friendshipId(x, y) })
    },

    removeFriendship(a, b) {
      const [x, y] = friendPair(core, a, b)
      if (!core.state.friends.get(x)?.has(y)) return
      removeFromIndex(core.state.friends, x, y)
      removeFromIndex(core.state.friends, y, x)
      core.emit({ entity: 'friendship', op: 'delete', id: friendshipId(x, y) })
    },

    setPresence(userId, input) {
      const id = requireUser(core.state, userId)
      const p = requireInput(input, 'presence')
      if (typeof p.status !== 'string' || !STATUSES.has(p.status)) {
        fail(
          'INVALID_INPUT',
          "presence status must be 'online', 'idle', 'dnd' or 'offline', " +
            `got ${describeValue(p.status)}`,
        )
      }
      if (p.activities !== undefined && !Array.isArray(p.activities)) {
        fail(
          'INVALID_INPUT',
          `presence activities must be an array, got ${describeValue(p.activities)}`,
        )
      }
      const presence = Object.freeze({
        status: p.status as Presence['status'],
        activities: copyJson(p.activities ?? [], 'presence activities') as unknown[],
      })
      const old = core.state.presences.get(id) ?? OFFLINE
      // Setting the same presence again changes nothing (docs/design/semantics.md §7), so it
      // reports nothing.
      if (samePresence(old, presence)) return old
      if (samePresence(OFFLINE, presence)) core.state.presences.delete(id)
      else core.state.presences.set(id, presence)
      core.emit({ entity: 'presence', op: 'update', id })
      return presence
    },
  }
}

/** @internal The presence of a user who never set one: offline, no activities. */
export function defaultPresence(): Presence {
  return OFFLINE
}

/** @internal The `WorldChange` id of a friendship: both user ids, lower first. */
export function friendshipId(a: string, b: string): string {
  return compareSnowflakes(a, b) < 0 ? `${a}:${b}` : `${b}:${a}`
}

function friendPair(core: WorldCore, a: unknown, b: unknown): [string, string] {
  const x = requireUser(core.state, a, 'first user id')
  const y = requireUser(core.state, b, 'second user id')
  if (x === y) fail('SELF_FRIENDSHIP', `user ${x} cannot befriend itself; name two different users`)
  return [x, y]
}

function requireAvatar(value: unknown): string | null {
  if (value !== null && (typeof value !== 'string' || value === '')) {
    fail(
      'INVALID_INPUT',
      `avatar must be an image hash (a non-empty string) or null, got ${describeValue(value)}`,
    )
  }
  return value
}

function samePresence(a: Presence, b: Presence): boolean {
  return a.status === b.status && JSON.stringify(a.activities) === JSON.stringify(b.activities)
}
