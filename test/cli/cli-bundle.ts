// The moral-bank command built from the sources into one file in a temporary folder (as tsup builds
// dist/cli/main.js, with its dependencies inlined), so tests and benchmarks can spawn it like a user does.
import { build } from 'esbuild'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { esPeers } from '../../scripts/es-peers.mjs'

export interface CliBundle {
  /** The built command: run it with `node <main> <args>`. */
  readonly main: string
  readonly dir: string
  readonly remove: () => void
}

/** Build src/cli/main.ts of the project at `root` (the folder with package.json). */
export const bundleCli = async (root: string): Promise<CliBundle> => {
  const dir = mkdtempSync(join(tmpdir(), 'moral-bank-cli-'))
  const main = join(dir, 'dist', 'cli', 'main.mjs')
  await build({
    entryPoints: [resolve(root, 'src/cli/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: main,
    logLevel: 'warning',
    plugins: [esPeers(root)], // as tsup.config.ts builds dist/cli/main.js
    // CommonJS dependencies (seedrandom) may require Node built-ins
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" }
  })
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json')) // main.js reads ../../package.json for --version
  return { main, dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
