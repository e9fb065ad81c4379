import { transform } from 'sucrase'

/** Where the code does not parse: sucrase's message, line and column (both 1-based). */
export interface SyntaxProblem {
  readonly message: string
  readonly line?: number
  readonly column?: number
}

/**
 * Strips TypeScript from user code with sucrase, which keeps every line where it was, so the line of a
 * runtime error is the line the user wrote. Types are only checked by the editor; running never waits
 * for a type checker.
 */
export function transpile(code: string): { js: string } | { problem: SyntaxProblem } {
  try {
    return {
      js: transform(code, { transforms: ['typescript'], disableESTransforms: true }).code,
    }
  } catch (error) {
    const e = error as { message?: unknown; loc?: { line?: unknown; column?: unknown } }
    const message = String(e.message ?? error).replace(/\s*\(\d+:\d+\)$/, '')
    const line = typeof e.loc?.line === 'number' ? e.loc.line : undefined
    const column = typeof e.loc?.column === 'number' ? e.loc.column : undefined
    return {
      problem: {
        message,
        ...(line !== undefined ? { line } : {}),
        ...(column !== undefined ? { column } : {}),
      },
    }
  }
}
