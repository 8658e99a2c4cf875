import { existsSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = fileURLToPath(new URL('./src', import.meta.url))

// Lanes that need something a machine may lack. Outside CI a lane whose tool is
// missing is left out and the run says so at its end; in CI (CI=true) every lane
// runs, so a missing tool fails the run instead of hiding a lane.
const CHROMIUM = '/usr/bin/chromium'
const inCi = process.env['CI'] === 'true'
const POSTGRES = '/usr/lib/postgresql'
const hasPostgres = existsSync(POSTGRES) && readdirSync(POSTGRES).some((v) => existsSync(`${POSTGRES}/${v}/bin/pg_ctl`))
const missing = (lane: string, have: boolean, why: string): ReadonlyArray<string> => (inCi || have ? [] : [`${lane} lane not run: ${why}`])
const noBrowser = missing('browser', existsSync(CHROMIUM), `no Chromium at ${CHROMIUM} (install it with: apt-get install -y chromium)`)
const noPostgres = missing('postgres', hasPostgres, `no PostgreSQL under ${POSTGRES}/*/bin (install it with: apt-get install -y postgresql)`)
const notRun: ReadonlyArray<string> = [...noBrowser, ...noPostgres]

// Six lanes: examples, properties, type tests, the packed package as users get it, a real browser, and a
// PostgreSQL server (the reading room's store; the unit lane runs the same suite on embedded PGlite).
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
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/smoke/**', 'test/browser/**', 'test/postgres/**'], testTimeout: 60_000, hookTimeout: 60_000 } },
      { extends: true, test: { name: 'prop', include: ['test/**/*.test-prop.ts'], testTimeout: 60_000 } },
      { extends: true, test: { name: 'types', include: [], typecheck: { enabled: true, only: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' } } },
      { extends: true, test: { name: 'smoke', include: ['test/smoke/**/*.test.ts'], testTimeout: 240_000, hookTimeout: 240_000 } },
      ...(noBrowser.length === 0
        ? [{ extends: true as const, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } }]
        : []),
      ...(noPostgres.length === 0
        ? [{ extends: true as const, test: { name: 'postgres', include: ['test/postgres/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } }]
        : [])
    ]
  }
})
