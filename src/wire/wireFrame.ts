import { isObject, type WireFrame } from './protocol.ts'

/** What the wire adds to the engine's frames: where a client resumes. */
export interface WireContext {
  /** READY's `resume_gateway_url`: this server's `ws://` address. */
  readonly resumeGatewayUrl: string
  /** False when the user's application has not enabled privileged intents (default true). */
  readonly privilegedIntents?: boolean
}

/**
 * The application flags READY announces: the three privileged intents enabled (GATEWAY_PRESENCE
 * 1 << 12, GATEWAY_GUILD_MEMBERS 1 << 14, GATEWAY_MESSAGE_CONTENT 1 << 18), since every user of the
 * world may use them, as an approved application may (docs/design/semantics.md §10, "The wire
 * protocol").
 */
export const APPLICATION_FLAGS = (1 << 12) | (1 << 14) | (1 << 18)

/**
 * A frame of `userId`'s session as its client receives it. The engine's READY carries what the pub/sub layer decides (`v`,
 * `user`, `session_id`, `shard`, `guilds`, DMs, friends); the wire adds what only a networked gateway
 * knows: `resume_gateway_url`, and `application` (a bot's application id is its user id, as for bots
 * made in Discord's developer portal). Every other frame goes out as the engine made it. Pure: the
 * live view applies the same function to show a session's frames as its client received them.
 */
export function wireFrame(frame: WireFrame, userId: string, wire: WireContext): WireFrame {
  if (frame.op !== 0 || frame.t !== 'READY' || !isObject(frame.d)) return frame
  return {
    ...frame,
    d: {
      ...frame.d,
      resume_gateway_url: wire.resumeGatewayUrl,
      application: {
        id: userId,
        flags: wire.privilegedIntents === false ? 0 : APPLICATION_FLAGS,
      },
    },
  }
}
