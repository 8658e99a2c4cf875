// Banks saved before the bank became a columnar store still load: a JSON file written by the
// earlier implementation (test/bank/saved-bank.json, with the operations that made it) reads
// and behaves exactly as a bank built now from the same operations, and writes the same data.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { allAccounts, allClaims, allOrders, applyOps, bankFromJson, bankToJson, emptyBank, receiptOf, type BankJson, type BankOp, type BankState } from '../../src/bank/internal.js'
import { config } from './arbitrary.js'

const saved = JSON.parse(readFileSync(new URL('./saved-bank.json', import.meta.url), 'utf8')) as { readonly ops: ReadonlyArray<BankOp>; readonly bank: BankJson }
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x)) as unknown

const more: ReadonlyArray<BankOp> = saved.ops.map((op, i) => ({ ...op, request: `again-${i}`, at: (op.at + 400 * 86_400_000) as BankOp['at'] }) as BankOp)

describe('a bank saved by the earlier implementation', () => {
  it('loads: it writes the same data and reads the same as a bank built now from the same operations', () => {
    const now = applyOps(emptyBank(config), saved.ops).bank
    for (const old of [saved.bank as unknown as BankState, bankFromJson(saved.bank)]) {
      expect(plain(bankToJson(old))).toEqual(plain(saved.bank))
      expect(plain(bankToJson(old))).toEqual(plain(bankToJson(now)))
      expect(plain(allAccounts(old))).toEqual(plain(allAccounts(now)))
      expect(plain(allOrders(old))).toEqual(plain(allOrders(now)))
      expect(plain(allClaims(old))).toEqual(plain(allClaims(now)))
      for (const op of saved.ops) expect(plain(receiptOf(old, op.request) ?? null)).toEqual(plain(receiptOf(now, op.request) ?? null))
    }
    // The file covers the tricky parts: reversals (one with a reason), lots taken, a cut deduction.
    const accounts = allAccounts(now)
    expect(accounts.some((a) => a.reversals.some((r) => r.reason !== undefined))).toBe(true)
    expect(accounts.some((a) => a.taken.length > 0)).toBe(true)
    expect(accounts.some((a) => a.entries.some((e) => e.cut !== undefined))).toBe(true)
  })

  it('behaves the same: retries, reversals of its entries, and new operations give the same outcomes', () => {
    const now = applyOps(emptyBank(config), saved.ops).bank
    const ops = [...saved.ops, ...more]
    const a = applyOps(now, ops)
    const b = applyOps(saved.bank as unknown as BankState, ops)
    expect(plain(b.results)).toEqual(plain(a.results))
    // Both parts did something: retries of the saved requests, and new operations accepted.
    expect(b.results.slice(0, saved.ops.length).filter(E.isRight).length).toBeGreaterThan(50)
    expect(b.results.slice(saved.ops.length).filter(E.isRight).length).toBeGreaterThan(50)
    expect(plain(bankToJson(b.bank))).toEqual(plain(bankToJson(a.bank)))
  })
})
