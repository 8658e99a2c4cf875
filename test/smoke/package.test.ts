// The package as users get it: packed to a tarball, installed into a fresh
// folder by npm, then imported by name with `import` and `require`, its CLI
// run, and its types checked under Node's own module resolution.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { calendar, instantOrThrow, rngFromSeed, shuffle } from '../../src/core/internal.js'
import { runSection, sections } from '../docs/readme.js'
import { readmeTypeErrors } from '../docs/readme-types.js'

const root = resolve(__dirname, '../..')
let app = ''
let tarball = '' // the packed package, as npm would publish it

const sh = (cmd: string, args: ReadonlyArray<string>, cwd: string): string =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

const probe = `
  const t = m.core.instantOrThrow('2021-06-30T16:30:00Z')
  const out = {
    day: m.core.calendar().key('day', t),
    week: core.calendar(core.DEFAULT_ZONE).key('week', t),
    shuffled: m.core.shuffle(m.core.rngFromSeed('smoke'), [1, 2, 3, 4, 5, 6, 7, 8]),
    bad: m.core.renderProblem(m.core.points(1.5, ['x']).left, 'zh')
  }
  console.log(JSON.stringify(out))
`

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'moral-bank-smoke-'))
  sh('npm', ['pack', '--silent', '--pack-destination', app], root)
  const packed = readdirSync(app).find((f) => f.endsWith('.tgz'))
  if (packed === undefined) throw new Error('npm pack made no tarball')
  tarball = join(app, packed)
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'smoke-app', private: true }))
  sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', tarball], app)
})

afterAll(() => {
  if (app !== '') rmSync(app, { recursive: true, force: true })
})

const expected = (): unknown => {
  const t = instantOrThrow('2021-06-30T16:30:00Z')
  return {
    day: calendar().key('day', t),
    week: calendar().key('week', t),
    shuffled: shuffle(rngFromSeed('smoke'), [1, 2, 3, 4, 5, 6, 7, 8]),
    bad: '$.x：应为安全整数积分，实际为 1.5'
  }
}

describe('the packed package', () => {
  it('imports by name as ESM, root and subpath, with the same results as the sources', () => {
    writeFileSync(join(app, 'esm.mjs'), `import * as m from 'moral-bank'\nimport * as core from 'moral-bank/core'\n${probe}`)
    expect(JSON.parse(sh('node', ['esm.mjs'], app))).toEqual(expected())
  })
  it('requires by name as CommonJS, root and subpath', () => {
    writeFileSync(join(app, 'cjs.cjs'), `const m = require('moral-bank')\nconst core = require('moral-bank/core')\n${probe}`)
    expect(JSON.parse(sh('node', ['cjs.cjs'], app))).toEqual(expected())
  })
  it('resolves every subpath in the exports map, with import and require, to a module with exports', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }
    const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json' && !k.includes('*')).map((k) => `moral-bank${k.slice(1)}`)
    expect(subpaths.length).toBeGreaterThanOrEqual(9)
    const script = `const names = ${JSON.stringify(subpaths)}
      const out = {}
      for (const n of names) out[n] = [Object.keys(require(n)).length, 0]
      Promise.all(names.map((n) => import(n).then((m) => { out[n][1] = Object.keys(m).length }))).then(() => console.log(JSON.stringify(out)))`
    writeFileSync(join(app, 'all.cjs'), script)
    const counts = JSON.parse(sh('node', ['all.cjs'], app)) as Record<string, [number, number]>
    for (const n of subpaths) {
      const [cjs, esm] = counts[n] ?? [0, 0]
      expect(cjs, n).toBeGreaterThan(0)
      expect(esm, n).toBeGreaterThanOrEqual(cjs)
    }
  })
  it('ships the JSON Schemas, resolvable by name as the sources have them', () => {
    const names = readdirSync(join(root, 'schemas')).filter((f) => f.endsWith('.schema.json'))
    expect(names.length).toBeGreaterThanOrEqual(3)
    writeFileSync(join(app, 'schemas.cjs'), `console.log(JSON.stringify(${JSON.stringify(names)}.map((n) => require('moral-bank/schemas/' + n))))`)
    const shipped = JSON.parse(sh('node', ['schemas.cjs'], app)) as ReadonlyArray<unknown>
    expect(shipped).toEqual(names.map((n) => JSON.parse(readFileSync(join(root, 'schemas', n), 'utf8'))))
  })
  it('runs every example of the README and docs/*.md against the installed package (its dist, not the sources)', async () => {
    let ran = 0
    // No tsconfig paths here: `moral-bank` resolves from the app's node_modules, as for a user.
    for (const [n, s] of sections.entries()) ran += await runSection(n, s, { outdir: app, resolveDir: app })
    expect(ran).toBeGreaterThan(10)
  })
  it('type-checks every example of the README and docs/*.md against the installed package, as user code under --strict', () => {
    // The same check as test/docs/readme-types.test.ts, but `moral-bank` is the packed package's types.
    expect(readmeTypeErrors({ dir: join(app, 'readme-types'), paths: false }).join('\n')).toBe('')
  })
  it('runs the moral-bank command from its bin entry', () => {
    const bin = join(app, 'node_modules', '.bin', 'moral-bank')
    expect(sh(bin, ['--version'], app).trim()).toMatch(/^\d+\.\d+\.\d+$/)
    expect(sh(bin, ['period', '2021-06-30T16:30:00Z'], app).split('\n')[1]).toMatch(/^day +2021-07-01$/)
  })
  it('ships types that resolve under node16 resolution for import and require', () => {
    writeFileSync(
      join(app, 'check.mts'),
      `import { core } from 'moral-bank'\nimport { points } from 'moral-bank/core'\nconst k: string = core.calendar().key('day', core.instantOrThrow(0))\nconst p = points(1)\nexport { k, p }\n`
    )
    writeFileSync(join(app, 'check.cts'), `import m = require('moral-bank')\nimport core = require('moral-bank/core')\nconst d: string = m.core.formatInstantUtc(core.instantOrThrow(0))\nexport = d\n`)
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
    const args = [tsc, '--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16', '--skipLibCheck', 'false', 'check.mts', 'check.cts']
    expect(() => sh('node', args, app)).not.toThrow()
  })
  // Both read the tarball only (no registry): publint's every level (errors, warnings and
  // suggestions), attw's every rule under its strict profile (node10, node16 from CJS and ESM, bundler).
  it('passes publint on the tarball with no error, warning or suggestion', () => {
    const out = sh(join(root, 'node_modules', '.bin', 'publint'), ['run', tarball, '--level', 'suggestion'], app)
    expect(out).toContain('All good!')
    expect(out).not.toMatch(/Errors:|Warnings:|Suggestions:/)
  })
  it('passes @arethetypeswrong/cli on the tarball for every entrypoint and resolution', () => {
    const attw = join(root, 'node_modules', '.bin', 'attw')
    const report = JSON.parse(sh(attw, [tarball, '--format', 'json', '--no-definitely-typed', '--profile', 'strict'], app)) as {
      analysis: { entrypoints: Record<string, unknown>; problems: ReadonlyArray<unknown> }
    }
    expect(report.analysis.problems).toEqual([])
    expect(Object.keys(report.analysis.entrypoints)).toEqual(expect.arrayContaining(['.', './core', './quiz', './programme']))
  })
  it('bundles for a browser from the ES builds of fp-ts and io-ts (tree-shakable), and the bundle computes as the sources do', async () => {
    // As a user's bundler would: the installed package's ESM through its exports and imports maps.
    const r = await build({
      stdin: { contents: `export * from 'moral-bank'`, resolveDir: app },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      minify: true,
      write: false,
      metafile: true,
      logLevel: 'silent'
    })
    const inputs = Object.keys(r.metafile.inputs)
    expect(inputs.filter((f) => /node_modules\/(fp-ts|io-ts)\/lib\//.test(f))).toEqual([])
    expect(inputs.some((f) => f.includes('node_modules/fp-ts/es6/'))).toBe(true)
    expect(inputs.some((f) => f.includes('node_modules/io-ts/es6/'))).toBe(true)
    writeFileSync(join(app, 'browser-bundle.mjs'), r.outputFiles[0]?.text ?? '')
    writeFileSync(join(app, 'browser-probe.mjs'), `import * as m from './browser-bundle.mjs'\nconst core = m.core\n${probe}`)
    expect(JSON.parse(sh('node', ['browser-probe.mjs'], app))).toEqual(expected())
  })
})
