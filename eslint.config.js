import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { layersPlugin } from './scripts/layers.js'

const ENGINE_MUST_STAY_PURE =
  'src/engine must stay pure: no React, zustand, React Flow, Monaco or DOM.'
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
    // The engine stays pure: no Node module, no DOM, no ambient time or randomness.
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // Other layers and UI libraries: the `fanout/layers` rule (scripts/layers.js).
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
          // Other layers and UI libraries: the `fanout/layers` rule (scripts/layers.js).
          patterns: [{ group: ['node:*', 'ws', 'fs', 'path'], message: WIRE_IMPORTS }],
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
    // Every layer's imports: which layers it may import, the engine through its public entries only
    // (types only in the UI and the docs), no store slices outside the store, no UI library below the
    // store. One table, scripts/layers.js, which scripts/importGraph.test.ts also checks the graph with.
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'],
    plugins: { fanout: layersPlugin },
    rules: { 'fanout/layers': 'error' },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.{ts,mjs}', '*.config.{js,ts}', 'server/main.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
)
