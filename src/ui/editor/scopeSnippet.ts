import { ENGINE_SCOPE, NOT_IN_SCOPE, SIMULATION_SCOPE } from '../../sandbox/scope.ts'
import type { Snippet } from '../../scenarios/snippets.ts'

/** Names joined into comment lines of at most `width` characters, each starting `//   `. */
function wrapped(names: readonly string[], width = 96): string[] {
  const lines: string[] = []
  let line = '//  '
  for (const [i, name] of names.entries()) {
    const word = ` ${name}${i < names.length - 1 ? ',' : ''}`
    if (line.length + word.length > width) {
      lines.push(line)
      line = '//  '
    }
    line += word
  }
  return [...lines, line]
}

/**
 * The Examples menu's first entry: every name code has in scope, read from the tables the sandbox builds
 * its scope from (`src/sandbox/scope.ts`), so the list cannot drift from what runs.
 */
export const SCOPE_SNIPPET: Snippet = {
  id: 'scope',
  title: 'What code can use here',
  code: [
    '// In scope here and in every docs example’s editor:',
    '// the simulation at the cursor, and its parts:',
    ...wrapped(Object.keys(SIMULATION_SCOPE)),
    '// every value the engine exports (the API reference, /docs/api, says what each one is):',
    ...wrapped(Object.keys(ENGINE_SCOPE)),
    '// and console (log, info, warn, error, debug). Not in scope:',
    ...Object.entries(NOT_IN_SCOPE).map(([name, why]) => `//   ${name}: ${why}`),
    '',
    "console.log(intentNames(Intents.GUILDS | Intents.GUILD_MESSAGES)) // ['GUILDS', 'GUILD_MESSAGES']",
    "console.log(shardFor('20971520', 2)) // 1: the shard of 2 that serves guild 5 << 22",
    '',
  ].join('\n'),
}
