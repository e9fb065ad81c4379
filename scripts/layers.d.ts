// Types of scripts/layers.js (plain JavaScript, since ESLint's config loads it in Node).
import type { ESLint } from 'eslint'

export interface Layer {
  readonly name: string
  readonly paths: readonly string[]
  readonly imports: readonly string[]
  readonly engine: 'all' | 'api' | 'types'
}
export const LAYERS: readonly Layer[]
export const ENGINE_ENTRIES: readonly string[]
export const PRIVATE: readonly { readonly path: string; readonly why: string }[]
export function layerOf(path: string): Layer | undefined
export function isTest(path: string): boolean
export function importProblem(from: string, to: string, typeOnly: boolean): string | null
export function packageProblem(from: string, name: string): string | null
export function resolveSpecifier(root: string, file: string, specifier: string): string | null
export const layersPlugin: ESLint.Plugin
