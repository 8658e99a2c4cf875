// Issue #15 (a package that feels native): the public surface is deliberate. The root is one namespace
// per module; each subpath's names are the list in issue-15-public-names.txt (a change to the surface
// changes that file in the same commit); no two modules export one name; the engine internals the
// issue named are not public, and what a host holds (a ledger, a live board) has no engine member.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import * as root from '../../src/index.js'
import { dailyStudy, compileRuleSetOrThrow } from '../../src/rules/internal.js'
import { foldLedger } from '../../src/ledger/internal.js'
import { liveBoard } from '../../src/ranking/internal.js'

const repo = resolve(__dirname, '../..')
const MODULES = ['core', 'quiz', 'formats', 'ranking', 'rules', 'ledger', 'awards', 'bank', 'programme'] as const

const publicNames = (): Map<string, ReadonlyArray<string>> => {
  const files = MODULES.map((m) => join(repo, 'src', m, 'index.ts'))
  const program = ts.createProgram(files, { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true })
  const checker = program.getTypeChecker()
  return new Map(
    files.map((f, i) => {
      const sf = program.getSourceFile(f)
      const sym = sf === undefined ? undefined : checker.getSymbolAtLocation(sf)
      return [`moral-bank/${MODULES[i]}`, sym === undefined ? [] : checker.getExportsOfModule(sym).map((s) => s.name).sort()]
    })
  )
}

describe('issue #15: the public surface', () => {
  const names = publicNames()

  it('the root holds one namespace per module and nothing else', () => {
    expect(Object.keys(root).sort()).toEqual([...MODULES].sort())
    for (const m of MODULES) expect(typeof root[m], m).toBe('object')
    expect(root.ledger.foldLedger).toBeTypeOf('function')
  })

  it('each subpath exports exactly the recorded names (types included)', () => {
    const recorded = readFileSync(join(__dirname, 'issue-15-public-names.txt'), 'utf8').trim().split('\n')
    const now = [...names].map(([m, ns]) => `${m} (${ns.length}): ${ns.join(' ')}`)
    expect(now).toEqual(recorded)
  })

  it('no two modules export the same name', () => {
    const seen = new Map<string, string>()
    const twice: Array<string> = []
    for (const [m, ns] of names) for (const n of ns) seen.has(n) ? twice.push(`${n}: ${seen.get(n)} and ${m}`) : seen.set(n, m)
    expect(twice).toEqual([])
  })

  it('leaves the engine internals the issue named out, and says one word per idea', () => {
    const all = new Set([...names.values()].flat())
    const internals = ['prepareRule', 'decideRule', 'applyRuleInto', 'resetState', 'DecisionScratch', 'Prepared', 'Interner', 'accountKey', 'expiryOf', 'paperKeys', 'checkLiveBoard']
    expect(internals.filter((n) => all.has(n))).toEqual([])
    // The question bank and the Moral Bank are two words; a round times out, points expire.
    expect(['decodeBank', 'indexBank', 'BankIndex', 'ExpiryPolicy', 'expire', 'criterionFacts'].filter((n) => all.has(n))).toEqual([])
    expect(['decodeQuestionBank', 'indexQuestionBank', 'TimeoutPolicy', 'applyTimeout', 'emptyBank', 'BankState', 'criterionFigures'].filter((n) => !all.has(n))).toEqual([])
  })

  it('a ledger and a live board show a host no engine member', () => {
    const book = foldLedger(compileRuleSetOrThrow(dailyStudy()))([])
    expect(Object.keys(book)).not.toContain('kept')
    expect(Object.keys(liveBoard())).not.toContain('checkOrThrow')
  })
})
