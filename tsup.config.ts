import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { defineConfig } from 'tsup'
import type { Plugin } from 'esbuild'
import { esPeers } from './scripts/es-peers.mjs'

// One entry per public subpath: every folder of src/ with an index.ts (the CLI is built on its own).
const modules = readdirSync('src', { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'cli' && existsSync(`src/${d.name}/index.ts`))
  .map((d) => d.name)
const moduleEntries = Object.fromEntries(modules.map((m) => [`${m}/index`, `src/${m}/index.ts`]))
const entry = { index: 'src/index.ts', ...moduleEntries }
// The modules' types only: the root's (one namespace per module) are written by scripts/root-types.mjs,
// as bundling them would turn every type of a namespace that comes from a shared chunk into a value.
const dts = { entry: moduleEntries }

// The ESM build is for Node and for bundlers. Two things let a browser bundler drop what an app
// does not use (bench/size.bench.ts measures it):
//
// 1. One file per source module (no bundling, no shared chunks): a chunk shared by several entries
//    merges modules, so an app importing one decoder from it also keeps the other modules' import
//    of seedrandom (CommonJS, no "sideEffects": false) and their codecs built at top level.
//    With our "sideEffects": false a bundler skips every module whose exports go unused.
// 2. fp-ts and io-ts from their ES builds. Both ship CommonJS in lib/ and ES modules in es6/. The
//    sources import `fp-ts/lib/*.js` and `io-ts` (what Node and TypeScript resolve), and the CJS
//    build keeps those paths. The ESM build imports them through this package's own `imports` map
//    (`#fp-ts/*`, `#io-ts` in package.json), whose `node` condition is the lib/ build and whose
//    default (browser bundlers: esbuild, webpack, Rollup, Vite) is the es6/ one. Node cannot load
//    the es6/ files itself: they are ES modules with extensionless relative imports (`./Applicative`)
//    in packages without "type": "module" or an exports map.
//    Without bundling esbuild resolves no import, so the paths are rewritten as each file loads.
const PEER = /(from\s+')(?:fp-ts\/lib\/([A-Za-z]+)\.js|io-ts)'/g
const peersByCondition: Plugin = {
  name: 'peers-by-condition',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, ({ path }) => ({
      contents: readFileSync(path, 'utf8').replace(PEER, (_, from: string, m: string | undefined) => `${from}${m === undefined ? '#io-ts' : `#fp-ts/${m}`}'`),
      loader: 'ts'
    }))
  }
}

export default defineConfig([
  {
    entry: ['src/**/*.ts', '!src/cli/**'],
    format: ['esm'],
    bundle: false,
    dts,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    esbuildPlugins: [peersByCondition]
  },
  {
    entry,
    format: ['cjs'],
    dts,
    sourcemap: true,
    target: 'es2022',
    splitting: true,
    treeshake: true
  },
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    // fp-ts and io-ts inlined from their ES builds (scripts/es-peers.mjs)
    noExternal: ['fp-ts', 'io-ts'],
    esbuildPlugins: [esPeers(process.cwd())]
  }
])
