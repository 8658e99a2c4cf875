import { defineConfig } from 'vitest/config'

// Four lanes: examples, properties, the packed package as users get it, and a real browser.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/smoke/**', 'test/browser/**'] } },
      { test: { name: 'prop', include: ['test/**/*.test-prop.ts'], testTimeout: 60_000 } },
      { test: { name: 'smoke', include: ['test/smoke/**/*.test.ts'], testTimeout: 240_000, hookTimeout: 240_000 } },
      { test: { name: 'browser', include: ['test/browser/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } }
    ]
  }
})
