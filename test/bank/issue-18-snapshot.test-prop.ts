// Issue 18: a snapshot of the bank (its state as plain data, without history) lets old history be dropped.
// Laws: snapshot → JSON → restore → more operations equals applying every operation to the one bank (for
// operations with new request ids that do not reach into the history the snapshot leaves out: reversals
// of earlier entries, closed orders, finished claims); a snapshot round-trips through JSON and its
// decoder, and a snapshot of the restored bank is the snapshot it came from; bad input gives problems.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { allAccounts, allClaims, allOrders, applyOps, bankSnapshot, decodeBankSnapshot, emptyBank, orderOf, claimOf, restoreBank, stockOf, type BankOp, type BankState } from '../../src/bank/internal.js'
import { at } from '../../src/core/internal.js'
import { commands, config, ITEMS, materialise } from './arbitrary.js'

const view = (bank: BankState) => ({
  accounts: allAccounts(bank).map((a) => ({ subject: a.subject, account: a.account, balance: a.balance, reserved: a.reserved, lots: a.lots })),
  open: allOrders(bank).filter((o) => o.status === 'reserved'),
  claims: allClaims(bank).filter((c) => c.status !== 'approved' && c.status !== 'rejected'),
  stock: ITEMS.map((i) => stockOf(bank, i))
})

// The operations after the cut that read only what a snapshot keeps.
const after = (head: BankState, headOps: ReadonlyArray<BankOp>, tail: ReadonlyArray<BankOp>): ReadonlyArray<BankOp> => {
  const before = new Set(headOps.map((o) => o.request))
  return tail.filter((o) => {
    if (before.has(o.request)) return false
    if (o._tag === 'reverse') return !before.has(o.entry)
    if (o._tag === 'confirm' || o._tag === 'cancel') return !before.has(o.order) || orderOf(head, o.order)?.status === 'reserved'
    if (o._tag === 'claim') {
      const c = claimOf(head, o.claim)
      return c === undefined || (c.status !== 'approved' && c.status !== 'rejected')
    }
    return true
  })
}

describe('bank snapshots (issue 18)', () => {
  it('snapshot, restore, apply more equals applying all; receipts and refusals the same', () => {
    fc.assert(
      fc.property(commands(80), fc.nat(80), (cmds, cutAt) => {
        const ops = materialise(cmds)
        const k = cutAt % (ops.length + 1)
        const headOps = ops.slice(0, k)
        const head = applyOps(emptyBank(config), headOps).bank
        const snap = JSON.parse(JSON.stringify(bankSnapshot(head))) as unknown
        const restored = restoreBank(config, snap)
        expect(E.isRight(restored)).toBe(true)
        if (E.isLeft(restored)) return
        expect(view(restored.right)).toEqual(view(head))
        expect(bankSnapshot(restored.right)).toEqual(snap)
        const more = after(head, headOps, ops.slice(k))
        const all = applyOps(head, more)
        const cont = applyOps(restored.right, more)
        expect(view(cont.bank)).toEqual(view(all.bank))
        expect(cont.results.map((r) => (E.isLeft(r) ? r.left.code : r.right.entries.map((e) => [e.id, e.granted])))).toEqual(
          all.results.map((r) => (E.isLeft(r) ? r.left.code : r.right.entries.map((e) => [e.id, e.granted])))
        )
      }),
      { numRuns: 200 }
    )
  })

  it('a snapshot round-trips through JSON and its decoder; an edited one gives problems with paths, never a throw', () => {
    fc.assert(
      fc.property(commands(40), fc.constantFrom('accounts', 'stock', 'orders', 'claims', 'version', '_tag'), fc.jsonValue({ maxDepth: 2 }), (cmds, field, value) => {
        const bank = applyOps(emptyBank(config), materialise(cmds)).bank
        const snap = bankSnapshot(bank)
        const back = decodeBankSnapshot(JSON.parse(JSON.stringify(snap)))
        expect(back).toEqual(E.right(JSON.parse(JSON.stringify(snap))))
        const edited = { ...(JSON.parse(JSON.stringify(snap)) as Record<string, unknown>), [field]: value }
        const r = restoreBank(config, edited)
        if (E.isLeft(r)) {
          expect(r.left.length).toBeGreaterThan(0)
          for (const p of r.left) expect(p.at._tag).toBe('JsonPath')
        }
      }),
      { numRuns: 150 }
    )
  })

  it('refuses lots that do not add up to the balance, and names unknown accounts', () => {
    const bank = applyOps(emptyBank(config), [{ _tag: 'earn', request: 'e1', at: 1_625_101_200_000 as never, subject: 'm-1', account: 'moral', points: 5 }]).bank
    const snap = JSON.parse(JSON.stringify(bankSnapshot(bank))) as { accounts: Array<Record<string, unknown>> }
    const a = snap.accounts[0] as Record<string, unknown>
    const bad = restoreBank(config, { ...snap, accounts: [{ ...a, balance: 9 }, { ...a, subject: 'm-2', account: 'nope' }] })
    expect(E.isLeft(bad) && bad.left.map((p) => p.code)).toEqual(['conflict'])
    const unknown = restoreBank(config, { ...snap, accounts: [{ ...a, account: 'nope' }] })
    expect(E.isLeft(unknown) && unknown.left.map((p) => [p.code, p.at])).toEqual([['reference', at(['accounts', 0, 'account'])]])
  })
})
