// Every TypeScript example in the README and in docs/*.md runs (see readme.ts for how sections become
// programs), with `moral-bank` resolved to src/ through tsconfig paths; the smoke lane runs them against the
// packed package too.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root, runSection, sections } from './readme.js'

const outdir = join(root, 'node_modules', '.cache', 'moral-bank-readme')

describe('README and docs examples', () => {
  it('has examples to run, in the README and in docs/', () => {
    expect(sections.filter((s) => s.file === 'README.md' && s.blocks.length > 0).length).toBeGreaterThan(2)
    expect(sections.filter((s) => s.file.startsWith('docs/') && s.blocks.length > 0).length).toBeGreaterThan(2)
  })
  for (const [n, s] of sections.entries()) {
    if (s.blocks.length === 0) continue
    it(`runs the examples of "${s.title}" (${s.file}:${s.line})`, async () => {
      mkdirSync(outdir, { recursive: true })
      expect(await runSection(n, s, { outdir, resolveDir: root, tsconfig: join(root, 'tsconfig.json') })).toBeGreaterThan(0)
    })
  }
})
