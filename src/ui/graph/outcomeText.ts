import type { Outcome } from './overlay.ts'

/** The chip on a session for the shown dispatch: symbol + words, never colour alone. */
export function outcomeChip(outcome: Outcome): { text: string; className: string } {
  switch (outcome.kind) {
    case 'delivered':
      return { text: '✓ delivered', className: 'chip chip--delivered' }
    case 'buffered':
      return { text: '‖ held: disconnected', className: 'chip chip--buffered' }
    case 'skipped':
      return { text: `✕ skipped: ${outcome.reason}`, className: 'chip chip--skipped' }
    case 'not-subscribed':
      return outcome.own
        ? { text: '– own presence', className: 'chip chip--not-subscribed' }
        : { text: '– not subscribed', className: 'chip chip--not-subscribed' }
  }
}
