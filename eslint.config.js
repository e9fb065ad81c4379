import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const ENGINE_MUST_STAY_PURE =
  'src/engine must stay pure: no React, zustand, React Flow, Monaco or DOM.'
// Outside the engine, everything but its public entries is internal: index.ts, and tables.ts (its tables
// and pure rules, which load none of the simulation).
const ENGINE_INTERNALS = ['**/engine/**', '!**/engine/index.ts', '!**/engine/tables.ts']
// The engine's public entries themselves: '../engine', '../../engine/index.ts', '../engine/tables.ts'.
const ENGINE_ENTRY = '(^|/)engine(/(index|tables)(\\.ts)?)?$'
const ENGINE_API_ONLY =
  'Import the engine through its public API, src/engine/index.ts, never its internals.'
const UI_TYPES_ONLY =
  'src/ui imports only types from the engine (`import type`); values come through src/store (engineTables.ts, engineValues.ts).'
const WIRE_IMPORTS =
  "src/wire is pure: it imports only the engine's public API (src/engine/index.ts) and the call format."
const WIRE_TIME = 'src/wire owns no timer or clock: the host passes the time into each method.'
const INJECT_TIME = 'src/engine must stay pure: use the injected clock and seeded random instead.'

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-subpath',
      'node_modules',
      'test-results',
      'playwright-report',
      '**/*.tmp.*',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // The engine boundary: engine ← store ← ui, never the other way.
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'zustand', 'zustand/*'],
              message: ENGINE_MUST_STAY_PURE,
            },
            {
              group: ['@xyflow/*', 'monaco-editor', 'monaco-editor/*', '@monaco-editor/*'],
              message: ENGINE_MUST_STAY_PURE,
            },
            {
              group: [
                '../store/*',
                '../ui/*',
                '../../store/*',
                '../../ui/*',
                '**/store/**',
                '**/ui/**',
              ],
              message: ENGINE_MUST_STAY_PURE,
            },
            { group: ['node:*', 'fs', 'path', 'events'], message: ENGINE_MUST_STAY_PURE },
            {
              // The member list's pure model has one entry point (src/engine/lazyGuild/README.md).
              group: ['**/lazyGuild/*', '!**/lazyGuild/index.ts'],
              message:
                'Import the lazy member list model through lazyGuild/index.ts, its one entry.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'location',
          'fetch',
        ].map((name) => ({ name, message: ENGINE_MUST_STAY_PURE })),
        ...['setTimeout', 'setInterval', 'requestAnimationFrame', 'performance'].map((name) => ({
          name,
          message: INJECT_TIME,
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: INJECT_TIME },
        { object: 'Date', property: 'now', message: INJECT_TIME },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: INJECT_TIME },
      ],
    },
  },
  {
    // The wire protocol is pure (browser and Node): the engine's public API and the call format only;
    // no socket, DOM, Node module or ambient time (the host passes the time in).
    files: ['src/wire/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ENGINE_INTERNALS, message: WIRE_IMPORTS },
            {
              group: ['**/store/**', '**/ui/**', '**/scenarios/**', '**/sandbox/**', '**/docs/**'],
              message: WIRE_IMPORTS,
            },
            {
              group: ['node:*', 'ws', 'react', 'react/*', 'zustand', 'zustand/*', 'fs', 'path'],
              message: WIRE_IMPORTS,
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'location', 'fetch', 'WebSocket', 'process'].map(
          (name) => ({ name, message: WIRE_IMPORTS }),
        ),
        ...['setTimeout', 'setInterval', 'performance'].map((name) => ({
          name,
          message: WIRE_TIME,
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: WIRE_TIME },
        { object: 'Date', property: 'now', message: WIRE_TIME },
      ],
    },
  },
  {
    // The call format sits right above the engine: its public API, nothing else of the project.
    files: ['src/calls/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ENGINE_INTERNALS, message: ENGINE_API_ONLY },
            {
              group: [
                '**/store/**',
                '**/ui/**',
                '**/sandbox/**',
                '**/scenarios/**',
                '**/docs/**',
                '**/bench/**',
                'react',
                'react/*',
                'zustand',
                'zustand/*',
              ],
              message:
                'src/calls sits right above the engine: it imports the engine’s public API only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The store drives the engine through its public API only: src/engine/index.ts.
    files: ['src/store/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ENGINE_INTERNALS, message: ENGINE_API_ONLY }] },
      ],
    },
  },
  {
    // The UI sees the engine's types only (values come through the store), and only its public API.
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ENGINE_INTERNALS, message: ENGINE_API_ONLY },
            {
              regex: ENGINE_ENTRY,
              allowTypeImports: true,
              message: UI_TYPES_ONLY,
            },
            {
              group: ['**/store/slices/**'],
              message: 'src/ui reads the store through hooks.ts and its modules, never its slices.',
            },
          ],
        },
      ],
    },
  },
  {
    // Reference text is data: engine types only.
    files: ['src/reference/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ENGINE_INTERNALS, message: ENGINE_API_ONLY },
            {
              regex: ENGINE_ENTRY,
              allowTypeImports: true,
              message: 'src/reference imports only types from the engine.',
            },
            {
              group: ['**/store/**', '**/ui/**', 'react', 'react/*'],
              message: 'src/reference is data.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.{ts,mjs}', '*.config.{js,ts}', 'server/main.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
)
