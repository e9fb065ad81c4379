import { EngineError, GatewayCloseError } from '../errors.ts'

/** The EngineError `fn` throws; fails the test when it throws nothing or something else. */
export function refusal(fn: () => unknown): EngineError {
  try {
    fn()
  } catch (error) {
    if (error instanceof EngineError) return error
    throw error
  }
  throw new Error('expected an EngineError, nothing was thrown')
}

/** The Discord close code of the GatewayCloseError `fn` throws. */
export function closeCode(fn: () => unknown): number {
  try {
    fn()
  } catch (error) {
    if (error instanceof GatewayCloseError) return error.code
    throw error
  }
  throw new Error('expected a GatewayCloseError, nothing was thrown')
}
