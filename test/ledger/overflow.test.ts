// Issue #14: ledger sums never leave the safe integers; an entry that would is refused with a reason.
import { describe, expect, it } from 'vitest'
import { pipe } from 'fp-ts/lib/function.js'
import { account, compileRuleSetOrThrow, deduction, firstN, inAccount, perAction, perContent, ruleSet, type SubjectId } from '../../src/rules/internal.js'
import { allTime } from '../../src/core/internal.js'
import { allEntries, allSkips, balanceOfOrThrow, foldLedger, statementOrThrow } from '../../src/ledger/internal.js'
import { ev } from '../rules/helpers.js'

const MAX = Number.MAX_SAFE_INTEGER
const S = 'm' as SubjectId
const rules = compileRuleSetOrThrow(
  ruleSet(
    [account('study'), account('moral', { floor: null })],
    [
      perAction('jackpot', 'win', MAX),
      pipe(perAction('read', 'article.read', 1), perContent('content')),
      pipe(perAction('match', 'contest.match', 1), firstN(1, 'day')),
      pipe(deduction('fine', 'fined', MAX), inAccount('moral')),
      pipe(perAction('deed', 'deed', 1), inAccount('moral'))
    ]
  )
)

describe('issue #14: ledger sums overflow silently', () => {
  it('two events on a points: MAX_SAFE rule: the second is refused (overflow), the balance stays safe', () => {
    const book = foldLedger(rules)([ev('w1', 'win', 'm', '2021-07-01T08:00:00+08:00'), ev('w2', 'win', 'm', '2021-07-02T08:00:00+08:00')])
    expect(balanceOfOrThrow(book, S)).toBe(MAX)
    expect(allEntries(book).map((e) => e.event)).toEqual(['w1'])
    expect(allSkips(book).map((s) => [s.event, s.rule, s.reason])).toEqual([['w2', 'jackpot', 'overflow']])
    expect(statementOrThrow(book, S, allTime()).closing).toBe(MAX)
  })
  it('a statement\'s earned total stays safe too: what was earned counts, even after a deduction', () => {
    // The moral account has no floor: -MAX, then +1 is still safe on the balance, but a second fine would
    // make the period's deductions 2 × MAX: refused.
    const book = foldLedger(rules)([
      ev('f1', 'fined', 'm', '2021-07-01T08:00:00+08:00'),
      ev('d1', 'deed', 'm', '2021-07-01T09:00:00+08:00'),
      ev('f2', 'fined', 'm', '2021-07-01T10:00:00+08:00')
    ])
    expect(balanceOfOrThrow(book, S, 'moral' as never)).toBe(-MAX + 1)
    expect(allSkips(book).map((s) => [s.event, s.reason])).toEqual([['f2', 'overflow']])
    const st = statementOrThrow(book, S, allTime(), 'moral' as never)
    expect([st.deducted, st.earned, st.closing]).toEqual([MAX, 1, -MAX + 1])
  })
  it('a refused entry changes nothing else: its content is not used up, its first-N slot not taken', () => {
    const book = foldLedger(rules)([
      ev('w', 'win', 'm', '2021-07-01T08:00:00+08:00'),
      ev('r1', 'article.read', 'm', '2021-07-01T09:00:00+08:00', { content: 'a' }),
      ev('r2', 'article.read', 'm', '2021-07-01T09:30:00+08:00', { content: 'a' }),
      ev('c1', 'contest.match', 'm', '2021-07-01T10:00:00+08:00'),
      ev('c2', 'contest.match', 'm', '2021-07-01T11:00:00+08:00')
    ])
    // Without the undo, r2 would say content-seen and c2 limit.
    expect(allSkips(book).map((s) => [s.event, s.reason])).toEqual([
      ['r1', 'overflow'],
      ['r2', 'overflow'],
      ['c1', 'overflow'],
      ['c2', 'overflow']
    ])
    expect(balanceOfOrThrow(book, S)).toBe(MAX)
  })
})
