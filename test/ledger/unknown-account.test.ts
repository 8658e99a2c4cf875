// Issue #13: reading an account or a metric that the rules do not have is an error value, not zero.
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { account, compileRuleSetOrThrow, dailyStudy, perAction, ruleSet, type AccountId, type SubjectId } from '../../src/rules/internal.js'
import { allTime, renderProblems } from '../../src/core/internal.js'
import { org } from '../ranking/fixture.js'
import {
  balanceOf,
  balanceOfOrThrow,
  explainBalance,
  explainBalanceOrThrow,
  foldLedger,
  statement,
  statementOrThrow
} from '../../src/ledger/internal.js'
import { boardInputsFromLedger, computeBoard } from '../../src/ranking/internal.js'
import { ev } from '../rules/helpers.js'

const book = foldLedger(compileRuleSetOrThrow(dailyStudy()))([ev('e1', 'login', 'm1', '2021-07-01T08:00:00+08:00')])
const S = (s: string) => s as SubjectId
const moarl = 'moarl' as AccountId

describe('issue #13: an account the rules do not define is an error value, not 0', () => {
  it('balanceOf, statement and explainBalance name the unknown account and the known ones (en and zh)', () => {
    for (const r of [balanceOf(book, S('m1'), moarl), statement(book, S('m1'), allTime(), moarl), explainBalance(book, S('m1'), moarl)]) {
      expect(E.isLeft(r)).toBe(true)
      if (E.isLeft(r)) {
        expect(renderProblems(r.left)).toBe('$.account: expected one of the accounts study, got "moarl"')
        expect(renderProblems(r.left, 'zh')).toContain('已声明的账户：study')
        expect(r.left[0]?.code).toBe('reference')
      }
    }
    expect(() => balanceOfOrThrow(book, S('m1'), moarl)).toThrow(/moarl/)
    expect(() => statementOrThrow(book, S('m1'), allTime(), moarl)).toThrow(/moarl/)
    expect(() => explainBalanceOrThrow(book, S('m1'), moarl)).toThrow(/moarl/)
  })
  it('a subject with no entries in a known account still reads 0', () => {
    expect(balanceOf(book, S('nobody'), 'study' as AccountId)).toEqual(E.right(0))
    expect(balanceOf(book, S('m1'))).toEqual(E.right(1))
    expect(E.map((st: { readonly closing: number }) => st.closing)(statement(book, S('nobody'), allTime()))).toEqual(E.right(0))
    expect(explainBalance(book, S('nobody'))).toEqual(E.right([]))
  })
  it('caps the list of known accounts in the problem', () => {
    const many = compileRuleSetOrThrow(ruleSet(Array.from({ length: 25 }, (_, i) => account(`acc-${i}`)), [perAction('x', 'x', 1)].map((r) => ({ ...r, account: 'acc-0' }))))
    const r = balanceOf(foldLedger(many)([]), S('m'), moarl)
    expect(E.isLeft(r) && renderProblems(r.left)).toBe(
      '$.account: expected one of the accounts acc-0, acc-1, acc-2, acc-3, acc-4, acc-5, acc-6, acc-7, acc-8, acc-9 (and 15 more), got "moarl"'
    )
    expect(E.isLeft(r) && renderProblems(r.left, 'zh')).toContain('（另有 15 个）')
  })
  it('a board on points:studdy from the ledger is an error at $.metric.account, not zeros for everyone', () => {
    const board = (acc: string) => computeBoard({ subjects: 'members', metric: { kind: 'points', account: acc }, period: allTime() })(boardInputsFromLedger(book, org))
    const bad = board('studdy')
    expect(E.isLeft(bad) && renderProblems(bad.left)).toBe('$.metric.account: expected one of the accounts of the rules study, got "studdy"')
    const good = board('study')
    expect(E.isRight(good) && good.right.rows.map((r) => [r.subject, r.score]).slice(0, 2)).toEqual([['m1', 1], ['m2', 0]])
  })
})
