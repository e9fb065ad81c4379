/**
 * The API reference as the build hands it to the page (`virtual:fanout-api`): every name
 * `src/engine/index.ts` exports, read from the engine's TSDoc by TypeDoc at build time, reduced to what
 * the page shows. Plain JSON.
 */
export type ApiKind = 'function' | 'class' | 'interface' | 'type' | 'constant'

/** A piece of TSDoc prose: text, inline code, or a link to another entry's anchor. */
export type DocPart =
  | { readonly text: string }
  | { readonly code: string }
  | { readonly link: string; readonly target: string | null }

export interface ApiMember {
  readonly name: string
  /** `dispatch(backend: BackendName, …): DispatchResult`, `readonly seq: number`. */
  readonly signature: string
  readonly summary: readonly DocPart[]
}

export interface ApiEntry {
  /** The exported name, which is also its anchor (`/docs/api#createSimulation`). */
  readonly name: string
  readonly kind: ApiKind
  /** Declarations in TypeScript, one per overload. */
  readonly signatures: readonly string[]
  readonly summary: readonly DocPart[]
  /** `@example` blocks, as code. */
  readonly examples: readonly string[]
  /** Properties and methods of an interface or class. */
  readonly members: readonly ApiMember[]
  /** Where it is declared, from the repository root. */
  readonly source: string | null
}

export interface ApiModel {
  readonly entries: readonly ApiEntry[]
}
