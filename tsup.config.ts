import { defineConfig } from 'tsup'

// One entry per public subpath; add a line as each module arrives.
const modules = ['core']

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
