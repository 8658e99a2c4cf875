// Every TypeScript example in the README runs (see readme.ts for how sections become programs), with
// `moral-bank` resolved to src/ through tsconfig paths; the smoke lane runs them against the packed package too.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root, runSection, sections } from './readme.js'

const outdir = join(root, 'node_modules', '.cache', 'moral-bank-readme')

describe('README examples', () => {
  it('has examples to run', () => {
    expect(sections.filter((s) => s.blocks.length > 0).length).toBeGreaterThan(2)
  })
  for (const [n, s] of sections.entries()) {
    if (s.blocks.length === 0) continue
    it(`runs the examples of "${s.title}" (README.md:${s.line})`, async () => {
      mkdirSync(outdir, { recursive: true })
      expect(await runSection(n, s, { outdir, resolveDir: root, tsconfig: join(root, 'tsconfig.json') })).toBeGreaterThan(0)
    })
  }
})
