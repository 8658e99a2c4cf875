// Run a TypeScript entry (bench, demo) straight from the sources: esbuild
// bundles it, resolving `moral-bank` and `moral-bank/*` to src/ through
// tsconfig paths and leaving npm packages external, then Node runs the bundle.
import { build } from 'esbuild'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const entry = process.argv[2]
if (entry === undefined) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args...]')
  process.exit(2)
}
// The bundle sits under the entry's own package when it has one (bench/ keeps its peers in
// bench/node_modules), so Node resolves that package's dependencies first, then the root's.
const home = existsSync(join(dirname(resolve(entry)), 'package.json')) ? dirname(resolve(entry)) : resolve('.')
const outdir = join(home, 'node_modules/.cache/moral-bank-run')
mkdirSync(outdir, { recursive: true })
const outfile = join(outdir, `${basename(entry, '.ts')}-${process.pid}.mjs`) // one per run: runs at once never share a bundle
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  outfile,
  logLevel: 'warning'
})
process.on('exit', () => rmSync(outfile, { force: true }))
process.argv.splice(2, 1)
await import(pathToFileURL(outfile).href)
