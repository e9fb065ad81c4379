/** Where the editor keeps the last code of each scenario, and the version of what it writes there. */
export const CODE_STORAGE_KEY = 'fanout-code'
export const CODE_STORAGE_VERSION = 1
/** Code longer than this is neither stored nor shared. */
export const MAX_CODE_LENGTH = 100_000

/** The parts of `localStorage` used (a stand-in in tests). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** The last code per scenario, surviving a reload. */
export interface CodeStorage {
  load(scenarioId: string): string | undefined
  save(scenarioId: string, code: string): void
  /** What went wrong reading the stored data, once: the first call returns it, later calls null. */
  takeProblem(): string | null
}

interface Stored {
  version: typeof CODE_STORAGE_VERSION
  code: Record<string, string>
}

/**
 * Reads the stored code once. Damaged data (not JSON, another version, the wrong shape) is reported
 * once through `takeProblem` and replaced by the defaults, so the next load is clean. A store that
 * refuses writes (private browsing, quota) only means the code will not survive a reload.
 */
export function createCodeStorage(store: KeyValueStore | null): CodeStorage {
  let problem: string | null = null
  let data: Stored = { version: CODE_STORAGE_VERSION, code: {} }
  let raw: string | null = null
  try {
    raw = store?.getItem(CODE_STORAGE_KEY) ?? null
  } catch {
    store = null // storage itself is unavailable: keep code in memory only
  }
  if (raw !== null) {
    const read = parse(raw)
    if (typeof read === 'string') {
      problem = `The saved code could not be read (${read}), so every scenario starts from its example again.`
      try {
        store?.removeItem(CODE_STORAGE_KEY)
      } catch {
        // nothing more to do: the damaged data is ignored either way
      }
    } else data = read
  }
  return {
    load: (id) => (Object.hasOwn(data.code, id) ? data.code[id] : undefined),
    save(id, code) {
      if (code.length > MAX_CODE_LENGTH) return
      data = { ...data, code: { ...data.code, [id]: code } }
      try {
        store?.setItem(CODE_STORAGE_KEY, JSON.stringify(data))
      } catch {
        // Quota or private mode: the code stays for this visit only.
      }
    },
    takeProblem() {
      const p = problem
      problem = null
      return p
    },
  }
}

function parse(raw: string): Stored | string {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return 'it is not JSON'
  }
  if (value === null || typeof value !== 'object') return 'it is not an object'
  const { version, code } = value as Record<string, unknown>
  if (version !== CODE_STORAGE_VERSION) {
    return `version ${JSON.stringify(version)} where ${CODE_STORAGE_VERSION} was expected`
  }
  if (code === null || typeof code !== 'object' || Array.isArray(code))
    return 'it has no code table'
  const entries = Object.entries(code as Record<string, unknown>)
  if (entries.some(([, v]) => typeof v !== 'string')) return 'some saved code is not text'
  return {
    version: CODE_STORAGE_VERSION,
    code: Object.fromEntries(entries) as Record<string, string>,
  }
}
