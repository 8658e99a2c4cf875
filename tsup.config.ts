import { existsSync, readdirSync } from 'node:fs'
import { defineConfig } from 'tsup'

// One entry per public subpath: every folder of src/ with an index.ts (the CLI is built on its own).
const modules = readdirSync('src', { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'cli' && existsSync(`src/${d.name}/index.ts`))
  .map((d) => d.name)

export default defineConfig([
  {
    entry: { index: 'src/index.ts', ...Object.fromEntries(modules.map((m) => [`${m}/index`, `src/${m}/index.ts`])) },
    format: ['esm', 'cjs'],
    // The modules' types only: the root's (one namespace per module) are written by scripts/root-types.mjs,
    // as bundling them would turn every type of a namespace that comes from a shared chunk into a value.
    dts: { entry: Object.fromEntries(modules.map((m) => [`${m}/index`, `src/${m}/index.ts`])) },
    sourcemap: true,
    clean: true,
    target: 'es2022',
    splitting: true,
    treeshake: true
  },
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node'
  }
])
