import type { EngineContext } from '../context.ts'
import { appendReached } from '../backends/fanout.ts'
import { EngineError } from '../errors.ts'
import { channelPayload, presencePayload, userPayload } from '../gateway/payloads.ts'
import { toSnowflake } from '../ids.ts'
import { freezeOwned } from '../payload.ts'
import { ChannelType } from '../world/channelType.ts'
import { guildMemberPayload } from './payloads.ts'
import { subscribePrivate } from './subscriptions.ts'
import type { ActionsState, Flows } from './types.ts'

type SocialFlows = Flows<'addFriend' | 'removeFriend' | 'openDm' | 'createGroupDm' | 'updateUser'>

/** Friends, DMs and profile updates (docs/design/semantics.md §10). */
export function socialActions(ctx: EngineContext, state: ActionsState): SocialFlows {
  const { world, dispatcher } = ctx

  function relationship(otherId: string) {
    const other = world.user(otherId)
    return {
      id: otherId,
      type: 1,
      nickname: null,
      user: other ? userPayload(other) : { id: otherId },
    }
  }

  function distinctPair(a: unknown, b: unknown): [string, string] {
    const first = ctx.world.requireUser(a, 'a').id
    const second = ctx.world.requireUser(b, 'b').id
    if (first === second) {
      throw new EngineError(
        'SELF_FRIENDSHIP',
        `a user cannot be their own friend or DM peer (${first})`,
      )
    }
    return [first, second]
  }

  return {
    /** RELATIONSHIP_ADD (type 1) to both, links both ways, then each one's presence to the other. */
    addFriend(a, b) {
      const [x, y] = distinctPair(a, b)
      if (world.areFriends(x, y)) {
        throw new EngineError('ALREADY_FRIENDS', `users ${x} and ${y} are already friends`)
      }
      world.addFriendship(x, y)
      dispatcher.send('user', x, 'RELATIONSHIP_ADD', freezeOwned(relationship(y)))
      dispatcher.send('user', y, 'RELATIONSHIP_ADD', freezeOwned(relationship(x)))
      ctx.backends.friend.link(x, y)
      dispatcher.send(
        'user',
        x,
        'PRESENCE_UPDATE',
        freezeOwned(presencePayload(y, world.presence(y), null)),
      )
      dispatcher.send(
        'user',
        y,
        'PRESENCE_UPDATE',
        freezeOwned(presencePayload(x, world.presence(x), null)),
      )
    },

    /** The mirror: RELATIONSHIP_REMOVE to both, then the links go both ways. */
    removeFriend(a, b) {
      const [x, y] = distinctPair(a, b)
      if (!world.areFriends(x, y)) {
        throw new EngineError('NOT_FRIENDS', `users ${x} and ${y} are not friends`)
      }
      world.removeFriendship(x, y)
      dispatcher.send('user', x, 'RELATIONSHIP_REMOVE', freezeOwned({ id: y, type: 1 }))
      dispatcher.send('user', y, 'RELATIONSHIP_REMOVE', freezeOwned({ id: x, type: 1 }))
      ctx.backends.friend.unlink(x, y)
    },

    /**
     * Creates (or reuses) the DM and tells `a` with CHANNEL_CREATE through `user`; `b` learns of it with
     * the first message (docs/design/semantics.md §10). `a`'s shard-0 sessions subscribe.
     */
    openDm(a, b) {
      const [x, y] = distinctPair(a, b)
      let dm = world.findDm(x, y)
      if (!dm) {
        dm = world.createChannel({ type: ChannelType.DM, recipients: [x, y] })
        state.pendingDmPeers.set(dm.id, y)
      } else if (state.pendingDmPeers.get(dm.id) === x) {
        // The peer opened it before any message: told now, so the first message tells nobody again.
        state.pendingDmPeers.delete(dm.id)
      }
      dispatcher.send('user', x, 'CHANNEL_CREATE', freezeOwned(channelPayload(world, dm)))
      subscribePrivate(ctx, dm.id, [x])
    },

    /** CHANNEL_CREATE to every recipient (each sees the others), whose shard-0 sessions subscribe. */
    createGroupDm(ownerId, recipients) {
      const owner = ctx.world.requireUser(ownerId, 'ownerId').id
      if (!Array.isArray(recipients)) {
        throw new EngineError('INVALID_INPUT', 'recipients must be an array of user ids')
      }
      const others = recipients.map((r) => toSnowflake(r, 'recipient'))
      const all = [owner, ...others.filter((id) => id !== owner)]
      const group = world.createChannel({ type: ChannelType.GROUP_DM, recipients: all })
      const payload = freezeOwned(channelPayload(world, group))
      for (const userId of group.recipients)
        dispatcher.send('user', userId, 'CHANNEL_CREATE', payload)
      subscribePrivate(ctx, group.id, group.recipients)
    },

    /**
     * litecord's `mass_user_update`: USER_UPDATE to the user's own sessions; then, with one list of
     * reached sessions, GUILD_MEMBER_UPDATE over the user's guilds as `dispatchManyFilterList` does
     * (one dispatch per guild, since each guild's member payload differs) and PRESENCE_UPDATE (with
     * the new user) through `friend`, to sessions not yet reached; then the member lists. Each
     * session gets at most one of the three. (Classic litecord keyed the friend dispatch by the
     * friends' ids and reached friends of friends, docs/design/litecord-notes.md bug 18.)
     */
    updateUser(userId, patch) {
      const id = ctx.world.requireUser(userId, 'userId').id
      const user = world.updateUser(id, patch)
      const self = dispatcher.send('user', id, 'USER_UPDATE', freezeOwned(userPayload(user)))
      const reached: string[] = []
      const seen = new Set<string>()
      appendReached(self, reached, seen)
      for (const guildId of world.userGuildIds(id)) {
        const member = world.member(guildId, id)
        if (!member) continue
        const result = dispatcher.send(
          'guild',
          guildId,
          'GUILD_MEMBER_UPDATE',
          freezeOwned(guildMemberPayload(ctx, member)),
          { filter: (sessionId) => !seen.has(sessionId) },
        )
        appendReached(result, reached, seen)
      }
      dispatcher.send(
        'friend',
        id,
        'PRESENCE_UPDATE',
        freezeOwned({ ...presencePayload(id, world.presence(id), null), user: userPayload(user) }),
        { filter: (sessionId) => !seen.has(sessionId) },
      )
      for (const guildId of world.userGuildIds(id)) ctx.lists.membersChanged(guildId, [id])
    },
  }
}
