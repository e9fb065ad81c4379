import type { GraphModel } from '../../store/graphModel.ts'

/** "alice #2": the user's name and which of its sessions (IDENTIFY order). */
export function sessionLabel(model: GraphModel, sessionId: string): string {
  const entry = model.directory.get(sessionId)
  if (!entry) return sessionId.slice(0, 8)
  const name = model.users.find((u) => u.id === entry.userId)?.username ?? entry.userId
  return `${name} #${entry.ordinal}`
}
