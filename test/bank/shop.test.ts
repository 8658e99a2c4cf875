import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { accountOf, applyOp, applyOps, bankBalance, checkBankConfigOrThrow, emptyBank, orderOf, stockOf, type BankOp, type BankState } from '../../src/bank/internal.js'
import { instantOrThrow, renderProblem, type Instant } from '../../src/core/internal.js'
import type { SubjectId } from '../../src/rules/internal.js'

const cfg = checkBankConfigOrThrow({
  accounts: [{ id: 'moral' }],
  items: [
    { id: 'soap', label: { en: 'Soap', zh: '肥皂' }, account: 'moral', price: 5, stock: 3 },
    { id: 'rice', account: 'moral', price: 20, stock: 1 }
  ]
})
const M1 = 'm-1' as SubjectId
const M2 = 'm-2' as SubjectId
const t = instantOrThrow('2021-07-01T09:00:00+08:00')

const ok = (bank: BankState, ...ops: ReadonlyArray<BankOp>): BankState => {
  const { bank: after, results } = applyOps(bank, ops)
  results.forEach((r, i) => {
    if (E.isLeft(r)) throw new Error(`op ${i}: ${renderProblem(r.left)}`)
  })
  return after
}
const why = (bank: BankState, op: BankOp): string => {
  const r = applyOp(bank, op)
  return E.isLeft(r) ? renderProblem(r.left) : 'accepted'
}
const earn = (subject: SubjectId, request: string, points: number): BankOp => ({ _tag: 'earn', request, at: t, subject, account: 'moral', points })
const reserve = (subject: SubjectId, request: string, item: string, quantity: number): BankOp => ({ _tag: 'reserve', request, at: t, subject, item, quantity })
const confirm = (request: string, order: string): BankOp => ({ _tag: 'confirm', request, at: t, order })
const cancel = (request: string, order: string): BankOp => ({ _tag: 'cancel', request, at: t, order })

describe('the redemption shop: two-phase orders', () => {
  const funded = ok(emptyBank(cfg), earn(M1, 'e1', 12), earn(M2, 'e2', 40))

  it('reserve holds points and stock; confirm redeems them; the points are not spendable twice', () => {
    const held = ok(funded, reserve(M1, 'o1', 'soap', 2))
    expect(bankBalance(held, M1, 'moral')).toBe(12)
    expect(accountOf(held, M1, 'moral')?.reserved).toBe(10)
    expect(stockOf(held, 'soap')).toBe(1)
    expect(orderOf(held, 'o1')).toMatchObject({ status: 'reserved', amount: 10, quantity: 2 })
    // Only 2 points are free: a direct redemption of 3 and another order for 1 soap (5) are refused.
    expect(why(held, { _tag: 'redeem', request: 'r1', at: t, subject: M1, account: 'moral', points: 3 })).toBe(
      '$.points: expected at most 2 points (balance 12, reserved 10, floor 0), got 3'
    )
    expect(why(held, reserve(M1, 'o2', 'soap', 1))).toBe('$.quantity: expected at most 2 points (balance 12, reserved 10, floor 0), got 5')
    const done = ok(held, confirm('c1', 'o1'))
    expect(bankBalance(done, M1, 'moral')).toBe(2)
    expect(accountOf(done, M1, 'moral')?.reserved).toBe(0)
    expect(orderOf(done, 'o1')).toMatchObject({ status: 'confirmed', entry: 'c1' })
    expect(accountOf(done, M1, 'moral')?.entries.at(-1)).toMatchObject({ id: 'c1', kind: 'redeem', granted: -10 })
    expect(stockOf(done, 'soap')).toBe(1)
  })

  it('cancel releases both the points and the stock, and posts no entry', () => {
    const held = ok(funded, reserve(M1, 'o1', 'soap', 2))
    const back = ok(held, cancel('x1', 'o1'))
    expect(accountOf(back, M1, 'moral')).toMatchObject({ balance: 12, reserved: 0 })
    expect(accountOf(back, M1, 'moral')?.entries.length).toBe(1)
    expect(stockOf(back, 'soap')).toBe(3)
    expect(orderOf(back, 'o1')?.status).toBe('cancelled')
  })

  it('bad input is a clear error and changes nothing', () => {
    const held = ok(funded, reserve(M1, 'o1', 'soap', 1))
    const cancelled = ok(held, cancel('x1', 'o1'))
    const cases: ReadonlyArray<readonly [BankState, BankOp, string]> = [
      [funded, reserve(M1, 'o9', 'caviar', 1), '$.item: expected an item of the shop, got "caviar"'],
      [funded, reserve(M2, 'o9', 'rice', 2), '$.quantity: expected at most 1 (in stock), got 2'],
      [funded, reserve(M1, 'o9', 'soap', -1), '$.quantity: expected a positive whole number of items, got -1'],
      [funded, reserve(M1, 'o9', 'soap', 0), '$.quantity: expected a positive whole number of items, got 0'],
      [cancelled, confirm('c9', 'o1'), '$.order: expected a reserved order to confirm (order o1 is cancelled), got "cancelled"'],
      [cancelled, cancel('c9', 'o1'), '$.order: expected a reserved order to cancel (order o1 is cancelled), got "cancelled"'],
      [funded, confirm('c9', 'o404'), '$.order: expected the id of an order, got "o404"'],
      [funded, { _tag: 'restock', request: 's9', at: t, item: 'soap', quantity: 0 }, '$.quantity: expected a positive whole number of items, got 0']
    ]
    for (const [bank, op, msg] of cases) {
      expect(why(bank, op)).toBe(msg)
      const { bank: after } = applyOps(bank, [op])
      expect(after.accounts).toBe(bank.accounts)
      expect(after.items).toBe(bank.items)
      expect(after.orders).toBe(bank.orders)
    }
    expect(renderProblem((applyOp(cancelled, confirm('c9', 'o1')) as E.Left<never>).left, 'zh')).toBe(
      '$.order：应为可确认的预留订单（订单 o1 已取消），实际为 "cancelled"'
    )
  })

  it('the last item goes to the first reservation; a cancellation makes it available again; restock adds stock', () => {
    const first = ok(funded, reserve(M2, 'o1', 'rice', 1))
    expect(why(first, earn(M1, 'e3', 20))).toBe('accepted')
    const richer = ok(first, earn(M1, 'e3', 20))
    expect(why(richer, reserve(M1, 'o2', 'rice', 1))).toBe('$.quantity: expected at most 0 (in stock), got 1')
    const freed = ok(richer, cancel('x1', 'o1'), reserve(M1, 'o2', 'rice', 1))
    expect(orderOf(freed, 'o2')?.status).toBe('reserved')
    const restocked = ok(freed, { _tag: 'restock', request: 's1', at: t, item: 'rice', quantity: 4 })
    expect(stockOf(restocked, 'rice')).toBe(4)
  })

  it('retrying a reservation returns the same order and holds nothing twice', () => {
    const once = ok(funded, reserve(M1, 'o1', 'soap', 1))
    const twice = ok(once, reserve(M1, 'o1', 'soap', 1))
    expect(accountOf(twice, M1, 'moral')?.reserved).toBe(5)
    expect(stockOf(twice, 'soap')).toBe(2)
    expect(why(once, { ...reserve(M1, 'o1', 'soap', 2) })).toMatch(/^\$\.request: expected the same operation as the first use of request o1 \(reserve\)/)
    const at2 = { ...confirm('c1', 'o1'), at: (t + 1) as Instant }
    const done = ok(twice, confirm('c1', 'o1'))
    expect(why(done, at2)).toMatch(/^\$\.request: expected the same operation/)
    expect(bankBalance(ok(done, confirm('c1', 'o1')), M1, 'moral')).toBe(7)
  })
})
