// Prints how many errors Ajv (draft 2020-12, strict, allErrors) reports for each single mistake of
// mistakes.ts, and where: the table of BENCHMARKS.md, "JSON Schema errors per mistake (issue 16)".
//   node scripts/run-ts.mjs test/schemas/mistakes-table.ts [schemas-dir]
// With a folder of older schemas (without $id), each is added under a base URI by its file name, as
// their relative references expect.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Ajv2020 from 'ajv/dist/2020.js'
import { MISTAKES } from './mistakes.js'

const dir = resolve(process.argv[2] ?? 'schemas')
const BASE = 'https://moral-bank.dev/schemas/'
const ajv = new Ajv2020({ strict: true, allErrors: true })
const files = readdirSync(dir).filter((f) => f.endsWith('.schema.json'))
for (const f of files) {
  const s = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { readonly $id?: string }
  ajv.addSchema(s, s.$id === undefined ? `${BASE}${f}` : undefined)
}

console.log('| mistake | schema | at | errors | their paths | errors without the mistake |')
console.log('|---|---|---|---|---|---|')
for (const m of MISTAKES) {
  const file = `${m.schema}.schema.json`
  const v = files.includes(file) ? ajv.getSchema(`${BASE}${file}`) : undefined
  if (v === undefined) {
    console.log(`| ${m.name} | ${file} | \`${m.at}\` | (no schema) | | |`)
    continue
  }
  v(m.valid)
  const before = (v.errors ?? []).length
  v(m.doc)
  const errors = v.errors ?? []
  const paths = [...new Set(errors.map((e) => e.instancePath || '(root)'))]
  const shown = paths.length > 4 ? `${paths.slice(0, 4).map((p) => `\`${p}\``).join(', ')}, … (${paths.length} paths)` : paths.map((p) => `\`${p}\``).join(', ')
  console.log(`| ${m.name} | ${file} | \`${m.at}\` | ${errors.length} | ${shown} | ${before} |`)
}
