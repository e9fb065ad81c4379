import { intentNames, Intents, type Simulation } from '../engine/index.ts'
import type { EngineCall, Json } from '../calls/index.ts'

/** Names ids for labels: a user's name, a guild's name, a channel's `#name`; the id when unknown. */
export type NameOf = (id: string) => string

/** A NameOf reading the simulation's world (users, guilds, channels). */
export function namesFrom(sim: Simulation): NameOf {
  return (id) => {
    const user = sim.world.user(id)
    if (user) return user.username
    const guild = sim.world.guild(id)
    if (guild) return guild.name
    const channel = sim.world.channel(id)
    if (channel?.name) return `#${channel.name}`
    const session = sim.states.fetchRaw(id)
    if (session)
      return `${sim.world.user(session.userId)?.username ?? session.userId}·${id.slice(0, 4)}`
    return id
  }
}

function str(v: Json | undefined): string {
  if (v === undefined) return '?'
  if (typeof v === 'string' || typeof v === 'number') return String(v)
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    if ('$session' in v) return `session ${String(v.$session)}`
    if ('$lastSeq' in v) return `last seq of session ${String(v.$lastSeq)}`
  }
  return JSON.stringify(v)
}

function obj(v: Json | undefined): Record<string, Json> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {}
}

/** Short intent names: ALL, or the names joined. */
export function describeIntents(intents: number): string {
  if (intents === Intents.ALL) return 'all intents'
  if (intents === 0) return 'no intents'
  return intentNames(intents).join(', ')
}

function keyText(key: Json | undefined, name: NameOf): string {
  if (Array.isArray(key)) return key.map((k) => name(str(k))).join(' · ')
  return name(str(key))
}

function keysText(keys: Json | undefined, name: NameOf): string {
  return Array.isArray(keys) ? keys.map((k) => keyText(k, name)).join(' + ') : keyText(keys, name)
}

/** A one-line, human description of a call for the timeline and buttons. */
export function describeCall(call: EngineCall, name: NameOf = (id) => id): string {
  if (call.label) return call.label
  const [a, b, c] = call.args
  const id = (v: Json | undefined) => name(str(v))
  switch (`${call.target}.${call.method}`) {
    case 'world.createUser':
      return `Create user ${str(obj(a).username)}${obj(a).bot === true ? ' (bot)' : ''}`
    case 'world.createGuild':
      return `Create guild ${str(obj(a).name)}`
    case 'world.createChannel':
      return `Create channel ${obj(a).name === undefined ? '' : `#${str(obj(a).name)}`}`.trim()
    case 'world.createRole':
      return `Create role ${str(obj(b).name)} in ${id(a)}`
    case 'world.addMember':
      return `Add ${id(b)} to ${id(a)}`
    case 'world.updateMember':
      return `Update member ${id(b)} of ${id(a)}`
    case 'world.addFriendship':
      return `Make ${id(a)} and ${id(b)} friends`
    case 'gateway.identify': {
      const p = obj(a)
      const shard = Array.isArray(p.shard) ? ` · shard ${str(p.shard[0])}/${str(p.shard[1])}` : ''
      const intents = typeof p.intents === 'number' ? ` · ${describeIntents(p.intents)}` : ''
      return `IDENTIFY ${id(p.userId)}${shard}${intents}`
    }
    case 'gateway.disconnect':
      return `Disconnect ${id(a)}`
    case 'gateway.resume':
      return `RESUME ${id(a)} from seq ${str(b)}`
    case 'gateway.invalidate':
      return `Invalidate ${id(a)}`
    case 'gateway.failSocket':
      return `${b === true ? 'Break' : 'Heal'} the socket of ${id(a)}`
    case 'gateway.updatePresence':
      return `Presence of ${id(a)} → ${str(obj(b).status)}`
    case 'gateway.requestMemberList':
      return `Request member list of ${id(b)} (op 14)`
    case 'dispatcher.dispatch':
      return `${str(c)} through ${str(a)} ${keyText(b, name)}`
    case 'dispatcher.dispatchMany':
      return `${str(c)} through ${str(a)} ${keysText(b, name)} (dispatchMany)`
    case 'dispatcher.dispatchFilter': {
      const only = obj(c).$only
      const count = Array.isArray(only) ? only.length : 0
      return `${str(call.args[3])} through ${str(a)} ${keyText(b, name)}, only ${count} session${count === 1 ? '' : 's'} (dispatchFilter)`
    }
    case 'dispatcher.dispatchManyFilterList':
      return `${str(call.args[3])} through ${str(a)} ${keysText(b, name)}, each session once (dispatchManyFilterList)`
    case 'clock.advance':
      return `Advance the clock ${Number(a) / 1000} s`
    default:
      return `${call.target}.${call.method}(${call.args.map((x) => (typeof x === 'object' ? '…' : str(x))).join(', ')})`
  }
}

/** True when a call's arguments name sessions by reference (`{ $session: n }`), not by id. */
function hasRefs(v: Json | undefined): boolean {
  if (Array.isArray(v)) return v.some(hasRefs)
  if (v === null || typeof v !== 'object') return false
  return Object.keys(v).some((k) => k.startsWith('$')) || Object.values(v).some(hasRefs)
}

/**
 * The call as one line of code the editor would run (`dispatcher.dispatch('guild', '1', …)`), or null
 * when its arguments name sessions by reference (their ids are only known once the scenario has run).
 */
export function callAsCode(call: EngineCall): string | null {
  if (call.args.some(hasRefs)) return null
  const arg = (v: Json) =>
    typeof v === 'string' ? `'${v.replace(/[\\']/g, '\\$&')}'` : JSON.stringify(v)
  return `${call.target}.${call.method}(${call.args.map(arg).join(', ')})`
}
