// Every program of the README and docs/*.md type-checks as a user's code would: written out as
// `doc-<section>-<program>.mts` (exactly the programs readme.ts runs, claims included) and checked by one TypeScript program under
// `--strict` and Node's own module resolution. readme-types.test.ts checks them with `moral-bank` mapped
// to src/ by tsconfig paths; the smoke lane checks them against the packed package in its app.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { root, sectionPrograms, sections } from './readme.js'

/** The options a user's strict Node project would have; `paths` (only for the sources) maps `moral-bank` to src/. */
const compilerOptions = (paths: boolean): Record<string, unknown> => ({
  strict: true,
  module: 'node16',
  moduleResolution: 'node16',
  target: 'es2022',
  skipLibCheck: false,
  noEmit: true,
  types: ['node'],
  typeRoots: [join(root, 'node_modules', '@types')],
  ...(paths ? { paths: { 'moral-bank': [join(root, 'src', 'index.ts')], 'moral-bank/*': [join(root, 'src', '*', 'index.ts')] } } : {})
})

/**
 * Write every program of the README and docs/*.md into `dir` with a tsconfig.json beside them (`npx tsc -p
 * <dir>` repeats the check), type-check them all at once and return each error as `<file>:<line>: <message>`
 * (`README.md:120: …`, `docs/points.md:40: …`; an error outside the examples' code, in a file of the
 * package, is given at that file's own line).
 */
export const readmeTypeErrors = (opts: { readonly dir: string; readonly paths: boolean }): ReadonlyArray<string> => {
  mkdirSync(opts.dir, { recursive: true })
  const lineMap = new Map<string, { readonly doc: string; readonly lines: ReadonlyArray<number | undefined> }>()
  for (const [n, s] of sections.entries()) {
    for (const [p, { text, lines }] of sectionPrograms(s).entries()) {
      const file = join(opts.dir, `doc-${n}-${p}.mts`)
      writeFileSync(file, text)
      lineMap.set(file, { doc: s.file, lines })
    }
  }
  const configFile = join(opts.dir, 'tsconfig.json')
  writeFileSync(configFile, JSON.stringify({ compilerOptions: compilerOptions(opts.paths), files: [...lineMap.keys()] }, null, 2))
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configFile, (f) => ts.sys.readFile(f)).config, ts.sys, opts.dir)
  const checked = ts.createProgram({ rootNames: config.fileNames, options: config.options })
  return ts.getPreEmitDiagnostics(checked).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ')
    if (d.file === undefined || d.start === undefined) return message
    const line = d.file.getLineAndCharacterOfPosition(d.start).line + 1
    const mapped = lineMap.get(d.file.fileName)
    const docLine = mapped?.lines[line - 1]
    return mapped === undefined || docLine === undefined ? `${relative(root, d.file.fileName)}:${line}: ${message}` : `${mapped.doc}:${docLine}: ${message}`
  })
}
