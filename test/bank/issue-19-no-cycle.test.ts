// Issue 19: the bank's modules import one another one way: no cycle in src/bank.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cyclesOf, importGraph } from '../support/structure.js'

describe('issue #19: no import cycle', () => {
  it('finds a cycle where there is one (the check itself)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycles-'))
    writeFileSync(join(dir, 'a.ts'), "import { b } from './b.js'\nexport const a = b\n")
    writeFileSync(join(dir, 'b.ts'), "import type { C } from './c.js'\nexport const b = 1\n")
    writeFileSync(join(dir, 'c.ts'), "export type { A } from './a.js'\nexport type C = 1\n")
    expect(cyclesOf(importGraph(dir))).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']])
  })

  it('src/bank has none', () => {
    const graph = importGraph(resolve(__dirname, '../../src/bank'))
    expect(graph.get('step.ts')).toContain('store.ts')
    expect(cyclesOf(graph)).toEqual([])
  })
})
