// The only module that imports monaco-editor (docs/design/style.md §14). The slim entry points: the
// editor core, its contributions and TypeScript only, so no CSS, HTML or JSON workers are built.
import { loader } from '@monaco-editor/react'
import * as api from 'monaco-editor/editor'
import 'monaco-editor/features/register.all'
import 'monaco-editor/languages/definitions/typescript/register'
import * as typescript from 'monaco-editor/languages/features/typescript/register'
// 0.56+ "exports" map: the old 'monaco-editor/esm/vs/...?worker' paths no longer resolve.
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker'
import engineDts from 'virtual:engine-dts'
import { ENGINE_MODULE, PRELUDE } from '../../sandbox/prelude.ts'

const monaco = { ...api, typescript }

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'typescript' || label === 'javascript') return new TsWorker()
    return new EditorWorker()
  },
}

// Without this @monaco-editor/react would fetch Monaco from a CDN.
loader.config({ monaco: monaco as never })

const ts = typescript.typescriptDefaults
ts.setCompilerOptions({
  target: typescript.ScriptTarget.ES2020,
  // No DOM: user code runs in a worker without it, so `document` or `fetch` is an error here too.
  lib: ['es2022'],
  strict: true,
  noEmit: true,
  allowNonTsExtensions: true,
  moduleResolution: typescript.ModuleResolutionKind.NodeJs,
  // Every editor's code is its own module: two editors on a page never clash over top-level names.
  moduleDetection: 3, // ts.ModuleDetectionKind.Force
})
ts.setEagerModelSync(true)
// The engine's own declarations, generated from its source, as a package the prelude imports types from.
ts.addExtraLib(engineDts, `file:///node_modules/${ENGINE_MODULE}/index.d.ts`)
ts.addExtraLib(PRELUDE, 'file:///prelude.d.ts')

/**
 * Monaco's themes with comments readable on their background (WCAG AA, 4.5:1): vs-dark's #608b4e on
 * #1e1e1e is 4.2:1; #6a9955 is 5.0:1. Everything else is Monaco's own.
 */
export const THEMES = { light: 'fanout-light', dark: 'fanout-dark' } as const
monaco.editor.defineTheme(THEMES.dark, {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '6a9955' }],
  colors: {},
})
monaco.editor.defineTheme(THEMES.light, { base: 'vs', inherit: true, rules: [], colors: {} })

/**
 * Monaco declares its ~1,600 colour variables on `:root`, so every element of the page inherits them:
 * style recalculation and the graph's PNG export (which copies each node's computed style) slow down
 * several times. Its own elements are enough.
 */
const MONACO_ELEMENTS = '.monaco-editor, .monaco-diff-editor, .monaco-component, .context-view'
function scopeColourVariables() {
  for (const sheet of document.styleSheets) {
    if (!(sheet.ownerNode instanceof HTMLStyleElement)) continue
    for (const rule of sheet.cssRules) {
      if (
        rule instanceof CSSStyleRule &&
        rule.selectorText === ':root' &&
        rule.style.length > 100 &&
        rule.style.item(0).startsWith('--vscode-')
      )
        rule.selectorText = MONACO_ELEMENTS
    }
  }
}
scopeColourVariables()
// Monaco rewrites its styles when the theme changes.
new MutationObserver(scopeColourVariables).observe(document.head, {
  childList: true,
  subtree: true,
  characterData: true,
})

// An e2e hook: tests read markers and models through it.
;(globalThis as unknown as { __monaco: typeof monaco }).__monaco = monaco

export { monaco }
