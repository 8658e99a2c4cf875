// Bundle sizes (issue 15): what a browser app pays for this library. The package is built (tsup,
// as `npm pack` would), linked into a throwaway app as node_modules/moral-bank, and each entry of
// bench/size/ is bundled from there by esbuild as a user's bundler would: its dist ESM through the
// exports map, browser conditions, minified, tree-shaken. Sizes are of the gzipped bundle (level 9),
// in kB of 1,000 bytes; the modules that weigh most (esbuild's metafile) follow each figure.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type Metafile } from 'esbuild'
import { report } from './harness.js'

const root = resolve('.') // `npm run bench` runs from the repository's root
const entries = [
  { name: 'quiz client (bench/size/quiz-client.ts)', file: 'bench/size/quiz-client.ts', targetKb: 15 },
  { name: 'whole library (export * from moral-bank)', file: 'bench/size/whole.ts', targetKb: 60 }
] as const

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`

/** Bytes of the minified output by where they came from: a package (fp-ts/lib, io-ts/es6, …) or a file of dist. */
const weights = (meta: Metafile): ReadonlyArray<readonly [string, number]> => {
  const by = new Map<string, number>()
  for (const out of Object.values(meta.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(out.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?:(lib|es6)\/)?/.exec(path)
      const key = m === null ? path.replace(/^.*?dist\//, 'dist/') : `${m[1]}${m[2] === undefined ? '' : `/${m[2]}`}`
      by.set(key, (by.get(key) ?? 0) + bytesInOutput)
    }
  }
  return [...by].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1])
}

export const run = async (): Promise<void> => {
  console.log('bundle sizes: the built dist ESM, bundled by esbuild for the browser (minify, tree shaking), gzipped')
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (built.status !== 0) throw new Error('npm run build failed')
  const app = mkdtempSync(join(tmpdir(), 'moral-bank-size-'))
  try {
    mkdirSync(join(app, 'node_modules'))
    symlinkSync(root, join(app, 'node_modules', 'moral-bank'), 'dir')
    for (const peer of ['fp-ts', 'io-ts']) symlinkSync(join(root, 'node_modules', peer), join(app, 'node_modules', peer), 'dir') // the app's own peers
    for (const e of entries) {
      const r = await build({
        stdin: { contents: readFileSync(join(root, e.file), 'utf8'), loader: 'ts', resolveDir: app, sourcefile: e.file },
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        write: false,
        metafile: true,
        legalComments: 'none',
        logLevel: 'warning',
        logOverride: { 'ignored-bare-import': 'silent' } // tsup's chunks import each other bare; sideEffects: false drops them
      })
      const code = r.outputFiles[0]?.contents ?? new Uint8Array()
      const gz = gzipSync(code, { level: 9 }).length
      const top = weights(r.metafile)
        .slice(0, 6)
        .map(([k, n]) => `${k} ${kb(n)}`)
        .join(', ')
      report({
        bench: `bundle, ${e.name}`,
        figure: `${kb(gz)} gzipped (${kb(code.length)} minified)`,
        target: `< ${e.targetKb} kB gzipped`,
        met: gz < e.targetKb * 1000,
        note: `minified bytes by origin: ${top}`
      })
    }
  } finally {
    rmSync(app, { recursive: true, force: true })
  }
}
