// `npm run bench [name]`: install the benchmarks' peers (bench/package.json: better-sqlite3,
// json-rules-engine, gift-pegjs) from bench/package-lock.json when they are missing, then run
// bench/main.ts with the garbage collector exposed (the harness collects between runs).
// `--install-only` stops after the install (for `npm run typecheck:bench`).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
if (!existsSync('bench/node_modules/.package-lock.json')) {
  console.error('installing the benchmarks\' peers into bench/node_modules (npm ci --prefix bench) …')
  run('npm', ['ci', '--prefix', 'bench', '--no-audit', '--no-fund'])
}
if (process.argv[2] === '--install-only') process.exit(0)
run(process.execPath, ['--expose-gc', 'scripts/run-ts.mjs', 'bench/main.ts', ...process.argv.slice(2)])
