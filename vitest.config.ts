import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = fileURLToPath(new URL('./src', import.meta.url))

// Lanes that need something a machine may lack. Outside CI a lane whose tool is
// missing is left out and the run says so at its end; in CI (CI=true) every lane
// runs, so a missing tool fails the run instead of hiding a lane.
const CHROMIUM = '/usr/bin/chromium'
const inCi = process.env['CI'] === 'true'
const notRun: ReadonlyArray<string> =
  !inCi && !existsSync(CHROMIUM) ? [`browser lane not run: no Chromium at ${CHROMIUM} (install it with: apt-get install -y chromium)`] : []

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
    reporters: ['default', { onTestRunEnd: () => notRun.forEach((line) => console.log(line)) }],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/smoke/**', 'test/browser/**'] } },
      { extends: true, test: { name: 'prop', include: ['test/**/*.test-prop.ts'], testTimeout: 60_000 } },
      { extends: true, test: { name: 'types', include: [], typecheck: { enabled: true, only: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' } } },
      { extends: true, test: { name: 'smoke', include: ['test/smoke/**/*.test.ts'], testTimeout: 240_000, hookTimeout: 240_000 } },
      ...(notRun.length === 0
        ? [{ extends: true as const, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } }]
        : [])
    ]
  }
})
