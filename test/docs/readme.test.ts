// Every TypeScript example in the README runs (see readme.ts for how sections become programs), with
// `moral-bank` resolved to src/ through tsconfig paths; the smoke lane runs them against the packed package too.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { program, programs, root, sections, withClaims } from './readme.js'

const outdir = join(root, 'node_modules', '.cache', 'moral-bank-readme')

describe('README examples', () => {
  it('has examples to run', () => {
    expect(sections.filter((s) => s.blocks.length > 0).length).toBeGreaterThan(2)
  })
  for (const [n, s] of sections.entries()) {
    if (s.blocks.length === 0) continue
    it(`runs the examples of "${s.title}" (README.md:${s.line})`, async () => {
      mkdirSync(outdir, { recursive: true })
      let k = 0
      for (const [p, group] of programs(s.blocks).entries()) {
        const outfile = join(outdir, `section-${n}-${p}.mjs`)
        await build({
          stdin: { contents: program(group.map((b) => withClaims(b, `${s.title} block ${++k}`))), loader: 'ts', resolveDir: root, sourcefile: `README.md:${s.line}` },
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
          await import(`${pathToFileURL(outfile).href}?v=${n}-${p}`)
        } finally {
          console.log = original
        }
      }
    })
  }
})
