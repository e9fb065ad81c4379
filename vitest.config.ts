import { defineConfig } from 'vitest/config'
import { engineTypes } from './scripts/engineTypes.ts'

// Unit tests run in Node; a UI test opts into jsdom with `// @vitest-environment jsdom`.
export default defineConfig({
  plugins: [engineTypes()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
  },
})
