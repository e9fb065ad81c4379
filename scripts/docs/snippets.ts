// Every TypeScript block on a docs page is a program the reader can paste into an editor: these
// helpers run one in the sandbox's own logic (src/sandbox/session.ts, driven in Node) on the page's
// example world, and read what a block's fence says about it.
import type { RunFailure } from '../../src/sandbox/protocol.ts'
import { createTestSandbox } from '../../src/sandbox/testing.ts'
import type { Scenario } from '../../src/scenarios/types.ts'

/**
 * What a code fence's meta (after the language) says about its block:
 * - nothing: a program that runs on the page's world without throwing;
 * - `throws=CODE`: a program that shows an error, and must throw it (an `EngineError` or
 *   `GatewayCloseError` with that `code`, or an error with that `name`);
 * - `world=<scenario id>`: runs on that scenario's world instead of the page's;
 * - `signature`: a method's signature, not a program; its names must match the API reference.
 */
export interface FenceMeta {
  readonly throws?: string
  readonly world?: string
  readonly signature: boolean
}

export function parseMeta(meta: string): FenceMeta {
  const words = meta.split(/\s+/).filter(Boolean)
  const out: { throws?: string; world?: string; signature: boolean } = { signature: false }
  for (const w of words) {
    const [key, value] = w.split('=')
    if (key === 'signature' && value === undefined) out.signature = true
    else if (key === 'throws' && value) out.throws = value
    else if (key === 'world' && value) out.world = value
    else throw new Error(`unknown code fence meta “${w}” (signature, throws=CODE, world=<id>)`)
  }
  return out
}

/**
 * The languages whose blocks are programs for the editors. A `js` block is a program for another
 * runtime (a discord.js bot on the Connect your own bot page) and is not run here.
 */
export const RUNNABLE = new Set(['ts', 'typescript', 'tsx'])

export type RunOutcome = { ok: true; lines: string[] } | { ok: false; failure: RunFailure }

/** Runs `code` in a fresh sandbox on `world`'s calls, as an example's editor would. */
export function runSnippet(code: string, world: Scenario): RunOutcome {
  const box = createTestSandbox()
  const { last, lines } = box.run(code, { seed: world.seed, calls: world.calls })
  if (last?.type === 'done') return { ok: true, lines: lines.map((l) => l.text) }
  if (last?.type === 'failed') return { ok: false, failure: last.failure }
  return {
    ok: false,
    failure: {
      kind: 'runtime',
      name: 'Error',
      message: `the sandbox answered ${JSON.stringify(last)}`,
    },
  }
}

/** Why a block's run disagrees with its fence, or null when it agrees. */
export function verdict(meta: FenceMeta, outcome: RunOutcome): string | null {
  if (!meta.throws) {
    return outcome.ok
      ? null
      : `threw ${outcome.failure.name}${outcome.failure.code !== undefined ? ` ${outcome.failure.code}` : ''}: ${outcome.failure.message} (line ${outcome.failure.line ?? '?'})`
  }
  if (outcome.ok) return `ran without throwing; its fence says it throws ${meta.throws}`
  const { code, name } = outcome.failure
  return String(code) === meta.throws || name === meta.throws
    ? null
    : `threw ${name} ${code ?? ''} (${outcome.failure.message}), not ${meta.throws}`
}

/** `dispatcher.dispatch(backend, key, type, payload): DispatchResult` → its parts. */
export function parseSignature(
  code: string,
): { object: string; method: string; params: string[]; returns: string } | null {
  const m = /^\s*(\w+)\.(\w+)\(([^)]*)\)\s*:\s*(.+?)\s*$/.exec(code)
  if (!m) return null
  const params = (m[3] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
  return { object: m[1] ?? '', method: m[2] ?? '', params, returns: m[4] ?? '' }
}

/** `dispatch(backend: BackendName, key: Key, …): DispatchResult` (an API member's) → its parts. */
export function memberSignature(signature: string): { params: string[]; returns: string } {
  // `=>` in a parameter's type is no closing bracket.
  signature = signature.replace(/=>/g, '→')
  const open = signature.indexOf('(')
  let depth = 0
  let close = open
  for (let i = open; i < signature.length; i++) {
    if ('([{<'.includes(signature[i] ?? '')) depth++
    if (')]}>'.includes(signature[i] ?? '')) depth--
    if (depth === 0) {
      close = i
      break
    }
  }
  const inner = signature.slice(open + 1, close)
  const params: string[] = []
  depth = 0
  let start = 0
  for (let i = 0; i <= inner.length; i++) {
    const c = inner[i] ?? ','
    if ('([{<'.includes(c)) depth++
    if (')]}>'.includes(c)) depth--
    if (c === ',' && depth === 0) {
      const name = inner.slice(start, i).split(':')[0]?.replace(/[?\s]/g, '')
      if (name) params.push(name)
      start = i + 1
    }
  }
  return {
    params,
    returns: signature
      .slice(close + 1)
      .replace(/^\s*:\s*/, '')
      .trim(),
  }
}
