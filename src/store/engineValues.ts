import { applyOps, BACKEND_NAMES, createSimulation } from '../engine/index.ts'
import type {
  BackendName,
  ClientCopy,
  DispatchResult,
  Frame,
  ListItem,
  ListOp,
  Simulation,
  SkipReason,
} from '../engine/index.ts'

/**
 * The engine's values that need the engine itself, for the layers that may not import them directly
 * (the UI takes only the engine's types; the docs reach it through the store). Importing this module
 * loads the engine: the docs import it only from what loads when reached (comparisons, demos) or at
 * build time (fact tables). The tables and pure rules, which do not need the engine, are in
 * `engineTables.ts`. Nothing here is a copy; each name is the engine's.
 */

/**
 * A fresh simulation, for the docs' side-by-side comparisons with litecord and their fact probes: they
 * run the engine's own API on a worked example, exactly as a reader's code would.
 */
export { createSimulation }
export type { DispatchResult, Frame, Simulation }

/** The six backends in the engine's order (the dispatch composer, the backend card, the fact tables). */
export { BACKEND_NAMES }
export type { BackendName, SkipReason }

/** The engine's reference client for the lazy member list: a flat copy, ops applied in order. */
export { applyOps }
export type { ClientCopy, ListItem, ListOp }
