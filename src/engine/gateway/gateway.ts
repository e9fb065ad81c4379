import type { EngineContext } from '../context.ts'
import { EngineError, GatewayCloseError } from '../errors.ts'
import { describeValue, parseSnowflake, shardBase } from '../ids.ts'
import { ChannelType } from '../world/channelType.ts'
import type { Frame, GatewayState, PresenceStatus, ResumeResult, Snowflake } from '../types.ts'
import { validateIdentify, validatePresence, type IdentifyInput } from './identifyInput.ts'
import type { Lifecycle } from './lifecycle.ts'
import { guildCreatePayload, readyPayload } from './payloads.ts'
import { Intents } from './intents.ts'
import { Session } from './session.ts'
import { reportSession } from './reportSession.ts'
import { serves } from './stateManager.ts'

/** The mock gateway: what a client's socket can ask for (IDENTIFY, RESUME, op 3, op 14). */
export interface Gateway {
  /**
   * IDENTIFY (op 2): a new session; READY, a GUILD_CREATE per served guild (with GUILDS), then
   * subscribe-all. Refusals are Discord's close codes (`GatewayCloseError`: 4004 unknown user, 4010
   * bad shard, 4013 bad intents). Returns the session's read-only, live `GatewayState`.
   *
   * @example
   * const bot = sim.gateway.identify({ userId: botUser.id, intents: Intents.GUILDS, shard: [1, 2] })
   * bot.frames[0].t // 'READY'
   */
  identify(p: IdentifyInput): GatewayState
  /**
   * The socket drops; the session stays resumable for the resume window (`resumeWindowMs`), buffering
   * its events. With a window of 0 it closes at once.
   */
  disconnect(sessionId: string): void
  /** Closes the session now, without waiting for the window (op 9 `d: false` if connected). */
  invalidate(sessionId: string): void
  /**
   * RESUME (op 6) with `seq`, the last `s` the client received: re-sends every frame with `s > seq`,
   * in order and with its original `s`, then RESUMED with the next `s`; the session is connected
   * again. An unknown, closed or still-connected session is not resumed: the answer is
   * `{ resumed: false, reason }`, nothing changes and no frame is sent (a client would be told op 9,
   * INVALID_SESSION). A `seq` greater than the last `s` the session was sent throws
   * `GatewayCloseError` 4007 (invalid seq), and the session stays disconnected. When a frame newer
   * than `seq` has already left the resume buffer, the session is sent op 9 (`d: false`) and closed
   * (`reason: 'events-lost'`): it could never resume without loss.
   *
   * See [Resume and faults](/docs/resume).
   *
   * @example
   * sim.gateway.disconnect(session.sessionId)
   * const lastSeen = session.seq
   * sim.dispatcher.dispatch('guild', guild.id, 'GUILD_UPDATE', { id: guild.id }) // buffered
   * sim.gateway.resume(session.sessionId, lastSeen) // { resumed: true, replayed: [GUILD_UPDATE frame] }
   */
  resume(sessionId: string, seq: number): ResumeResult
  /**
   * op 14 (lazy member list): the ranges this session wants, per channel; at most 100 items per range,
   * inclusive. The answer is one GUILD_MEMBER_LIST_UPDATE per list with a SYNC per range; later
   * changes send the minimal ops for those ranges. No ranges for a channel lets go of its list.
   *
   * @example
   * sim.gateway.requestMemberList(session.sessionId, guild.id, { [general.id]: [[0, 99]] })
   */
  requestMemberList(
    sessionId: string,
    guildId: Snowflake,
    channels: Record<string, [number, number][]>,
  ): void
  /**
   * op 3: the user's presence changes and fans out (member lists, then PRESENCE_UPDATE to the guilds'
   * GUILD_PRESENCES sessions not told by a list, then to friends). The session must be connected.
   *
   * @example
   * sim.gateway.updatePresence(session.sessionId, { status: 'idle' })
   */
  updatePresence(sessionId: string, p: { status: PresenceStatus; activities?: unknown[] }): void
  /** Fault injection: while on, every send to this session's socket throws (`send-failed`). */
  failSocket(sessionId: string, failing: boolean): void
}

/**
 * @internal The gateway as the engine holds it: the public {@link Gateway} plus op 14 as a job, which
 * hosts reach through `requestMemberListInSteps` (simulation.ts), not through `sim.gateway`: a job is
 * not a call user code can record.
 */
export interface GatewayInternal extends Gateway {
  /**
   * {@link Gateway.requestMemberList} in steps, for a caller that must not block for long (a browser
   * building a list of 100,000 members): every check runs on the first `next()` and throws as
   * `requestMemberList` would, before anything changes; lists that do not exist yet are then read from
   * the world a few hundred members per step; the request is served, exactly as `requestMemberList`
   * serves it, in the last step. Stopping the generator early changes nothing. Make no other call on the
   * simulation until it is done: the lists are read from the world as it was when it started.
   */
  requestMemberListInSteps(
    sessionId: string,
    guildId: Snowflake,
    channels: Record<string, [number, number][]>,
  ): Generator<void, void>
}

export function createGateway(ctx: EngineContext, lifecycle: Lifecycle): GatewayInternal {
  const { world, states, backends } = ctx

  const open = (sessionId: unknown): Session => states.require(sessionId)

  /**
   * op 3 and op 14 need a live socket to arrive on (docs/design/semantics.md §10): NOT_CONNECTED
   * otherwise.
   */
  function connected(sessionId: unknown, op: string): Session {
    const session = open(sessionId)
    if (session.status !== 'connected') {
      throw new EngineError(
        'NOT_CONNECTED',
        `session ${session.sessionId} is not connected, so it cannot send ${op}; resume it first`,
      )
    }
    return session
  }

  function guildIdOf(guildId: unknown): string {
    const guild = parseSnowflake(guildId)
    if (guild === undefined) {
      throw new EngineError(
        'INVALID_ID',
        `guildId must be a snowflake; got ${describeValue(guildId)}`,
      )
    }
    return guild
  }

  /**
   * litecord's `subscribe_all`: served guilds, their readable text channels, DMs on shard 0. The friend
   * links are made earlier, before the presence fans out (see `identify`).
   */
  function subscribeAll(session: Session, guildIds: readonly string[]) {
    for (const guildId of guildIds) {
      backends.guild.sessions.add(guildId, session)
      for (const channelId of world.guildChannelIdSet(guildId)) {
        const channel = world.channel(channelId)
        // viewersOf with the session as the member holder: the user's member record is looked up
        // once for all the guild's channels (canView looked it up again per channel, each a miss in
        // the guild's table of members), with the same answers (world/access.ts).
        if (
          channel?.type === ChannelType.GUILD_TEXT &&
          world.viewersOf(channelId)(session.userId, session)
        ) {
          backends.channel.sessions.add(channelId, session)
        }
      }
    }
    // Discord sends events without a guild to shard 0 only (docs/design/gateway-facts.md §4).
    if (session.shardId === 0) {
      for (const channel of world.privateChannels(session.userId)) {
        backends.channel.sessions.add(channel.id, session)
      }
    }
  }

  function sendOrFail(session: Session, frame: Frame, replay: boolean) {
    try {
      session.socket.send(frame)
      ctx.reportFrame(session, frame, 'delivered', replay)
    } catch {
      ctx.reportFrame(session, frame, 'failed', replay)
    }
  }

  return {
    identify(input) {
      const valid = validateIdentify(input, (id) => world.user(id) !== undefined)
      // Listeners hear of the session once its first frames are out: a listener that calls the
      // engine cannot send the new session anything before READY (docs/design/semantics.md §3).
      return ctx.inspector.deferWhile(() => {
        const session = new Session({
          sessionId: ctx.random.nextHex32(),
          userId: valid.userId,
          shard: valid.shard,
          intents: valid.intents,
          resumeBufferSize: ctx.settings.resumeBufferSize,
        })
        states.insert(session)
        reportSession(ctx.inspector, session, 'identify')
        // Friend links first, so a friend this IDENTIFY links hears its status
        // (docs/design/semantics.md §10). They are per user and reach none of this session's
        // frames, so READY still comes first.
        backends.friend.linkAll(session.userId, world.friendIdSet(session.userId))
        // The presence is the user's as of this IDENTIFY; it fans out to others only (never to the user's
        // own sessions), so READY is still this session's first frame and GUILD_CREATE shows it.
        ctx.presence.set(valid.userId, valid.presence ?? { status: 'online', activities: [] })
        const guildIds = world
          .userGuildIds(valid.userId)
          .filter((g) => serves(session, shardBase(g)))
        ctx.sendDirect(session, 'READY', readyPayload(world, session, guildIds))
        if ((session.intents & Intents.GUILDS) !== 0) {
          for (const guildId of guildIds) {
            const guild = world.guild(guildId)
            if (guild) {
              ctx.sendDirect(
                session,
                'GUILD_CREATE',
                guildCreatePayload(world, guild, session, valid.largeThreshold),
              )
            }
          }
        }
        subscribeAll(session, guildIds)
        return session.view
      })
    },

    disconnect(sessionId) {
      const session = open(sessionId)
      if (session.status !== 'connected') {
        throw new EngineError(
          'NOT_CONNECTED',
          `session ${session.sessionId} is already disconnected; resume it or let its window pass`,
        )
      }
      lifecycle.disconnect(session)
    },

    invalidate(sessionId) {
      const session = open(sessionId)
      if (session.status === 'connected') {
        sendOrFail(session, { op: 9, t: null, s: null, d: false }, false)
      }
      lifecycle.close(session, 'invalidated')
    },

    resume(sessionId, seq) {
      if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) {
        throw new EngineError(
          'INVALID_SEQ',
          `RESUME's seq is the last s the client received, an integer ≥ 0; got ${describeValue(seq)}`,
        )
      }
      const session = typeof sessionId === 'string' ? states.session(sessionId) : undefined
      if (!session) {
        const closed = typeof sessionId === 'string' && states.wasClosed(sessionId)
        return Object.freeze({ resumed: false, reason: closed ? 'closed' : 'unknown-session' })
      }
      if (session.status === 'connected')
        return Object.freeze({ resumed: false, reason: 'still-connected' })
      if (seq > session.seq) {
        throw new GatewayCloseError(
          4007,
          `invalid seq ${seq} in RESUME: session ${session.sessionId} has only sent up to s = ` +
            `${session.seq}; the session stays disconnected`,
        )
      }
      if (seq + 1 < session.oldestBuffered()) {
        // A frame the client never saw has left the buffer: it can never resume without loss.
        sendOrFail(session, { op: 9, t: null, s: null, d: false }, false)
        lifecycle.close(session, 'events-lost')
        return Object.freeze({ resumed: false, reason: 'events-lost' })
      }
      lifecycle.reconnect(session)
      const replayed = session.framesAfter(seq)
      for (const frame of replayed) sendOrFail(session, Object.freeze(frame), true)
      ctx.sendDirect(session, 'RESUMED', {})
      return Object.freeze({
        resumed: true,
        state: session.view,
        replayed: Object.freeze(replayed),
      })
    },

    requestMemberList(sessionId, guildId, channels) {
      const session = connected(sessionId, 'op 14')
      ctx.lists.request(session, guildIdOf(guildId), channels)
    },

    *requestMemberListInSteps(sessionId, guildId, channels) {
      const session = connected(sessionId, 'op 14')
      yield* ctx.lists.requestInSteps(session, guildIdOf(guildId), channels)
    },

    updatePresence(sessionId, p) {
      const session = connected(sessionId, 'op 3')
      const presence = validatePresence(p, 4001)
      ctx.presence.set(session.userId, presence)
    },

    failSocket(sessionId, failing) {
      const session = open(sessionId)
      if (typeof failing !== 'boolean') {
        throw new EngineError(
          'INVALID_INPUT',
          `failSocket takes true or false; got ${describeValue(failing)}`,
        )
      }
      if (session.socket.failing === failing) return
      session.socket.failing = failing
      reportSession(ctx.inspector, session, failing ? 'socket-failing' : 'socket-healed')
    },
  }
}
