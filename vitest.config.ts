import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = fileURLToPath(new URL('./src', import.meta.url))

// Five lanes: examples, properties, type tests, the packed package as users get it, and a real browser.
export default defineConfig({
  // Examples import the package by name, as users do; in tests that name means the sources.
  resolve: {
    alias: [
      { find: /^moral-bank$/, replacement: `${src}/index.ts` },
      { find: /^moral-bank\/(.*)$/, replacement: `${src}/$1/index.ts` }
    ]
  },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/smoke/**', 'test/browser/**'] } },
      { extends: true, test: { name: 'prop', include: ['test/**/*.test-prop.ts'], testTimeout: 60_000 } },
      { extends: true, test: { name: 'types', include: [], typecheck: { enabled: true, only: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' } } },
      { extends: true, test: { name: 'smoke', include: ['test/smoke/**/*.test.ts'], testTimeout: 240_000, hookTimeout: 240_000 } },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } }
    ]
  }
})
