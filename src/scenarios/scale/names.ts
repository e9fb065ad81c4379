/** User ids of the scale scenario's humans: `HUMAN_BASE + i`. */
export const HUMAN_BASE = 100_000

/** The first humans: the guild's staff, `ada` its owner. */
export const STAFF_NAMES = [
  'ada',
  'grace',
  'linus',
  'margaret',
  'ken',
  'barbara',
  'dennis',
  'frances',
  'alan',
  'radia',
  'edsger',
  'hedy',
  'donald',
  'sophie',
  'john',
  'karen',
  'tim',
  'anita',
  'guido',
  'shafi',
  'leslie',
  'jean',
  'niklaus',
  'adele',
  'bjarne',
] as const

const ADJECTIVES = [
  'amber', 'brave', 'calm', 'dusty', 'eager', 'fuzzy', 'gentle', 'hazy',
  'icy', 'jolly', 'keen', 'lucky', 'mellow', 'nimble', 'odd', 'plucky',
  'quiet', 'rusty', 'sunny', 'tidy', 'urban', 'vivid', 'witty', 'young',
  'zesty', 'bold', 'cosmic', 'dapper', 'fancy', 'grumpy', 'humble', 'lofty',
] // prettier-ignore
const NOUNS = [
  'otter', 'falcon', 'badger', 'comet', 'maple', 'nova', 'pixel', 'quokka',
  'raven', 'sprout', 'tiger', 'walrus', 'yak', 'zebra', 'lynx', 'koala',
  'heron', 'gecko', 'ferret', 'eagle', 'dingo', 'cobra', 'bison', 'alpaca',
  'mole', 'newt', 'orca', 'panda', 'robin', 'squid', 'toucan', 'viper',
] // prettier-ignore

/**
 * Human `i`'s username: staff by name, everyone else `<adjective><noun><i>` (`quietnova4242`), unique
 * and readable, so people can search for one.
 */
export function username(i: number): string {
  const staff = STAFF_NAMES[i]
  if (staff !== undefined) return staff
  return `${ADJECTIVES[i % ADJECTIVES.length]}${NOUNS[(i >> 5) % NOUNS.length]}${i}`
}
