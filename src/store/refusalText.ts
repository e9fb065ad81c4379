import type { GraphModel } from './graphModel.ts'
import { usernameOf } from './graphModel.ts'
import type { RefusalRecord } from './refusals.ts'

/** Discord's names for the gateway close codes the engine uses (docs/design/gateway-facts.md §3.6). */
const CLOSE_NAMES: Readonly<Record<number, string>> = {
  4001: 'Unknown opcode or invalid payload',
  4003: 'Not authenticated',
  4004: 'Authentication failed',
  4005: 'Already authenticated',
  4007: 'Invalid seq',
  4009: 'Session timed out',
  4010: 'Invalid shard',
  4011: 'Sharding required',
  4013: 'Invalid intents',
  4014: 'Disallowed intents',
}

const CLOSED_BECAUSE: Readonly<Record<string, string>> = {
  'resume-window': ' (its resume window passed)',
  invalidated: ' (it was invalidated)',
  'events-lost': ' (it had lost events)',
}

/** The short answer: "INVALID_SESSION", "close 4010", "NOT_CONNECTED". */
export function answerText(r: RefusalRecord): string {
  switch (r.answer.kind) {
    case 'invalid-session':
      return 'INVALID_SESSION'
    case 'close':
      return `close ${r.answer.code}`
    case 'error':
      return r.answer.code
    case 'ignored':
      return r.answer.reason === 'same-presence' ? 'no change' : 'cannot read the channel'
  }
}

/** The verdict as the log and the Delivery panel tag it: "refused: INVALID_SESSION", "ignored: no change". */
export function verdictText(r: RefusalRecord): string {
  return `${r.answer.kind === 'ignored' ? 'ignored' : 'refused'}: ${answerText(r)}`
}

/** "bob #1", or the id's start when the session is unknown. */
function sessionName(r: RefusalRecord, model: GraphModel): string | null {
  if (r.sessionId === null) return null
  const entry = model.directory.get(r.sessionId)
  return entry ? `${usernameOf(model, entry.userId)} #${entry.ordinal}` : r.sessionId.slice(0, 8)
}

/** The narration line: "RESUME from bob #1 → refused: INVALID_SESSION (d: false)". */
export function narrateRefusal(r: RefusalRecord, model: GraphModel): string {
  const who = `${r.what}${r.sessionId ? ` from ${sessionName(r, model) ?? ''}` : ''}`
  switch (r.answer.kind) {
    case 'invalid-session':
      return `${who} → refused: INVALID_SESSION (d: false)`
    case 'close':
      return `${who} → refused: close ${r.answer.code} ${CLOSE_NAMES[r.answer.code] ?? ''}`.trim()
    case 'error':
      return `${who} → refused: ${r.answer.code}`
    case 'ignored':
      return `${who} → ignored: ${answerText(r)}, nothing sent`
  }
}

/** A message as a sentence: one full stop at its end. */
const sentence = (message: string) => `${message.replace(/[.\s]+$/, '')}.`

const OFF_TIMELINE = 'Nothing changed, and the call is not on the timeline.'

/** What happened and what the client must do, in sentences a newcomer can read. */
export function explainRefusal(r: RefusalRecord, model: GraphModel): string {
  const entry = r.sessionId === null ? undefined : model.directory.get(r.sessionId)
  const user = entry ? usernameOf(model, entry.userId) : 'the client'
  const possessive = entry ? `${user}’s session` : 'The session'
  const a = r.answer
  switch (a.kind) {
    case 'invalid-session':
      switch (a.reason) {
        case 'closed':
          return (
            `${possessive} is closed${CLOSED_BECAUSE[entry?.closeReason ?? ''] ?? ''}; the server ` +
            `answered INVALID_SESSION (d: false); ${user} must IDENTIFY again.`
          )
        case 'unknown-session':
          return 'No session has that id; the server answered INVALID_SESSION (d: false); the client must IDENTIFY.'
        case 'events-lost':
          return (
            `${possessive} missed frames that have already left its resume buffer, so it can never ` +
            `resume without loss: the server answered INVALID_SESSION (d: false) and closed it; ${user} ` +
            'must IDENTIFY again.'
          )
        case 'still-connected':
          return (
            `${possessive} is still connected: there is nothing to resume. The server answered ` +
            'INVALID_SESSION (d: false); the session itself carries on.'
          )
      }
      break
    case 'close': {
      const name = CLOSE_NAMES[a.code]
      return `The gateway closed the socket with ${a.code}${name ? ` (${name})` : ''}: ${sentence(a.message)} ${OFF_TIMELINE}`
    }
    case 'error':
      return `The engine refused it (${a.code}): ${sentence(a.message)} ${OFF_TIMELINE}`
    case 'ignored': {
      if (a.reason === 'same-presence') {
        const asked = r.call.args[1]
        const status =
          asked !== null && typeof asked === 'object' && !Array.isArray(asked) ? asked.status : null
        return (
          `${user} is already ${typeof status === 'string' ? status : 'in that presence'}: op 3 ` +
          'changed nothing, so nothing was sent to anyone.'
        )
      }
      const names = a.channels.map((id) => model.channels.find((c) => c.id === id)?.label ?? id)
      return (
        `${user} cannot read ${names.length ? names.join(', ') : 'the channel asked for'} (no ` +
        'VIEW_CHANNEL), and the server ignores op 14 for channels a user cannot read: no member ' +
        'list, nothing sent.'
      )
    }
  }
}
