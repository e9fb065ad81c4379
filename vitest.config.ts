import { defineConfig } from 'vitest/config'

// Unit tests run in Node; a UI test opts into jsdom with `// @vitest-environment jsdom`.
export default defineConfig({
  test: { include: ['src/**/*.test.{ts,tsx}'], environment: 'node' },
})
