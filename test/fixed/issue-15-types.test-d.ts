// Issue #15: what a user calls with literals compiles without a cast, the quiz's event is an event the
// ledger takes as is, and every failure is a Problem or a list of them (one renderer for all).
import { describe, expectTypeOf, it } from 'vitest'
import type { Problem } from '../../src/core/index.js'
import { ancestors, membersOf, type OrgTree } from '../../src/core/index.js'
import { balanceOf, balanceOfOrThrow, dailyProgress, explainBalance, statement, statementOf, type Ledger } from '../../src/ledger/index.js'
import type { ActivityEvent } from '../../src/rules/index.js'
import { bankBalance, type BankOp, type BankState } from '../../src/bank/index.js'
import type { QuizCompletedEvent, RoundError, Shortfall } from '../../src/quiz/index.js'
import type { Period } from '../../src/core/index.js'

declare const book: Ledger
declare const bank: BankState
declare const org: OrgTree
declare const july: Period

describe('issue #15: literals at the edges', () => {
  it('reads take plain strings for subject, account and unit', () => {
    expectTypeOf(balanceOf(book, 'm-001', 'study')._tag).toEqualTypeOf<'Left' | 'Right'>()
    expectTypeOf(balanceOfOrThrow(book, 'm-001')).toBeNumber()
    expectTypeOf(statement(book, 'm-001', july, 'study')).not.toBeNever()
    expectTypeOf(explainBalance(book, 'm-001')).not.toBeNever()
    expectTypeOf(dailyProgress(book, 'm-001', '2021-07-01').total).toBeNumber()
    expectTypeOf(statementOf([], 'm-001', 'study', july).closing).toBeNumber()
    expectTypeOf(bankBalance(bank, 'm-001', 'moral')).toBeNumber()
    expectTypeOf(ancestors(org, 'group-1')).not.toBeNever()
    expectTypeOf(membersOf(org, 'branch-1')).not.toBeNever()
    expectTypeOf(book.subjects.get('m-001')).not.toBeNever()
    expectTypeOf(org.memberById.get('m-001')).not.toBeNever()
  })
  it('a bank operation names its subject with a plain string (the bank checks it)', () => {
    expectTypeOf({ _tag: 'expire', request: 'x', at: 0 as never, subject: 'm-001', account: 'moral' } as const).toMatchTypeOf<BankOp>()
  })
  it("the quiz's event is an ActivityEvent", () => {
    expectTypeOf<QuizCompletedEvent>().toMatchTypeOf<ActivityEvent>()
  })
  it('every failure is a Problem', () => {
    expectTypeOf<RoundError>().toMatchTypeOf<Problem>()
    expectTypeOf<Shortfall>().toMatchTypeOf<Problem>()
  })
})
