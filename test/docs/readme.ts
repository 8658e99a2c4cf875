// Every TypeScript example in the README and in docs/*.md runs. The examples of one `##`
// section of a file run together, in order, as one program (later ones use what earlier
// ones made), with their import lines merged; an example that declares a name
// again starts a fresh program (it is a new, self-contained example). readme.test.ts runs them with
// `moral-bank` resolved to src/, the smoke lane against the packed package; readme-types.ts type-checks
// the same programs, each line mapped back to its file and line. A section that throws fails, and
// so does a claim `expression // => literal` whose value differs (claims whose
// right side is not a plain literal, such as `right(...)`, are prose).
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const root = resolve(__dirname, '../..')

/** The files whose examples run: README.md, then every docs/*.md (paths relative to the root, `/` separated). */
export const docFiles: ReadonlyArray<string> = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`)
]

/** One ```ts block: its code and the line of its file its first line of code is on. */
export interface Block {
  readonly code: string
  readonly line: number
}

export interface Section {
  /** The file the section is in, relative to the root: `README.md`, `docs/points.md`. */
  readonly file: string
  readonly title: string
  readonly line: number
  readonly blocks: Array<Block>
}

/** The `##` sections of one Markdown file (relative to the root), each with its TypeScript blocks in order. */
export const sectionsOf = (file: string): Array<Section> => {
  const out: Array<Section> = []
  let current: Section | undefined
  let fence: { readonly lines: Array<string>; readonly line: number } | undefined
  readFileSync(join(root, file), 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (fence !== undefined) {
        if (text.startsWith('```')) {
          current?.blocks.push({ code: fence.lines.join('\n'), line: fence.line })
          fence = undefined
        } else fence.lines.push(text)
        return
      }
      if (text.startsWith('## ')) {
        current = { file, title: text.slice(3), line: i + 1, blocks: [] }
        out.push(current)
      } else if (text.startsWith('```ts')) {
        // An example before the first `##` heading still runs, in a section of its own.
        if (current === undefined) {
          current = { file, title: '(before the first ## heading)', line: 1, blocks: [] }
          out.push(current)
        }
        fence = { lines: [], line: i + 2 }
      }
    })
  return out
}

/** The `##` sections of every file of `docFiles`, in that order. */
export const sections: Array<Section> = docFiles.flatMap(sectionsOf)

const LITERAL = String.raw`(?:-?\d+(?:\.\d+)?|'[^']*'|"[^"]*"|true|false|undefined|null)`
const CLAIM = new RegExp(String.raw`^(?!\s*(?:const|let|var|import|if|for|return|export)\b)(\S.*?)\s*//\s*=>\s*(${LITERAL}|\[\s*(?:${LITERAL}\s*(?:,\s*${LITERAL}\s*)*)?\])\s*(?:\(.*\))?$`)

/** Turn `expr // => literal` lines into checks, each naming its `file:line` (the block's code starts at `line`). */
export const withClaims = (block: string, file: string, line: number): string =>
  block
    .split('\n')
    .map((text, i) => {
      const m = CLAIM.exec(text)
      return m === null ? text : `__claim(() => (${m[1]}), ${m[2]}, ${JSON.stringify(`${file}:${line + i}: ${m[1]}`)})`
    })
    .join('\n')

// Typed, so that a program type-checks under --strict as it runs.
const CLAIM_HELPER = `const __claim = (f: () => unknown, expected: unknown, where: string): void => {
  const got = f()
  const a = JSON.stringify(got), b = JSON.stringify(expected)
  if (a !== b) throw new Error('claim failed at ' + where + ': expected ' + b + ', got ' + a)
}`

const IMPORT = /^import\s+(type\s+)?(\{[^}]*\}|\*\s+as\s+\w+|\w+)\s+from\s+(['"][^'"]+['"])\s*;?\s*$/gm

/** A program's text, with the line (in its section's file) of each of its lines (`undefined` for the lines it adds). */
export interface Program {
  readonly text: string
  readonly lines: ReadonlyArray<number | undefined>
}

/** Merge the import lines of many blocks (named imports per source united) ahead of their code. */
export const program = (blocks: ReadonlyArray<Block>): Program => {
  const named = new Map<string, { readonly line: number; readonly names: Set<string> }>()
  const other = new Map<string, number>()
  const bodies = blocks.map((b) =>
    b.code.replace(IMPORT, (m, typeOnly: string | undefined, what: string, from: string, offset: number) => {
      const line = b.line + (b.code.slice(0, offset).match(/\n/g)?.length ?? 0)
      if (what.startsWith('{')) {
        const entry = named.get(from) ?? { line, names: new Set<string>() }
        for (const n of what.slice(1, -1).split(',')) {
          const name = n.trim()
          if (name !== '') entry.names.add(typeOnly === undefined ? name : name.startsWith('type ') ? name : `type ${name}`)
        }
        named.set(from, entry)
      } else if (!other.has(`import ${what} from ${from}`)) other.set(`import ${what} from ${from}`, line)
      return '\n'.repeat(m.split('\n').length - 1) // keep the block's lines where they were
    })
  )
  const imports: Array<[string, number]> = [...other, ...[...named].map(([from, e]): [string, number] => [`import { ${[...e.names].join(', ')} } from ${from}`, e.line])]
  const lines: Array<number | undefined> = [...imports.map(([, line]) => line), ...CLAIM_HELPER.split('\n').map(() => undefined)]
  for (const [i, body] of bodies.entries()) body.split('\n').forEach((_, k) => lines.push((blocks[i]?.line ?? 0) + k))
  return { text: [...imports.map(([text]) => text), CLAIM_HELPER, ...bodies].join('\n'), lines }
}

const DECLARED = /^(?:export\s+)?(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/gm

/** Split a section's blocks into programs: a block redeclaring a top-level name starts a new one. */
export const programs = (blocks: ReadonlyArray<Block>): ReadonlyArray<ReadonlyArray<Block>> => {
  const out: Array<Array<Block>> = []
  let names = new Set<string>()
  for (const b of blocks) {
    const mine = [...b.code.matchAll(DECLARED)].map((m) => m[1] as string)
    if (out.length === 0 || mine.some((n) => names.has(n))) {
      out.push([])
      names = new Set()
    }
    out[out.length - 1]?.push(b)
    for (const n of mine) names.add(n)
  }
  return out
}

/** A section's programs as they run and type-check: claims turned into checks, imports merged. */
export const sectionPrograms = (s: Section): ReadonlyArray<Program> =>
  programs(s.blocks).map((group) => program(group.map((b) => ({ ...b, code: withClaims(b.code, s.file, b.line) }))))

/**
 * Build and run every program of one section, with `moral-bank` resolved from `resolveDir` (through the
 * tsconfig's paths to src/ when one is given, else from its node_modules as a user's app does), writing
 * the bundles into `outdir`. Returns how many programs ran; a failing claim or example throws.
 */
export const runSection = async (n: number, s: Section, opts: { readonly outdir: string; readonly resolveDir: string; readonly tsconfig?: string }): Promise<number> => {
  // Imported here so that parsing the files (all most callers need) does not load esbuild.
  const { build } = await import('esbuild')
  const { pathToFileURL } = await import('node:url')
  let ran = 0
  for (const [p, { text }] of sectionPrograms(s).entries()) {
    const outfile = join(opts.outdir, `section-${n}-${p}.mjs`)
    await build({
      stdin: { contents: text, loader: 'ts', resolveDir: opts.resolveDir, sourcefile: `${s.file}:${s.line}` },
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      ...(opts.tsconfig === undefined ? {} : { tsconfig: opts.tsconfig }),
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
    ran++
  }
  return ran
}
