// The bank as versions of a mutable store: every state handed out keeps reading and behaving
// exactly as it did when it was made, after later operations were applied to it or to its
// successors (a stale state is replayed into a copy); a batch is the fold of single operations;
// JSON round trips anywhere change nothing.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import {
  accountOf,
  allAccounts,
  allClaims,
  allOrders,
  applyOp,
  applyOps,
  bankBalance,
  bankFromJson,
  bankToJson,
  claimOf,
  emptyBank,
  expiryDue,
  orderOf,
  receiptOf,
  spendable,
  stockOf,
  type BankOp,
  type BankState,
  type Receipt
} from '../../src/bank/internal.js'
import type { Problem } from '../../src/core/internal.js'
import { ACCOUNTS, commands, config, ITEMS, materialise, SUBJECTS } from './arbitrary.js'

/** Plain data (what a host could store), to compare states built in different ways. */
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x)) as unknown

/** Everything a host can read of a state, for the request ids given. */
const look = (b: BankState, requests: ReadonlyArray<string>): unknown =>
  plain({
    json: b,
    sizes: [b.accounts.size, b.items.size, b.orders.size, b.claims.size, b.requests.size],
    accounts: allAccounts(b),
    orders: allOrders(b),
    claims: allClaims(b),
    balances: SUBJECTS.flatMap((s) => ACCOUNTS.map((a) => [bankBalance(b, s, a), spendable(b, s, a), accountOf(b, s, a) ?? null])),
    stock: ITEMS.map((i) => stockOf(b, i) ?? null),
    receipts: requests.map((r) => receiptOf(b, r) ?? null),
    each: requests.map((r, i) => [orderOf(b, r) ?? null, claimOf(b, `c-${i}`) ?? null]),
    due: expiryDue(b, 4_000_000_000_000 as never, 'x/')
  })

const results = (rs: ReadonlyArray<E.Either<Problem, Receipt>>): unknown => plain(rs)

/** Apply ops one at a time, as a host does: the final state and each outcome. */
const fold = (bank: BankState, ops: ReadonlyArray<BankOp>): { readonly bank: BankState; readonly results: ReadonlyArray<E.Either<Problem, Receipt>> } => {
  let b = bank
  const rs = ops.map((op) => {
    const r = applyOp(b, op)
    if (E.isLeft(r)) return r
    b = r.right[0]
    return E.right(r.right[1])
  })
  return { bank: b, results: rs }
}

describe('states are versions: old ones read and behave as they did', () => {
  it('states kept along the way read exactly as when made, after later operations on them or on their successors', () => {
    fc.assert(
      fc.property(commands(60), fc.array(fc.tuple(fc.nat(59), fc.nat(9), fc.boolean()), { minLength: 1, maxLength: 6 }), (cmds, cuts) => {
        const ops = materialise(cmds)
        const requests = ops.map((op) => op.request)
        const kept: Array<{ readonly bank: BankState; readonly prefix: ReadonlyArray<BankOp>; readonly seen: unknown }> = [
          { bank: emptyBank(config), prefix: [], seen: look(emptyBank(config), requests) }
        ]
        let from = 0
        for (const [cut, older, batch] of [...cuts].sort(([a], [b]) => a - b)) {
          const to = Math.max(from, Math.min(ops.length, cut))
          // Mostly the latest state, sometimes an older one (a branch off a stale state).
          const base = older < 7 ? (kept[kept.length - 1] as (typeof kept)[number]) : (kept[older % kept.length] as (typeof kept)[number])
          const chunk = ops.slice(from, to)
          const next = batch ? applyOps(base.bank, chunk).bank : fold(base.bank, chunk).bank
          kept.push({ bank: next, prefix: [...base.prefix, ...chunk], seen: look(next, requests) })
          from = to
        }
        // Later operations on the newest state too.
        fold((kept[kept.length - 1] as (typeof kept)[number]).bank, ops.slice(from))
        for (const k of kept) {
          // As it read when made …
          expect(look(k.bank, requests)).toEqual(k.seen)
          // … and as a state built afresh from the same operations reads.
          expect(look(applyOps(emptyBank(config), k.prefix).bank, requests)).toEqual(k.seen)
        }
      }),
      { numRuns: 60 }
    )
  })

  it('applying operations to a stale state equals applying them to a fresh replay of it', () => {
    fc.assert(
      fc.property(commands(40), commands(30), fc.nat(39), fc.boolean(), (xs, ys, cut, batch) => {
        const all = materialise([...xs, ...ys])
        const head = all.slice(0, Math.min(cut, xs.length))
        const tail = all.slice(xs.length)
        const requests = all.map((op) => op.request)
        const mid = applyOps(emptyBank(config), head).bank
        // Move the store on past `mid`: `mid` is now stale.
        applyOps(mid, all.slice(head.length, xs.length))
        const stale = batch ? applyOps(mid, tail) : fold(mid, tail)
        const fresh = applyOps(applyOps(emptyBank(config), head).bank, tail)
        expect(results(stale.results)).toEqual(results(fresh.results))
        expect(look(stale.bank, requests)).toEqual(look(fresh.bank, requests))
        // The stale state itself still reads as the fresh replay of its prefix.
        expect(look(mid, requests)).toEqual(look(applyOps(emptyBank(config), head).bank, requests))
      }),
      { numRuns: 100 }
    )
  })

  it('a refused operation or a retry gives back the very same state; an accepted one a new state', () => {
    fc.assert(
      fc.property(commands(40), (cmds) => {
        let b = emptyBank(config)
        for (const op of materialise(cmds)) {
          const before = b
          const r = applyOp(b, op)
          const again = applyOps(b, [op])
          if (E.isLeft(r)) {
            expect(again.bank).toBe(before)
            continue
          }
          b = r.right[0]
          // A retry of what was just accepted changes nothing.
          expect(applyOp(b, op)).toEqual(E.right([b, r.right[1]]))
          expect(E.isRight(applyOp(b, op)) && (applyOp(b, op) as E.Right<readonly [BankState, Receipt]>).right[0]).toBe(b)
        }
      }),
      { numRuns: 60 }
    )
  })
})

describe('a state as a value', () => {
  it('JSON.stringify writes it (a spread copy too); structuredClone refuses it, bankToJson gives the data to clone', () => {
    const bank = applyOps(emptyBank(config), materialise(fc.sample(commands(30), { seed: 6, numRuns: 1 })[0] ?? [])).bank
    expect(Object.keys(bank)).toEqual(['_tag', 'config', 'toJSON'])
    expect(() => structuredClone(bank)).toThrow()
    const copy = { ...bank }
    expect(JSON.stringify(copy)).toBe(JSON.stringify(bank))
    expect(plain(allAccounts(copy))).toEqual(plain(allAccounts(bank)))
    expect(plain(bankFromJson(structuredClone(bankToJson(bank))))).toEqual(plain(bank))
  })
})

describe('a batch is the fold of single operations', () => {
  it('applyOps(bank, ops) gives the same state (as JSON) and results as applyOp one at a time, from any state', () => {
    fc.assert(
      fc.property(commands(40), commands(40), fc.boolean(), (xs, ys, batchFirst) => {
        const all = materialise([...xs, ...ys])
        const head = all.slice(0, xs.length)
        const tail = all.slice(xs.length)
        const requests = all.map((op) => op.request)
        const mid = applyOps(emptyBank(config), head).bank
        // Whichever runs second starts from a stale `mid`.
        const [batch, single] = batchFirst ? [applyOps(mid, tail), fold(mid, tail)] : ((s) => [applyOps(mid, tail), s])(fold(mid, tail))
        expect(results(batch.results)).toEqual(results(single.results))
        expect(plain(batch.bank)).toEqual(plain(single.bank))
        expect(look(batch.bank, requests)).toEqual(look(single.bank, requests))
      }),
      { numRuns: 100 }
    )
  })
})

describe('JSON round trips', () => {
  it('going through JSON at any points gives the same outcomes and states as never doing so', () => {
    fc.assert(
      fc.property(commands(60), fc.array(fc.nat(2), { minLength: 60, maxLength: 60 }), (cmds, trips) => {
        const ops = materialise(cmds)
        const requests = ops.map((op) => op.request)
        let a = emptyBank(config)
        let b = emptyBank(config)
        ops.forEach((op, i) => {
          // 0: keep the state; 1: JSON text; 2: plain data, cloned, loaded with bankFromJson.
          const trip = trips[i] ?? 0
          if (trip === 1) b = JSON.parse(JSON.stringify(b)) as BankState
          if (trip === 2) b = bankFromJson(structuredClone(bankToJson(b)))
          const ra = applyOp(a, op)
          const rb = applyOp(b, op)
          expect(plain(E.isRight(rb) ? E.right(rb.right[1]) : rb)).toEqual(plain(E.isRight(ra) ? E.right(ra.right[1]) : ra))
          if (E.isRight(ra)) a = ra.right[0]
          if (E.isRight(rb)) b = rb.right[0]
        })
        expect(look(b, requests)).toEqual(look(a, requests))
        expect(JSON.stringify(bankToJson(b))).toBe(JSON.stringify(b))
      }),
      { numRuns: 60 }
    )
  })
})
