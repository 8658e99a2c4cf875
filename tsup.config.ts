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
    dts: true,
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
