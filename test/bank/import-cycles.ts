// Issue 19: the import graph of a folder of TypeScript sources (relative imports only, `import type`
// included: a cycle of types is still a cycle to read), and its cycles. Generic over a folder, so it
// can cover all of src/ later.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g

const filesUnder = (dir: string): Array<string> =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? filesUnder(p) : p.endsWith('.ts') ? [p] : []
  })

/** Each file of `dir` (relative to it) and the files of `dir` it imports. */
export const importGraph = (dir: string): Map<string, Array<string>> => {
  const files = filesUnder(dir)
  const graph = new Map<string, Array<string>>()
  for (const f of files) {
    const deps: Array<string> = []
    for (const m of readFileSync(f, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(f), (m[1] as string).replace(/\.js$/, '.ts'))
      if (files.includes(target)) deps.push(relative(dir, target))
    }
    graph.set(relative(dir, f), deps)
  }
  return graph
}

/** The cycles of a graph: one path per cycle found by depth-first search (empty when there is none). */
export const cyclesOf = (graph: ReadonlyMap<string, ReadonlyArray<string>>): Array<Array<string>> => {
  const state = new Map<string, 1 | 2>()
  const path: Array<string> = []
  const out: Array<Array<string>> = []
  const visit = (n: string): void => {
    state.set(n, 1)
    path.push(n)
    for (const d of graph.get(n) ?? []) {
      if (state.get(d) === 1) out.push([...path.slice(path.indexOf(d)), d])
      else if (state.get(d) === undefined) visit(d)
    }
    path.pop()
    state.set(n, 2)
  }
  for (const n of [...graph.keys()].sort()) if (state.get(n) === undefined) visit(n)
  return out
}
