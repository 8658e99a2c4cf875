// The examples of docs/fragments/bank.md run, as the README test will run them once
// the fragment is merged: one program per `##` section, import lines merged, and every
// `expression // => literal` claim checked. (Helpers copied from test/docs/readme.test.ts.)
import { mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../..')
const doc = readFileSync(join(root, 'docs', 'fragments', 'bank.md'), 'utf8')
const outdir = join(root, 'node_modules', '.cache', 'moral-bank-bank-doc')

const blocks: Array<string> = []
let fence: Array<string> | undefined
for (const line of doc.split('\n')) {
  if (fence !== undefined) {
    if (line.startsWith('```')) {
      blocks.push(fence.join('\n'))
      fence = undefined
    } else fence.push(line)
  } else if (line.startsWith('```ts')) fence = []
}

const LITERAL = String.raw`(?:-?\d+(?:\.\d+)?|'[^']*'|"[^"]*"|true|false|undefined|null)`
const CLAIM = new RegExp(String.raw`^(?!\s*(?:const|let|var|import|if|for|return|export)\b)(\S.*?)\s*//\s*=>\s*(${LITERAL}|\[\s*(?:${LITERAL}\s*(?:,\s*${LITERAL}\s*)*)?\])\s*(?:\(.*\))?$`)

/** Turn `expr // => literal` lines into checks. */
const withClaims = (block: string, where: string): string =>
  block
    .split('\n')
    .map((line, i) => {
      const m = CLAIM.exec(line)
      return m === null ? line : `__claim(() => (${m[1]}), ${m[2]}, ${JSON.stringify(`${where}+${i + 1}: ${m[1]}`)})`
    })
    .join('\n')

const CLAIM_HELPER = `
const __claim = (f, expected, where) => {
  const got = f()
  const a = JSON.stringify(got), b = JSON.stringify(expected)
  if (a !== b) throw new Error('README claim failed at ' + where + ': expected ' + b + ', got ' + a)
}
`

const IMPORT = /^import\s+(type\s+)?(\{[^}]*\}|\*\s+as\s+\w+|\w+)\s+from\s+(['"][^'"]+['"])\s*;?\s*$/gm

/** Merge the import lines of many blocks (named imports per source united) ahead of their code. */
const program = (blocks: ReadonlyArray<string>): string => {
  const named = new Map<string, Set<string>>()
  const other = new Set<string>()
  const bodies = blocks.map((b) =>
    b.replace(IMPORT, (_m, typeOnly: string | undefined, what: string, from: string) => {
      if (what.startsWith('{')) {
        const set = named.get(from) ?? new Set<string>()
        for (const n of what.slice(1, -1).split(',')) {
          const name = n.trim()
          if (name !== '') set.add(typeOnly === undefined ? name : name.startsWith('type ') ? name : `type ${name}`)
        }
        named.set(from, set)
      } else other.add(`import ${what} from ${from}`)
      return ''
    })
  )
  const imports = [...other, ...[...named].map(([from, names]) => `import { ${[...names].join(', ')} } from ${from}`)]
  return `${imports.join('\n')}\n${CLAIM_HELPER}\n${bodies.join('\n')}`
}

describe('docs/fragments/bank.md examples', () => {
  it('run, and every claim holds', async () => {
    expect(blocks.length).toBeGreaterThan(5)
    const claims = blocks.join('\n').split('\n').filter((l) => CLAIM.test(l)).length
    expect(claims).toBeGreaterThan(20)
    mkdirSync(outdir, { recursive: true })
    const outfile = join(outdir, 'bank.mjs')
    await build({
      stdin: { contents: program(blocks.map((b, k) => withClaims(b, `bank.md block ${k + 1}`))), loader: 'ts', resolveDir: root, sourcefile: 'bank.md' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      tsconfig: join(root, 'tsconfig.json'),
      outfile,
      logLevel: 'silent'
    })
    await import(`${pathToFileURL(outfile).href}?v=${Date.now()}`)
  })
})
