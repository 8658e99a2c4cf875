// Issue #14: whatever the amounts, balances and statement figures are safe integers and a statement's closing
// over all time is the balance (entries past the safe integers are refused as 'overflow').
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { pipe } from 'fp-ts/lib/function.js'
import { account, capPer, compileRuleSetOrThrow, fromScore, inAccount, perAction, ruleSet, type ActivityEvent, type SubjectId } from '../../src/rules/internal.js'
import { allTime, customPeriod, instantOrThrow, type EventId, type Instant, type Period } from '../../src/core/internal.js'
import { balanceOfOrThrow, foldLedger, statementOrThrow, type Ledger } from '../../src/ledger/internal.js'
import * as E from 'fp-ts/lib/Either.js'

const MAX = Number.MAX_SAFE_INTEGER
const huge = fc.constantFrom(MAX, -MAX, 2 ** 52, -(2 ** 52), MAX - 1, 1, -1, 3)
const BASE = instantOrThrow('2021-07-01T00:00:00+08:00')
const TYPES = ['a', 'b', 'c', 'score'] as const

const rulesArb = fc.tuple(huge, huge, huge, fc.double({ min: -1e300, max: 1e300, noNaN: true }), fc.boolean()).map(([a, b, c, factor, capped]) =>
  compileRuleSetOrThrow(
    ruleSet(
      [account('study'), account('moral', { floor: null })],
      [
        perAction('a', 'a', a),
        pipe(perAction('b', 'b', b), inAccount('moral')),
        capped ? pipe(perAction('c', 'c', c), capPer('week', MAX)) : perAction('c', 'c', c),
        pipe(fromScore('score', 'score', 'x', factor), inAccount('moral'))
      ]
    )
  )
)

const eventsArb = fc.array(
  fc.record({ type: fc.constantFrom(...TYPES), member: fc.constantFrom('m1', 'm2'), minute: fc.integer({ min: 0, max: 20 * 24 * 60 }), x: fc.double({ min: -1e12, max: 1e12, noNaN: true }) }),
  { maxLength: 40 }
)

const july = (E.getOrElseW(() => undefined)(customPeriod('2021-07-03', '2021-07-12')) as Period)

const check = (book: Ledger): void => {
  for (const s of book.subjects.keys()) {
    for (const acc of ['study', 'moral'] as const) {
      const balance = balanceOfOrThrow(book, s as SubjectId, acc as never)
      const all = statementOrThrow(book, s as SubjectId, allTime(), acc as never)
      const part = statementOrThrow(book, s as SubjectId, july, acc as never)
      expect(Number.isSafeInteger(balance)).toBe(true)
      for (const st of [all, part]) {
        for (const v of [st.opening, st.closing, st.earned, st.deducted]) expect(Number.isSafeInteger(v)).toBe(true)
        for (const d of st.days) expect(Number.isSafeInteger(d.closing)).toBe(true)
      }
      expect(all.closing).toBe(balance)
    }
  }
}

describe('issue #14: ledger sums stay safe', () => {
  it('balances and statement closings are safe integers, and closing === balance', () => {
    fc.assert(
      fc.property(rulesArb, eventsArb, (rs, raw) => {
        const events: Array<ActivityEvent> = raw.map((r, i) => ({
          id: `e${i}` as EventId,
          type: r.type,
          member: r.member as SubjectId,
          at: (BASE + r.minute * 60_000) as Instant,
          attrs: { x: r.x }
        }))
        check(foldLedger(rs)(events))
      })
    )
  })
})
