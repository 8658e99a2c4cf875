// After tsup: write the root entry's types (dist/index.d.ts, dist/index.d.cts) as the re-exports
// src/index.ts is made of, one namespace per module pointing at that module's own types. Bundled,
// the root's namespaces lose every type imported from a shared chunk (the d.ts bundler declares
// them as values), so `core.Decoded<A>` would not be a type; re-exported, they are the subpaths' own.
import { readFileSync, writeFileSync } from 'node:fs'

const source = readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8')
const lines = source.split('\n').filter((l) => !/^import /.test(l))
if (!lines.some((l) => /^export \* as \w+ from '\.\/\w+\/index\.js'$/.test(l))) throw new Error('src/index.ts: expected `export * as <name> from ./<name>/index.js` lines')
const esm = lines.join('\n')
writeFileSync(new URL('../dist/index.d.ts', import.meta.url), esm)
writeFileSync(new URL('../dist/index.d.cts', import.meta.url), esm.replace(/\/index\.js'/g, "/index.cjs'"))
