// How the playground paces time on screen: shared by the store (which dispatch is shown, Play) and the UI
// (how long a dispatch's animation runs, the speed picker).

/** How long one dispatch animates at 1× speed, in ms. */
export const DISPATCH_MS = 1400
/** How long Play lingers on a step without dispatches, at 1× speed. */
export const QUIET_STEP_MS = 600
/** A step's dispatches past this many are in the log but not animated one by one. */
export const MAX_ANIMATED_PER_STEP = 6
/** The speeds offered, as multiples of 1×. */
export const SPEEDS = [0.5, 1, 2, 4] as const
