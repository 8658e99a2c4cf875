import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import {
  allAccounts,
  allOrders,
  applyOp,
  applyOps,
  bankFromJson,
  bankToJson,
  emptyBank,
  stockOf,
  type AccountState,
  type BankOp,
  type BankState,
  type Receipt
} from '../../src/bank/internal.js'
import { commands, config, expiryCommands, materialise } from './arbitrary.js'
import { refApply, refBank, type RefBank } from './reference.js'

const floorOf = (acc: string): number | null => (config.accounts[acc] as { floor: number | null }).floor

/** Fold ops one at a time, checking the laws after each and the reference model on every step. */
const audit = (ops: ReadonlyArray<BankOp>): { readonly bank: BankState; readonly ref: RefBank } => {
  let bank = emptyBank(config)
  const ref = refBank(config)
  const receipts = new Map<string, Receipt>()
  const restocked = new Map<string, number>()
  for (const op of ops) {
    const before = bank
    const r = applyOp(bank, op)
    const code = refApply(ref, op)
    // The real bank and the reference agree on every outcome.
    expect(E.isRight(r) ? 'ok' : r.left.code).toBe(code)
    if (E.isLeft(r)) {
      // A refused operation changes nothing (applyOp returns no state; check the batch path too).
      const batch = applyOps(before, [op])
      expect(batch.results[0]).toEqual(r)
      expect(batch.bank.accounts).toBe(before.accounts)
      expect(batch.bank.items).toBe(before.items)
      expect(batch.bank.orders).toBe(before.orders)
      expect(batch.bank.requests).toBe(before.requests)
      continue
    }
    const [after, receipt] = r.right
    const first = receipts.get(op.request)
    if (first !== undefined) {
      // Idempotent: the same request id and content returns the first receipt and changes nothing.
      expect(receipt).toEqual(first)
      expect(after.accounts).toBe(before.accounts)
      expect(after.items).toBe(before.items)
      expect(after.orders).toBe(before.orders)
    } else {
      receipts.set(op.request, receipt)
      if (op._tag === 'restock') restocked.set(op.item, (restocked.get(op.item) ?? 0) + op.quantity)
    }
    if (op._tag === 'reverse' && first === undefined) {
      // A reversal restores the balance exactly: it moves it by minus the reversed entry.
      const acc = (b: BankState) => allAccounts(b).find((a) => a.subject === op.subject && a.account === op.account) as AccountState
      const orig = acc(before).entries.find((e) => e.id === op.entry)
      expect(acc(after).balance).toBe(acc(before).balance - (orig?.granted ?? NaN))
    }
    if (op._tag === 'expire' && receipt.entries.length > 0 && first === undefined) {
      // Expiry takes the oldest points first: no due point left is older than one taken.
      const acc = allAccounts(after).find((a) => a.subject === op.subject && a.account === op.account) as AccountState
      const taken = acc.taken.find((t) => t.entry === op.request)?.lots ?? []
      const newestTaken = Math.max(...taken.map((l) => l.at))
      for (const l of acc.lots) if (l.expires !== null && l.expires <= op.at) expect(l.at).toBeGreaterThanOrEqual(newestTaken)
      for (const l of taken) expect(l.expires === null ? Infinity : l.expires).toBeLessThanOrEqual(op.at)
    }
    bank = after
    laws(bank)
    // Stock is conserved: configured + restocked = on the shelf + set aside + handed over.
    for (const it of config.spec.items ?? []) {
      const out = allOrders(bank).filter((o) => o.item === it.id && o.status !== 'cancelled').reduce((n, o) => n + o.quantity, 0)
      expect((stockOf(bank, it.id) as number) + out).toBe(it.stock + (restocked.get(it.id) ?? 0))
    }
  }
  return { bank, ref }
}

const laws = (bank: BankState): void => {
  const orders = allOrders(bank)
  for (const a of allAccounts(bank)) {
    const floor = floorOf(a.account)
    // No balance ever falls below its floor, counting reserved points as spent.
    if (floor !== null) {
      expect(a.balance - a.reserved).toBeGreaterThanOrEqual(floor)
      expect(a.balance).toBeGreaterThanOrEqual(floor)
    }
    // Reserved points are exactly those of the open orders: never spendable twice.
    const held = orders.filter((o) => o.status === 'reserved' && o.subject === a.subject && o.account === a.account).reduce((n, o) => n + o.amount, 0)
    expect(a.reserved).toBe(held)
    // The balance is the sum of the journal; the lots hold max(0, balance), oldest first.
    expect(a.entries.reduce((n, e) => n + e.granted, 0)).toBe(a.balance)
    expect(a.lots.reduce((n, l) => n + l.points, 0)).toBe(Math.max(0, a.balance))
    for (let i = 1; i < a.lots.length; i++) expect((a.lots[i] as { at: number }).at).toBeGreaterThanOrEqual((a.lots[i - 1] as { at: number }).at)
  }
  // Stock never goes negative.
  for (const it of config.spec.items ?? []) expect(stockOf(bank, it.id)).toBeGreaterThanOrEqual(0)
  // The sum over all accounts equals earned − spent − expired (+ the net of reversals).
  let earned = 0
  let spent = 0
  let expired = 0
  let reversed = 0
  let sum = 0
  for (const a of allAccounts(bank)) {
    sum += a.balance
    for (const e of a.entries) {
      if (e.kind === 'earn') earned += e.granted
      else if (e.kind === 'redeem' || e.kind === 'deduct') spent -= e.granted
      else if (e.kind === 'expire') expired -= e.granted
      else reversed += e.granted
    }
  }
  expect(sum).toBe(earned - spent - expired + reversed)
}

const sameAsReference = (bank: BankState, ref: RefBank): void => {
  const real = allAccounts(bank).map((a) => ({
    key: JSON.stringify([a.account, a.subject]),
    balance: a.balance,
    reserved: a.reserved,
    lots: a.lots.map((l) => [l.entry, l.at, l.expires, l.points]),
    entries: a.entries.map((e) => [e.id, e.kind, e.granted])
  }))
  const model = [...ref.accounts.entries()]
    .filter(([, a]) => real.some((r) => r.key !== '') && a !== undefined)
    .map(([key, a]) => ({ key, balance: a.balance, reserved: a.reserved, lots: a.lots.map((l) => [l.entry, l.at, l.expires, l.points]), entries: a.entries.map((e) => [e.id, e.kind, e.granted]) }))
  const byKey = (x: { key: string }, y: { key: string }) => (x.key < y.key ? -1 : 1)
  // The reference may hold empty accounts touched by refused operations; the real bank never writes on refusal.
  const nonEmpty = (x: { balance: number; reserved: number; entries: ReadonlyArray<unknown> }) => x.balance !== 0 || x.reserved !== 0 || x.entries.length > 0
  expect(real.filter(nonEmpty).sort(byKey)).toEqual(model.filter(nonEmpty).sort(byKey))
  for (const it of config.spec.items ?? []) expect(stockOf(bank, it.id)).toBe(ref.stock.get(it.id))
  expect(allOrders(bank).map((o) => [o.id, o.status, o.amount])).toEqual(
    [...ref.orders.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([id, o]) => [id, o.status, o.amount])
  )
}

describe('bank laws on random operation sequences (checked against a reference model)', () => {
  it('agrees with the reference on every step and every law holds', () => {
    fc.assert(
      fc.property(commands(), (cmds) => {
        const ops = materialise(cmds)
        const { bank, ref } = audit(ops)
        sameAsReference(bank, ref)
      }),
      { numRuns: 300 }
    )
  })

  it('expiry-heavy sequences (one member, months apart): same laws, same as the reference, expiries do happen', () => {
    let expiries = 0
    fc.assert(
      fc.property(expiryCommands(), (cmds) => {
        const { bank, ref } = audit(materialise(cmds))
        sameAsReference(bank, ref)
        for (const a of allAccounts(bank)) expiries += a.entries.filter((e) => e.kind === 'expire').length
      }),
      { numRuns: 300 }
    )
    // The generator must actually exercise expiry (a check on the test itself).
    expect(expiries).toBeGreaterThan(50)
  })

  it('a batch gives the same state and results as one operation at a time', () => {
    fc.assert(
      fc.property(commands(), (cmds) => {
        const ops = materialise(cmds)
        const batch = applyOps(emptyBank(config), ops)
        let bank = emptyBank(config)
        const results = ops.map((op) => {
          const r = applyOp(bank, op)
          if (E.isRight(r)) bank = r.right[0]
          return E.isRight(r) ? E.right(r.right[1]) : r
        })
        expect(batch.results).toEqual(results)
        expect(allAccounts(batch.bank)).toEqual(allAccounts(bank))
        expect(allOrders(batch.bank)).toEqual(allOrders(bank))
      }),
      { numRuns: 100 }
    )
  })

  it('the state is plain data: a JSON round trip gives a bank that behaves the same', () => {
    fc.assert(
      fc.property(commands(40), commands(40), (xs, ys) => {
        const all = materialise([...xs, ...ys])
        const head = all.slice(0, xs.length)
        const tail = all.slice(xs.length)
        const mid = applyOps(emptyBank(config), head).bank
        const revived = JSON.parse(JSON.stringify(mid)) as BankState
        const a = applyOps(mid, tail)
        const b = applyOps(revived, tail)
        expect(JSON.parse(JSON.stringify(b.results))).toEqual(JSON.parse(JSON.stringify(a.results)))
        expect(JSON.parse(JSON.stringify(allAccounts(b.bank)))).toEqual(JSON.parse(JSON.stringify(allAccounts(a.bank))))
      }),
      { numRuns: 100 }
    )
  })

  it('bankToJson is the plain data JSON writes; structuredClone of it and bankFromJson give a bank that behaves the same', () => {
    fc.assert(
      fc.property(commands(40), commands(40), (xs, ys) => {
        const all = materialise([...xs, ...ys])
        const mid = applyOps(emptyBank(config), all.slice(0, xs.length)).bank
        const tail = all.slice(xs.length)
        const data = bankToJson(mid)
        expect(JSON.stringify(data)).toBe(JSON.stringify(mid))
        const restored = bankFromJson(structuredClone(data))
        const a = applyOps(mid, tail)
        const b = applyOps(restored, tail)
        expect(JSON.parse(JSON.stringify(b.results))).toEqual(JSON.parse(JSON.stringify(a.results)))
        expect(JSON.parse(JSON.stringify(allAccounts(b.bank)))).toEqual(JSON.parse(JSON.stringify(allAccounts(a.bank))))
        expect(JSON.parse(JSON.stringify(allOrders(b.bank)))).toEqual(JSON.parse(JSON.stringify(allOrders(a.bank))))
        for (const it of config.spec.items ?? []) expect(stockOf(b.bank, it.id)).toBe(stockOf(a.bank, it.id))
      }),
      { numRuns: 100 }
    )
  })

  it('reserved points are never spendable twice: after any sequence, spending one point more than available is refused', () => {
    fc.assert(
      fc.property(commands(), fc.nat(2), (cmds, si) => {
        const bank = applyOps(emptyBank(config), materialise(cmds)).bank
        const subject = (['m-1', 'm-2', 'm-3'] as const)[si] as BankOp extends { subject: infer S } ? S : never
        for (const account of ['moral', 'study']) {
          const a = allAccounts(bank).find((x) => x.subject === subject && x.account === account)
          const room = (a === undefined ? 0 : a.balance - a.reserved) - (floorOf(account) as number)
          const over = applyOp(bank, { _tag: 'redeem', request: 'probe-over', at: 0 as never, subject, account, points: room + 1 })
          expect(E.isLeft(over) && over.left.code).toBe('range')
          if (room > 0) expect(E.isRight(applyOp(bank, { _tag: 'redeem', request: 'probe-ok', at: 0 as never, subject, account, points: room }))).toBe(true)
        }
      }),
      { numRuns: 100 }
    )
  })
})
