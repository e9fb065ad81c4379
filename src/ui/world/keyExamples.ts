import type { BackendName } from '../../engine/index.ts'
import { usernameOf, type GraphModel } from '../../store/graphModel.ts'

/**
 * Keys of the world at the cursor that a backend takes, for the key field's suggestions and placeholder:
 * its topics' keys where it keeps lists, else what its key names (a guild, a channel, a user, a member).
 */
export function keyChoices(backend: BackendName, model: GraphModel): [string, string][] {
  const topics = model.topics.filter((t) => t.backend === backend)
  if (backend !== 'lazy_guild' && topics.length > 0) return topics.map((t) => [t.key, t.label])
  const users = model.users.map((u): [string, string] => [u.id, u.username])
  switch (backend) {
    case 'guild':
    case 'lazy_guild':
      return model.guilds.map((g) => [g.id, g.name])
    case 'channel':
      return model.channels.map((c) => [c.id, c.label])
    case 'user':
    case 'friend':
      return users
    case 'member':
      // Members the model knows of: each guild's owner, then the users of its subscribed sessions.
      return model.guilds.flatMap((g) => {
        const subscribers = model.topics.find((t) => t.id === `guild:${g.id}`)?.subscribers ?? []
        const userIds = new Set([g.ownerId])
        for (const s of subscribers) {
          const userId = model.directory.get(s)?.userId
          if (userId) userIds.add(userId)
        }
        return [...userIds].map((u): [string, string] => [
          `${g.id}:${u}`,
          `${usernameOf(model, u)} in ${g.name}`,
        ])
      })
  }
}

/** The key field's placeholder: an example key of this backend (one, or two for the *Many helpers). */
export function keyExample(backend: BackendName, model: GraphModel, many: boolean): string {
  const keys = keyChoices(backend, model).map(([k]) => k)
  return (many ? keys.slice(0, 2).join(', ') : keys[0]) ?? ''
}
