import type { SessionOutcome } from '../../store/explain.ts'

/** The mark of each outcome, beside a session's name: the same in the Delivery panel and the docs. */
export const OUTCOME_SYMBOL = {
  delivered: '✓',
  buffered: '‖',
  skipped: '✕',
  'not-subscribed': '–',
} as const satisfies Record<SessionOutcome['kind'], string>

/** "delivered", "buffered", "skipped: intents", "not subscribed". */
export function outcomeText(outcome: SessionOutcome): string {
  return outcome.kind === 'skipped' ? `skipped: ${outcome.reason}` : outcome.kind.replace('-', ' ')
}
