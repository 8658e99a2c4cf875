// Laws of the operation log as JSON: every operation round-trips through its JSON (and a log through
// JSON Lines), the decoded log builds the same bank, and a corrupted line is rejected alone, at its line.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { allEntries, foldLedger } from '../../src/ledger/internal.js'
import { compileRuleSetOrThrow, type ActivityEvent, type SubjectId } from '../../src/rules/internal.js'
import { applyOps, bankToJson, decodeBankOp, decodeBankOpsJsonl, emptyBank, postEntry, type BankOp } from '../../src/bank/internal.js'
import { commands, config, materialise, START } from './arbitrary.js'

const jsonl = (ops: ReadonlyArray<BankOp>): string => ops.map((op) => JSON.stringify(op)).join('\n')

// Post operations carry ledger entries, with cuts (a daily cap of 2 on 1-point logins).
const rs = compileRuleSetOrThrow({ accounts: [{ id: 'moral' }], rules: [{ id: 'login', account: 'moral', on: ['login'], amount: { per: 'action', points: 1 }, caps: [{ per: 'day', max: 2 }] }] })
const postsArb = fc.array(fc.nat(3 * 86_400_000), { maxLength: 8 }).map((ts) => {
  const events: Array<ActivityEvent> = ts.map((dt, i) => ({ id: `e${i}` as never, type: 'login', member: 'm-1' as SubjectId, at: (START + dt) as never, attrs: {} }))
  return allEntries(foldLedger(rs)(events)).map(postEntry)
})

describe('bank operations as JSON', () => {
  it('every operation decodes from its JSON to itself; a JSON Lines log to the same bank', () => {
    fc.assert(
      fc.property(commands(60), postsArb, (cmds, posts) => {
        const ops = [...posts, ...materialise(cmds)]
        for (const op of ops) expect(decodeBankOp(JSON.parse(JSON.stringify(op)))).toEqual(E.right(op))
        const log = decodeBankOpsJsonl(jsonl(ops), 'ops.jsonl')
        expect(log.rejections).toEqual([])
        expect(log.values).toEqual(ops)
        expect(bankToJson(applyOps(emptyBank(config), log.values).bank)).toEqual(bankToJson(applyOps(emptyBank(config), ops).bank))
      }),
      { numRuns: 60 }
    )
  })

  it('a log with one line corrupted keeps every other operation and rejects that line, at its number', () => {
    fc.assert(
      fc.property(commands(30), fc.nat(), fc.oneof(fc.constant('{oops'), fc.constant('{"_tag":"redeem"}'), fc.jsonValue({ maxDepth: 1 }).map((v) => JSON.stringify(v))), (cmds, k, bad) => {
        const ops = materialise(cmds)
        const i = k % ops.length
        const lines = ops.map((op) => JSON.stringify(op))
        lines[i] = bad
        const log = decodeBankOpsJsonl(lines.join('\n'))
        // A line that happens to be a valid operation (never, for these) would be kept: the law is about rejections.
        expect(log.rejections.map((r) => r.index)).toEqual(bad.trim() === '' ? [] : [i + 1])
        expect(log.values).toEqual(ops.filter((_, j) => j !== i))
        for (const p of log.rejections[0]?.problems ?? []) expect(['JsonPath', 'TextPosition']).toContain(p.at._tag)
      }),
      { numRuns: 150 }
    )
  })
})
