import { ENGINE_MODULE, ENGINE_SCOPE, SIMULATION_SCOPE } from './scope.ts'

export { ENGINE_MODULE } from './scope.ts'

/**
 * The editor's declarations of what user code has in scope, generated from the same tables the sandbox
 * builds its scope from (`scope.ts`), in terms of the engine's generated types: a name in scope is
 * declared, and nothing else is.
 */
export const PRELUDE = [
  ...Object.entries(SIMULATION_SCOPE).map(
    ([name, { type, doc }]) =>
      `/** ${doc} */\ndeclare const ${name}: import('${ENGINE_MODULE}').${type}`,
  ),
  ...Object.keys(ENGINE_SCOPE).map(
    (name) => `declare const ${name}: typeof import('${ENGINE_MODULE}').${name}`,
  ),
  `/** Prints to the playground's Console. */
declare const console: {
  log(...data: unknown[]): void
  info(...data: unknown[]): void
  warn(...data: unknown[]): void
  error(...data: unknown[]): void
  debug(...data: unknown[]): void
}`,
].join('\n')
