import { createSimulation, Intents } from '../../engine/index.ts'
import { applyCall, type EngineCall, type CallEngine } from '../../calls/index.ts'
import type { WireSocket } from '../connection.ts'
import { GatewayHost } from '../host.ts'
import type { WireFrame } from '../protocol.ts'
import { mintToken } from '../tokens.ts'

/** A socket that records what the host does to it. */
export class FakeSocket implements WireSocket {
  readonly frames: WireFrame[] = []
  closed: { code: number; reason: string } | null = null
  dropped = false

  send(text: string): void {
    if (this.closed || this.dropped) throw new Error('send after close')
    this.frames.push(JSON.parse(text) as WireFrame)
  }
  close(code: number, reason: string): void {
    this.closed = { code, reason }
  }
  drop(): void {
    this.dropped = true
  }
  /** Dispatch frames' `t`, in order. */
  get events(): string[] {
    return this.frames.filter((f) => f.op === 0).map((f) => f.t as string)
  }
  /** The last `s` received. */
  get lastSeq(): number {
    const dispatches = this.frames.filter((f) => f.s !== null)
    return dispatches.length > 0 ? (dispatches[dispatches.length - 1]?.s as number) : 0
  }
}

export const GUILD = '20971520' // 5 << 22: shard 1 of 2
export const GENERAL = '1001'
export const ALICE = '10'
export const BOT = '20'
export const SEED = 7
export const START = 1_700_000_000_000
export const TOKENS = { seed: SEED, startTime: START }
export const token = (userId: string) => mintToken(TOKENS, userId)

/** The world the wire tests use, as calls (so a replay can rebuild it). */
export const WORLD_CALLS: EngineCall[] = [
  { target: 'world', method: 'createUser', args: [{ id: ALICE, username: 'alice' }] },
  { target: 'world', method: 'createUser', args: [{ id: BOT, username: 'fanbot', bot: true }] },
  { target: 'world', method: 'createGuild', args: [{ id: GUILD, name: 'HQ', ownerId: ALICE }] },
  { target: 'world', method: 'addMember', args: [GUILD, BOT] },
  {
    target: 'world',
    method: 'createChannel',
    args: [{ id: GENERAL, guildId: GUILD, name: 'general' }],
  },
]

/** A fresh engine with {@link WORLD_CALLS} applied. */
export function worldEngine(): CallEngine {
  const engine: CallEngine = {
    sim: createSimulation({ seed: SEED, startTime: START }),
    sessions: [],
  }
  for (const call of WORLD_CALLS) applyCall(engine, call)
  return engine
}

export const INTERVAL = 1000

/** A host over {@link worldEngine}, at time 0. */
export function makeHost(): GatewayHost {
  return new GatewayHost({
    engine: worldEngine(),
    tokens: TOKENS,
    wire: { resumeGatewayUrl: 'ws://127.0.0.1:1' },
    heartbeatIntervalMs: INTERVAL,
    now: 0,
  })
}

/** IDENTIFY's data as discord.js sends it. */
export function identifyData(userId: string, extra: Record<string, unknown> = {}) {
  return {
    token: token(userId),
    intents: Intents.GUILDS | Intents.GUILD_MESSAGES | Intents.MESSAGE_CONTENT,
    properties: { os: 'linux', browser: 'test', device: 'test' },
    ...extra,
  }
}

export const frame = (op: number, d: unknown) => JSON.stringify({ op, d })
