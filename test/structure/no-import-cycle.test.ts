// Issue 19, "Done when": no import cycle in src/. The graph is every module of src/ and its relative imports,
// read with the TypeScript compiler API (test/support/structure.ts, the same code as test/bank's check).
//
// The choice on `import type`: two checks.
// - Run-time imports (everything but `import type` / `export type`, which the compiler erases): no cycle at
//   all, no allowlist. Such a cycle makes one module evaluate before its dependency is initialised.
// - All imports, type-only ones included: a cycle of types is no run-time hazard, but it is still two modules
//   that cannot be read or moved one without the other, so it fails too, except for the cycles listed in
//   ALLOWED below, each with why it remains. Any edge on a cycle that is not an edge of a listed cycle fails,
//   so a new cycle fails even when it goes through modules of a listed one.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { componentsOf, importGraph, referencesOf, unexpectedCycles } from '../support/structure.js'

const SRC = resolve(__dirname, '../../src')

/**
 * Type-only cycles of src/ that remain, as paths relative to src/ (`['a.ts', 'b.ts', 'a.ts']`), each with why;
 * the test fails on any other. None today: the one there was (rules/account.ts -> rules/compile.ts for the
 * types `Account` and `CompiledRuleSet`, while compile.ts calls account.ts's `expectedOneOf`) went when the
 * rules' model types moved to rules/model.ts.
 */
const ALLOWED: ReadonlyArray<{ readonly cycle: ReadonlyArray<string>; readonly why: string }> = []

/** A folder of modules from a map of file → source. */
const folder = (files: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'structure-'))
  for (const [f, s] of Object.entries(files)) {
    mkdirSync(join(dir, f, '..'), { recursive: true })
    writeFileSync(join(dir, f), s)
  }
  return dir
}

describe('issue #19: the import-graph check itself', () => {
  it('reads imports, re-exports and dynamic imports, not comments; tells type-only ones apart', () => {
    const src = [
      "/** import { x } from './in-a-comment.js' */",
      "import { a, type A } from './a.js'",
      "import type { B } from './b.js'",
      "import './c.js'",
      "export { d } from './d/index.js'",
      "export type { E } from './e.js'",
      "export * from './f.js'",
      "const g = () => import('./g.js')",
      "type H = import('./h.js').H",
      "import { ok } from 'fp-ts/lib/Either.js'"
    ].join('\n')
    expect(referencesOf(src).map((r) => `${r.specifier}${r.typeOnly ? ' (type)' : ''}`)).toEqual([
      './a.js',
      './b.js (type)',
      './c.js',
      './d/index.js',
      './e.js (type)',
      './f.js',
      './g.js',
      './h.js (type)',
      'fp-ts/lib/Either.js'
    ])
  })

  it('resolves ./x.js, ./x and ./dir to files of the folder; a type-only edge is left out of the run-time graph', () => {
    const dir = folder({
      'a.ts': "import { b } from './b.js'\nimport { c } from './sub'\nexport const a = b + c\n",
      'b.ts': "import type { A } from './a.js'\nexport const b = 1\n",
      'sub/index.ts': "import { b } from '../b'\nexport const c = b\n"
    })
    expect(importGraph(dir, 'all')).toEqual(
      new Map([
        ['a.ts', ['b.ts', 'sub/index.ts']],
        ['b.ts', ['a.ts']],
        ['sub/index.ts', ['b.ts']]
      ])
    )
    expect(importGraph(dir, 'runtime').get('b.ts')).toEqual([])
    expect(unexpectedCycles(importGraph(dir, 'runtime'))).toEqual([])
  })

  it('names each cycle as a path, and fails on a new cycle through the modules of an allowed one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['a', 'c']],
      ['c', ['a']],
      ['d', ['d']],
      ['e', []]
    ])
    expect(componentsOf(graph).filter((c) => c.length > 1)).toEqual([['a', 'b', 'c']])
    expect(unexpectedCycles(graph)).toEqual(['a -> b -> a', 'b -> a -> b', 'b -> c -> a -> b', 'c -> a -> b -> c', 'd -> d'])
    // a <-> b allowed: the cycle a -> b -> c -> a and the self-import of d still fail.
    expect(unexpectedCycles(graph, [['a', 'b', 'a'], ['d', 'd']])).toEqual(['b -> c -> a -> b', 'c -> a -> b -> c'])
    expect(unexpectedCycles(graph, [['a', 'b', 'a'], ['b', 'c', 'a', 'b'], ['d', 'd']])).toEqual([])
  })
})

describe('issue #19: no import cycle in src/', () => {
  it('no run-time cycle (type-only imports left out), with no exception', () => {
    const graph = importGraph(SRC, 'runtime')
    expect(graph.size).toBeGreaterThan(100) // the walk found src/'s modules
    expect(graph.get('index.ts')?.length).toBeGreaterThan(5) // and their imports
    expect(unexpectedCycles(graph)).toEqual([])
  })

  it('no cycle counting type-only imports, except the allowed ones', () => {
    const graph = importGraph(SRC, 'all')
    expect(unexpectedCycles(graph, ALLOWED.map((a) => a.cycle))).toEqual([])
  })
})
