/**
 * W8's cost cliffs by id, with what each measures: a module of its own, with no imports, so that the
 * Performance page can name the rows of `bench/results/latest.json` without pulling in the engine.
 */
export type CliffId =
  | 'identify-same-user'
  | 'close-same-user'
  | 'close-after-dispatches'
  | 'presence-list-holders'
  | 'op14-same-list'
  | 'update-channel'
  | 'create-role'
  | 'toggle-hoist'

export const CLIFF_IDS: readonly CliffId[] = [
  'identify-same-user',
  'close-same-user',
  'close-after-dispatches',
  'presence-list-holders',
  'op14-same-list',
  'update-channel',
  'create-role',
  'toggle-hoist',
]

/** What each cliff measures, for tables and the Performance page. */
export const CLIFF_TITLES: Readonly<Record<CliffId, string>> = {
  'identify-same-user': 'IDENTIFY, N sessions of one user (per session)',
  'close-same-user': 'closing N sessions of one user (per session)',
  'close-after-dispatches': 'closing a session that holds N unread frames (per session)',
  'presence-list-holders': 'one presence change, N sessions holding [0, 99]',
  'op14-same-list': 'op 14: 100 channels × 16 ranges of one list, N members',
  'update-channel': 'updateChannel on one of 40 text channels, N sessions',
  'create-role': 'createRole (no members, no permissions), N sessions',
  'toggle-hoist': 'toggling hoist on a role with one member, N members',
}
