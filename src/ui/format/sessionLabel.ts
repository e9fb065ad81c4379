import { usernameOf, type GraphModel } from '../../store/graphModel.ts'

/** "alice #2": the user's name and which of its sessions (IDENTIFY order). */
export function sessionLabel(model: GraphModel, sessionId: string): string {
  const entry = model.directory.get(sessionId)
  if (!entry) return sessionId.slice(0, 8)
  return `${usernameOf(model, entry.userId)} #${entry.ordinal}`
}
