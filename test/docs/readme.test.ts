// Every TypeScript example in the README runs: each ```ts block is bundled
// against the sources (imports of `moral-bank` resolve to src/ through
// tsconfig paths) and executed; a block that throws fails its test.
import { readFileSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => ({ i, code: m[1] ?? '', line: readme.slice(0, m.index).split('\n').length }))
const outdir = join(root, 'node_modules', '.cache', 'moral-bank-readme')

describe('README examples', () => {
  it('has examples to run', () => {
    expect(blocks.length).toBeGreaterThan(3)
  })
  for (const b of blocks) {
    it(`runs the example at README.md:${b.line}`, async () => {
      mkdirSync(outdir, { recursive: true })
      const outfile = join(outdir, `block-${b.i}.mjs`)
      await build({
        stdin: { contents: b.code, loader: 'ts', resolveDir: root, sourcefile: `README.md:${b.line}` },
        bundle: true,
        platform: 'node',
        format: 'esm',
        packages: 'external',
        tsconfig: join(root, 'tsconfig.json'),
        outfile,
        logLevel: 'silent'
      })
      const original = console.log
      console.log = () => undefined // examples may print; what matters here is that they run
      try {
        await import(`${pathToFileURL(outfile).href}?v=${b.i}`)
      } finally {
        console.log = original
      }
    })
  }
})
