import type { SessionOutcome } from '../../store/explain.ts'

/** The mark of each outcome, beside a session's name: the same in the Delivery panel and the docs. */
export const OUTCOME_SYMBOL = {
  delivered: '✓',
  buffered: '‖',
  skipped: '✕',
  'not-subscribed': '–',
} as const satisfies Record<SessionOutcome['kind'], string>

/** "delivered", "buffered", "skipped: intents", "not subscribed", "own presence". */
export function outcomeText(outcome: SessionOutcome): string {
  if (outcome.kind === 'skipped') return `skipped: ${outcome.reason}`
  if (outcome.kind === 'not-subscribed' && outcome.own) return 'own presence'
  return outcome.kind.replace('-', ' ')
}
