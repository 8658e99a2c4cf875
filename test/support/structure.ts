// Issue 19: structural checks over a folder of TypeScript sources, read with the TypeScript compiler API
// (so an import written in a doc comment is not an import, and `import type` is told apart):
// - the import graph of a folder and its cycles (test/bank/issue-19-no-cycle.test.ts, test/structure/);
// - the length in lines of every function of a source file (test/structure/).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

// ---------------------------------------------------------------------------------------------------------
// Import graph
// ---------------------------------------------------------------------------------------------------------

/** The TypeScript sources under `dir` (declaration files aside), sorted, as paths. */
export const filesUnder = (dir: string): Array<string> =>
  readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f)
      return statSync(p).isDirectory() ? filesUnder(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : []
    })

/** One import or re-export of a module: its specifier and whether it is erased at run time. */
export interface ModuleReference {
  readonly specifier: string
  readonly typeOnly: boolean
}

const isTypeOnlyImport = (d: ts.ImportDeclaration): boolean => d.importClause?.isTypeOnly === true
const isTypeOnlyExport = (d: ts.ExportDeclaration): boolean => d.isTypeOnly

/**
 * The modules a source imports or re-exports (`import … from`, `import '…'`, `export … from`, `import('…')`).
 * Type-only means erased: `import type` / `export type`. An `import { type A }` whose names are all types is
 * still a run-time import under `verbatimModuleSyntax` (it is kept as `import {} from …`), so it counts as one.
 */
export const referencesOf = (source: string, fileName = 'module.ts'): Array<ModuleReference> => {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const out: Array<ModuleReference> = []
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier))
      out.push({ specifier: node.moduleSpecifier.text, typeOnly: isTypeOnlyImport(node) })
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier))
      out.push({ specifier: node.moduleSpecifier.text, typeOnly: isTypeOnlyExport(node) })
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal))
      out.push({ specifier: node.argument.literal.text, typeOnly: true })
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments
      if (arg !== undefined && ts.isStringLiteralLike(arg)) out.push({ specifier: arg.text, typeOnly: false })
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return out
}

/** What the graph counts as an edge: every import (`'all'`) or only those that remain at run time. */
export type ImportKinds = 'all' | 'runtime'

/** The file a relative specifier names, if it is one of `files` (`./x.js` → `x.ts`, `./x` → `x.ts` or `x/index.ts`). */
const resolveRelative = (from: string, specifier: string, files: ReadonlySet<string>): string | undefined => {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined
  const base = resolve(dirname(from), specifier)
  const candidates = [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')]
  return candidates.find((c) => files.has(c))
}

/**
 * Each file of `dir` (relative to it) and the files of `dir` it imports, relative imports only.
 * `kinds: 'all'` counts `import type` too (a cycle of types is still a cycle to read); `'runtime'` leaves
 * out imports erased at compile time, which cannot make a module evaluate before its dependency.
 */
export const importGraph = (dir: string, kinds: ImportKinds = 'all'): Map<string, Array<string>> => {
  const files = filesUnder(dir)
  const known = new Set(files)
  const graph = new Map<string, Array<string>>()
  for (const f of files) {
    const deps: Array<string> = []
    for (const r of referencesOf(readFileSync(f, 'utf8'), f)) {
      if (kinds === 'runtime' && r.typeOnly) continue
      const target = resolveRelative(f, r.specifier, known)
      if (target !== undefined && !deps.includes(relative(dir, target))) deps.push(relative(dir, target))
    }
    graph.set(relative(dir, f), deps)
  }
  return graph
}

type Graph = ReadonlyMap<string, ReadonlyArray<string>>

/** The cycles of a graph: one path per back edge found by depth-first search (empty when there is none). */
export const cyclesOf = (graph: Graph): Array<Array<string>> => {
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

/** The strongly connected components of a graph (Tarjan); a node is in a cycle iff its component has a cycle. */
export const componentsOf = (graph: Graph): Array<Array<string>> => {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: Array<string> = []
  const onStack = new Set<string>()
  const out: Array<Array<string>> = []
  const visit = (n: string): void => {
    index.set(n, next)
    low.set(n, next++)
    stack.push(n)
    onStack.add(n)
    for (const d of graph.get(n) ?? []) {
      if (!index.has(d)) {
        visit(d)
        low.set(n, Math.min(low.get(n)!, low.get(d)!))
      } else if (onStack.has(d)) low.set(n, Math.min(low.get(n)!, index.get(d)!))
    }
    if (low.get(n) === index.get(n)) {
      const c: Array<string> = []
      let m: string
      do {
        m = stack.pop()!
        onStack.delete(m)
        c.push(m)
      } while (m !== n)
      out.push(c.sort())
    }
  }
  for (const n of [...graph.keys()].sort()) if (!index.has(n)) visit(n)
  return out
}

/** The shortest path from `from` to `to` inside `within` (breadth-first), both ends included. */
const shortestPath = (graph: Graph, from: string, to: string, within: ReadonlySet<string>): Array<string> | undefined => {
  const prev = new Map<string, string>([[from, from]])
  const queue = [from]
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!
    if (n === to) {
      const path = [to]
      while (path[0] !== from) path.unshift(prev.get(path[0]!)!)
      return path
    }
    for (const d of graph.get(n) ?? []) if (within.has(d) && !prev.has(d)) (prev.set(d, n), queue.push(d))
  }
  return undefined
}

/**
 * The cycles of `graph` not made only of `allowed` edges, each as a path `a -> b -> a`. Every edge that lies on
 * a cycle (both ends in one strongly connected component) must be an edge of one of the allowed cycles; each
 * edge that is not is reported with the shortest cycle through it. So any new cycle is found, including one
 * that shares modules with an allowed one.
 */
export const unexpectedCycles = (graph: Graph, allowed: ReadonlyArray<ReadonlyArray<string>> = []): Array<string> => {
  const allowedEdges = new Set(allowed.flatMap((c) => c.slice(1).map((to, i) => `${c[i]} -> ${to}`)))
  const out: Array<string> = []
  for (const component of componentsOf(graph)) {
    const within = new Set(component)
    for (const from of component)
      for (const to of graph.get(from) ?? []) {
        if (!within.has(to) || allowedEdges.has(`${from} -> ${to}`)) continue
        const back = shortestPath(graph, to, from, within)
        if (back !== undefined) out.push([from, ...back].join(' -> '))
      }
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------
// Function lengths
// ---------------------------------------------------------------------------------------------------------

/** One function of a source file and its length in lines, from the first line of its node to the last. */
export interface FunctionLength {
  /** Dotted path of the enclosing named functions, classes and objects, e.g. `makeTree.insert`. */
  readonly name: string
  readonly line: number
  readonly lines: number
}

type FunctionNode =
  | ts.FunctionDeclaration
  | ts.MethodDeclaration
  | ts.ArrowFunction
  | ts.FunctionExpression
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration

const isFunction = (n: ts.Node): n is FunctionNode =>
  (ts.isFunctionDeclaration(n) ||
    ts.isMethodDeclaration(n) ||
    ts.isArrowFunction(n) ||
    ts.isFunctionExpression(n) ||
    ts.isConstructorDeclaration(n) ||
    ts.isGetAccessorDeclaration(n) ||
    ts.isSetAccessorDeclaration(n)) &&
  n.body !== undefined

const nameText = (n: ts.PropertyName | ts.BindingName | undefined, sf: ts.SourceFile): string | undefined =>
  n === undefined ? undefined : ts.isIdentifier(n) || ts.isPrivateIdentifier(n) || ts.isStringLiteral(n) ? n.text : n.getText(sf)

/** The name a node gives to the scope it opens: its own name, or that of the binding it is assigned to. */
const ownName = (n: ts.Node, sf: ts.SourceFile): string | undefined => {
  if (ts.isConstructorDeclaration(n)) return 'constructor'
  if (ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n) || ts.isFunctionExpression(n) || ts.isClassExpression(n))
    if (n.name !== undefined) return n.name.text
  if (ts.isMethodDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n)) return nameText(n.name, sf)
  const p = n.parent
  if (ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isObjectLiteralExpression(n) || ts.isClassExpression(n)) {
    if (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) return nameText(p.name, sf)
    if (ts.isBinaryExpression(p) && p.right === n) return p.left.getText(sf)
  }
  return undefined
}

/** A function whose body is itself a function: `(a) => (b) => …`, the curried form of the API. */
const isCurried = (n: FunctionNode): boolean => n.body !== undefined && isFunction(n.body)

/**
 * Every function of a source (declarations, methods, constructors, accessors, arrows and function
 * expressions with a body), named by its enclosing path; an unnamed one is `<arrow>` or `<function>`, and a
 * name met twice in a file gets `#2`, `#3`… in source order. A curried chain `(a) => (b) => …` counts once,
 * as its outer function (the inner ones are that one function's body). A function's lines run from the line
 * of its first token (after its leading comments) to its last line, so an outer function counts the
 * functions nested in it.
 */
export const functionLengths = (source: string, fileName = 'module.ts'): Array<FunctionLength> => {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const lineOf = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line + 1
  const seen = new Map<string, number>()
  const out: Array<FunctionLength> = []
  const visit = (node: ts.Node, scope: ReadonlyArray<string>, inChain: boolean): void => {
    const named = ownName(node, sf)
    let inner = named === undefined ? scope : [...scope, named]
    const fn = isFunction(node)
    if (fn && !inChain) {
      if (named === undefined) inner = [...scope, ts.isArrowFunction(node) ? '<arrow>' : '<function>']
      const base = inner.join('.')
      const n = (seen.get(base) ?? 0) + 1
      seen.set(base, n)
      const name = n === 1 ? base : `${base}#${n}`
      inner = [...inner.slice(0, -1), name.slice(name.lastIndexOf('.') + 1)]
      const line = lineOf(node.getStart(sf))
      out.push({ name, line, lines: lineOf(node.getEnd()) - line + 1 })
    }
    ts.forEachChild(node, (c) => visit(c, inner, fn && isCurried(node) && c === node.body))
  }
  visit(sf, [], false)
  return out
}
