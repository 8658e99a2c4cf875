import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import {
  accountOf,
  applyOp,
  applyOps,
  bankBalance,
  bankStatement,
  checkBankConfigOrThrow,
  emptyBank,
  expiryDue,
  expiryOf,
  postEntry,
  receiptOf,
  spendable,
  type BankOp,
  type BankState,
  type Receipt
} from '../../src/bank/internal.js'
import { instantOrThrow, periodOf, renderProblem, type Instant, type Zone } from '../../src/core/internal.js'
import { allEntries, foldLedger } from '../../src/ledger/internal.js'
import { account, compileRuleSetOrThrow, deduction, inAccount, perAction, ruleSet, type SubjectId } from '../../src/rules/internal.js'

const cfg = checkBankConfigOrThrow({
  accounts: [{ id: 'moral', expiryMonths: 1 }, { id: 'study', floor: -10 }, { id: 'free', floor: null }]
})
const M1 = 'm-1' as SubjectId
const T = (s: string): Instant => instantOrThrow(s)
const t0 = T('2021-07-01T09:00:00+08:00')

/** Apply operations that must all succeed; returns the state and the receipts. */
const run = (bank: BankState, ops: ReadonlyArray<BankOp>): readonly [BankState, ReadonlyArray<Receipt>] => {
  const receipts: Array<Receipt> = []
  for (const op of ops) {
    const r = applyOp(bank, op)
    if (E.isLeft(r)) throw new Error(`${op.request}: ${renderProblem(r.left)}`)
    bank = r.right[0]
    receipts.push(r.right[1])
  }
  return [bank, receipts]
}
const earn = (request: string, points: number, at: Instant = t0, acc = 'moral'): BankOp => ({ _tag: 'earn', request, at, subject: M1, account: acc, points })
const redeem = (request: string, points: number, at: Instant = t0, acc = 'moral'): BankOp => ({ _tag: 'redeem', request, at, subject: M1, account: acc, points })

describe('redemption and floors', () => {
  it('spends points and refuses, with a clear error, to go below the floor (0 by default)', () => {
    const [bank] = run(emptyBank(cfg), [earn('e1', 12), redeem('r1', 5)])
    expect(bankBalance(bank, M1, 'moral')).toBe(7)
    const r = applyOp(bank, redeem('r2', 8))
    expect(E.isLeft(r) && renderProblem(r.left)).toBe('$.points: expected at most 7 points (balance 7, reserved 0, floor 0), got 8')
    expect(E.isLeft(r) && renderProblem(r.left, 'zh')).toBe('$.points：应为不超过 7 积分（余额 7，已预留 0，下限 0），实际为 8')
  })

  it('a negative floor allows that much overdraft; no floor allows any', () => {
    const [bank] = run(emptyBank(cfg), [redeem('r1', 10, t0, 'study'), redeem('r2', 1000, t0, 'free')])
    expect(bankBalance(bank, M1, 'study')).toBe(-10)
    expect(bankBalance(bank, M1, 'free')).toBe(-1000)
    expect(E.isLeft(applyOp(bank, redeem('r3', 1, t0, 'study')))).toBe(true)
    expect(spendable(bank, M1, 'free')).toBe(Infinity)
  })

  it('refuses zero, negative and fractional amounts and unknown accounts, leaving the state unchanged', () => {
    const [bank] = run(emptyBank(cfg), [earn('e1', 12)])
    for (const [op, msg] of [
      [redeem('x', 0), '$.points: expected a positive whole number of points, got 0'],
      [redeem('x', -3), '$.points: expected a positive whole number of points, got -3'],
      [redeem('x', 1.5), '$.points: expected a positive whole number of points, got 1.5'],
      [redeem('x', 1, t0, 'gold'), '$.account: expected one of the accounts moral, study, free, got "gold"']
    ] as const) {
      const { bank: after, results } = applyOps(bank, [op])
      const r = results[0] as E.Either<{ readonly code: string }, Receipt>
      expect(E.isLeft(r) && renderProblem(r.left as never)).toBe(msg)
      expect(after.accounts).toBe(bank.accounts)
      expect(after.requests).toBe(bank.requests)
    }
  })
})

describe('idempotency by request id', () => {
  it('the same id and content returns the first receipt; other content is a conflict', () => {
    const [bank, [first]] = run(emptyBank(cfg), [earn('e1', 12)])
    const again = applyOp(bank, earn('e1', 12))
    expect(E.isRight(again) && again.right[1]).toBe(first)
    expect(E.isRight(again) && bankBalance(again.right[0], M1, 'moral')).toBe(12)
    const other = applyOp(bank, earn('e1', 13))
    expect(E.isLeft(other) && other.left.code).toBe('conflict')
    expect(E.isLeft(other) && renderProblem(other.left).startsWith('$.request: expected the same operation as the first use of request e1 (earn)')).toBe(true)
    // Key order does not matter: the content is compared canonically.
    const reordered = { points: 12, account: 'moral', subject: M1, at: t0, request: 'e1', _tag: 'earn' } as BankOp
    expect(E.isRight(applyOp(bank, reordered))).toBe(true)
    expect(receiptOf(bank, 'e1')).toBe(first)
  })

  it('a refused operation is not remembered: its id can be used once it can succeed', () => {
    const bank = emptyBank(cfg)
    expect(E.isLeft(applyOp(bank, redeem('r1', 5)))).toBe(true)
    const [after] = run(bank, [earn('e1', 5), redeem('r1', 5)])
    expect(bankBalance(after, M1, 'moral')).toBe(0)
  })

  it('refuses a request id that is not an id', () => {
    const r = applyOp(emptyBank(cfg), earn('', 5))
    expect(E.isLeft(r) && renderProblem(r.left)).toBe('$.request: expected a non-empty id, got ""')
  })
})

describe('reversals keep the audit trail', () => {
  it('reversing a redemption restores the balance exactly and edits nothing', () => {
    const [bank] = run(emptyBank(cfg), [earn('e1', 12), redeem('r1', 5)])
    const [after, [rcpt]] = run(bank, [{ _tag: 'reverse', request: 'v1', at: t0, subject: M1, account: 'moral', entry: 'r1', reason: 'wrong member' }])
    expect(bankBalance(after, M1, 'moral')).toBe(12)
    const a = accountOf(after, M1, 'moral')
    expect(a?.entries.map((e) => [e.id, e.kind, e.granted])).toEqual([
      ['e1', 'earn', 12],
      ['r1', 'redeem', -5],
      ['v1', 'reversal', 5]
    ])
    expect(a?.reversals).toEqual([{ entry: 'v1', of: 'r1', reason: 'wrong member' }])
    // The reversal names the reversed entry's event and rule.
    expect(rcpt?.entries[0]).toMatchObject({ event: 'r1', rule: 'redeem', requested: 5, granted: 5 })
  })

  it('refuses to reverse twice, to reverse a reversal, an unknown entry, or a credit already spent below the floor', () => {
    const [bank] = run(emptyBank(cfg), [earn('e1', 12), redeem('r1', 10), { _tag: 'reverse', request: 'v1', at: t0, subject: M1, account: 'moral', entry: 'r1' }])
    const rev = (request: string, entry: string): BankOp => ({ _tag: 'reverse', request, at: t0, subject: M1, account: 'moral', entry })
    const twice = applyOp(bank, rev('v2', 'r1'))
    expect(E.isLeft(twice) && renderProblem(twice.left)).toBe('$.entry: expected an entry not reversed yet (reversed by v1), got "r1"')
    const ofReversal = applyOp(bank, rev('v3', 'v1'))
    expect(E.isLeft(ofReversal) && renderProblem(ofReversal.left)).toBe('$.entry: expected an entry that is not itself a reversal, got "v1"')
    const unknown = applyOp(bank, rev('v4', 'nope'))
    expect(E.isLeft(unknown) && unknown.left.code).toBe('reference')
    const [spent] = run(bank, [redeem('r2', 5)])
    const below = applyOp(spent, rev('v5', 'e1'))
    expect(E.isLeft(below) && renderProblem(below.left)).toBe('$.entry: expected at most 7 points (balance 7, reserved 0, floor 0), got 12')
  })
})

describe('expiry', () => {
  it('dates: N calendar months later, at the start of that local day, the day clamped to the month', () => {
    const z = 'Asia/Shanghai' as Zone
    expect(expiryOf(T('2021-01-31T10:00:00+08:00'), 1, z)).toBe(T('2021-02-28T00:00:00+08:00'))
    expect(expiryOf(T('2021-11-15T23:30:00+08:00'), 3, z)).toBe(T('2022-02-15T00:00:00+08:00'))
    // 16:30 UTC on 30 June is already 1 July in Shanghai.
    expect(expiryOf(T('2021-06-30T16:30:00Z'), 12, z)).toBe(T('2022-07-01T00:00:00+08:00'))
  })

  it('takes the oldest points first, as explicit expiry entries, never the reserved ones', () => {
    const items = checkBankConfigOrThrow({ accounts: [{ id: 'moral', expiryMonths: 1 }], items: [{ id: 'soap', account: 'moral', price: 4, stock: 9 }] })
    const [bank] = run(emptyBank(items), [
      earn('jul-1', 10, T('2021-07-01T09:00:00+08:00')),
      earn('jul-20', 6, T('2021-07-20T09:00:00+08:00')),
      redeem('spend', 3, T('2021-07-21T09:00:00+08:00')) // from the oldest lot: 7 of jul-1 left
    ])
    expect(accountOf(bank, M1, 'moral')?.lots.map((l) => [l.entry, l.points])).toEqual([['jul-1', 7], ['jul-20', 6]])
    // On 1 August jul-1's 7 points are due; jul-20's are not.
    const [aug] = run(bank, [{ _tag: 'expire', request: 'x1', at: T('2021-08-01T00:00:00+08:00'), subject: M1, account: 'moral' }])
    expect(bankBalance(aug, M1, 'moral')).toBe(6)
    expect(accountOf(aug, M1, 'moral')?.entries.at(-1)).toMatchObject({ id: 'x1', kind: 'expire', granted: -7, day: '2021-08-01' })
    // A second run the same day finds nothing due.
    const [again, [r]] = run(aug, [{ _tag: 'expire', request: 'x2', at: T('2021-08-01T12:00:00+08:00'), subject: M1, account: 'moral' }])
    expect(r?.entries).toEqual([])
    // With 4 points reserved for an order, expiry on 20 August leaves them: 6 - 4 = 2 expire.
    const [held] = run(again, [{ _tag: 'reserve', request: 'o1', at: T('2021-08-10T09:00:00+08:00'), subject: M1, item: 'soap', quantity: 1 }])
    const [late] = run(held, [{ _tag: 'expire', request: 'x3', at: T('2021-08-20T00:00:00+08:00'), subject: M1, account: 'moral' }])
    expect(bankBalance(late, M1, 'moral')).toBe(4)
    expect(accountOf(late, M1, 'moral')?.reserved).toBe(4)
    expect(E.isRight(applyOp(late, { _tag: 'confirm', request: 'c1', at: T('2021-08-21T09:00:00+08:00'), order: 'o1' }))).toBe(true)
  })

  it('refuses expiry on an account without it, and lists the operations due', () => {
    const [bank] = run(emptyBank(cfg), [earn('e1', 5, T('2021-07-01T09:00:00+08:00')), earn('e2', 5, T('2021-07-01T09:00:00+08:00'), 'study')])
    const r = applyOp(bank, { _tag: 'expire', request: 'x', at: t0, subject: M1, account: 'study' })
    expect(E.isLeft(r) && r.left.code).toBe('unsupported')
    expect(expiryDue(bank, T('2021-07-31T23:59:59+08:00'), 'x/')).toEqual([])
    const due = expiryDue(bank, T('2021-08-01T00:00:00+08:00'), 'x/')
    expect(due.map((o) => o.request)).toEqual(['x/moral/m-1'])
    expect(bankBalance(applyOps(bank, due).bank, M1, 'moral')).toBe(0)
  })
})

describe('posting ledger entries, and the passbook', () => {
  it('posts earn and deduct entries from a ledger fold; deductions are cut at the floor', () => {
    const rs = compileRuleSetOrThrow(
      ruleSet([account('moral')], [inAccount('moral')(perAction('deed', 'deed.approved', 5)), inAccount('moral')(deduction('litter', 'litter', 3))])
    )
    const at = (h: number): Instant => (t0 + h * 3_600_000) as Instant
    const book = foldLedger(rs)([
      { id: 'ev-1' as never, type: 'deed.approved', member: M1, at: at(0), attrs: {} },
      { id: 'ev-2' as never, type: 'litter', member: M1, at: at(2), attrs: {} }
    ])
    const cfg2 = checkBankConfigOrThrow({ accounts: [{ id: 'moral' }] })
    const entries = allEntries(book)
    // Spend 4 between the two ledger entries: the deduction of 3 then finds only 1 above the floor.
    const [bank] = run(emptyBank(cfg2), [postEntry(entries[0] as never), { _tag: 'redeem', request: 'r1', at: at(1), subject: M1, account: 'moral', points: 4 }, postEntry(entries[1] as never)])
    expect(bankBalance(bank, M1, 'moral')).toBe(0)
    expect(accountOf(bank, M1, 'moral')?.entries.at(-1)).toMatchObject({ id: 'ev-2#litter', kind: 'deduct', requested: -3, granted: -1, cut: { _tag: 'Floor', floor: 0 } })
    const july = periodOf('month', t0)
    const st = bankStatement(bank, M1, 'moral', july)
    expect([st.earned, st.redeemed, st.deducted, st.closing]).toEqual([5, 4, 1, 0])
    const wrong = applyOp(bank, { ...postEntry(entries[0] as never), request: 'other' })
    expect(E.isLeft(wrong) && wrong.left.code).toBe('range')
  })
})

describe('prototype safety', () => {
  it('ids such as __proto__ and constructor are ordinary keys', () => {
    const c = checkBankConfigOrThrow({ accounts: [{ id: 'moral' }], items: [{ id: '__proto__', account: 'moral', price: 1, stock: 2 }] })
    const { bank, results } = applyOps(emptyBank(c), [
      { _tag: 'earn', request: '__proto__', at: t0, subject: '__proto__' as SubjectId, account: 'moral', points: 3 },
      { _tag: 'reserve', request: 'constructor', at: t0, subject: '__proto__' as SubjectId, item: '__proto__', quantity: 1 }
    ])
    expect(results.every(E.isRight)).toBe(true)
    expect(bankBalance(bank, '__proto__' as SubjectId, 'moral')).toBe(3)
    expect(receiptOf(bank, '__proto__')?.op).toBe('earn')
    expect(receiptOf(bank, 'toString')).toBe(undefined)
    const revived = JSON.parse(JSON.stringify(bank)) as BankState
    expect(receiptOf(revived, '__proto__')?.op).toBe('earn')
    expect(({} as Record<string, unknown>)['op']).toBe(undefined)
    const again = applyOp(revived, { _tag: 'confirm', request: 'c1', at: t0, order: 'constructor' })
    expect(E.isRight(again) && bankBalance(again.right[0], '__proto__' as SubjectId, 'moral')).toBe(2)
  })
})

describe('operations from untyped input', () => {
  it('refuses an unknown operation, a bad instant and a bad subject id with a problem', () => {
    const bank = emptyBank(cfg)
    const r1 = applyOp(bank, { _tag: 'constructor', request: 'q1', at: t0 } as unknown as BankOp)
    expect(E.isLeft(r1) && renderProblem(r1.left)).toBe('$._tag: expected a bank operation, got "constructor"')
    const r2 = applyOp(bank, { ...earn('q2', 1), at: Number.NaN as Instant })
    expect(E.isLeft(r2) && renderProblem(r2.left)).toBe('$.at: expected an instant (epoch milliseconds), got NaN')
    const r3 = applyOp(bank, { ...earn('q3', 1), subject: '' as SubjectId } as BankOp)
    expect(E.isLeft(r3) && renderProblem(r3.left)).toBe('$.subject: expected a non-empty id, got ""')
  })
})
