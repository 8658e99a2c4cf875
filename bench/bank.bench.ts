// Issue 6: 100,000 members, 1,000,000 mixed bank operations generated from a seed
// (earns, redemptions, reservations, confirmations, cancellations, restocks, expiries,
// reversals, claims, retries), target ≥ 500,000 operations/s. Peer, side by side: the
// plain reference model of test/bank/reference.ts over the same operations; both must
// end with the same balances, reservations and stock.
import * as E from 'fp-ts/lib/Either.js'
import { allAccounts, applyOp, applyOps, checkBankConfigOrThrow, emptyBank, stockOf, type BankOp, type BankState, type ClaimAction } from 'moral-bank/bank'
import { instantOrThrow, rngFromSeed, uniformInt, type Instant } from 'moral-bank/core'
import type { SubjectId } from 'moral-bank/rules'
import { refApply, refBank, type RefBank } from '../test/bank/reference.js'
import { DEED_CLAIM } from '../test/bank/arbitrary.js'
import { fmtMs, fmtRate, measure, peakRssMiB, report } from './harness.js'

const N = 1_000_000
const MEMBERS = 100_000
const ITEMS = 20
const TARGET = 500_000

export const config = checkBankConfigOrThrow({
  zone: 'Asia/Shanghai',
  accounts: [{ id: 'moral', expiryMonths: 6 }, { id: 'study', floor: null }],
  items: Array.from({ length: ITEMS }, (_, i) => ({ id: `item-${i}`, account: i % 4 === 3 ? 'study' : 'moral', price: 5 + (i % 4) * 5, stock: 5_000 })),
  claims: [DEED_CLAIM]
})

/** Deterministic operations from a seed, over 18 months in time order. */
export const generate = (seed: string, n = N, members = MEMBERS): ReadonlyArray<BankOp> => {
  const rng = rngFromSeed(seed)
  const start = instantOrThrow('2021-01-01T08:00:00+08:00')
  const span = 540 * 86_400_000
  const ids = Array.from({ length: members }, (_, m) => `m-${String(m).padStart(6, '0')}` as SubjectId)
  const ring = <A>(size: number) => {
    const xs: Array<A> = []
    let next = 0
    return {
      push: (x: A) => {
        if (xs.length < size) xs.push(x)
        else xs[next] = x
        next = (next + 1) % size
      },
      pick: (): A | undefined => (xs.length === 0 ? undefined : xs[uniformInt(rng, xs.length)])
    }
  }
  const orders = ring<string>(2_000)
  const entries = ring<{ readonly subject: SubjectId; readonly account: string; readonly id: string }>(2_000)
  const claims = ring<{ readonly id: string; step: number }>(2_000)
  const ops: Array<BankOp> = []
  for (let i = 0; i < n; i++) {
    const at = (start + Math.floor((i * span) / n)) as Instant
    const request = `q${i}`
    const subject = ids[uniformInt(rng, members)] as SubjectId
    const k = uniformInt(rng, 100)
    let op: BankOp
    if (k < 38) {
      const account = k < 30 ? 'moral' : 'study'
      op = { _tag: 'earn', request, at, subject, account, points: 1 + uniformInt(rng, 20) }
      entries.push({ subject, account, id: request })
    } else if (k < 50) {
      op = { _tag: 'redeem', request, at, subject, account: 'moral', points: 1 + uniformInt(rng, 15) }
      entries.push({ subject, account: 'moral', id: request })
    } else if (k < 65) {
      op = { _tag: 'reserve', request, at, subject, item: `item-${uniformInt(rng, ITEMS)}`, quantity: 1 + uniformInt(rng, 2) }
      orders.push(request)
    } else if (k < 75) {
      op = { _tag: 'confirm', request, at, order: orders.pick() ?? 'none' }
    } else if (k < 79) {
      op = { _tag: 'cancel', request, at, order: orders.pick() ?? 'none' }
    } else if (k < 80) {
      op = { _tag: 'restock', request, at, item: `item-${uniformInt(rng, ITEMS)}`, quantity: 50 }
    } else if (k < 86) {
      op = { _tag: 'expire', request, at, subject, account: 'moral' }
    } else if (k < 89) {
      const e = entries.pick()
      op = e === undefined ? { _tag: 'expire', request, at, subject, account: 'moral' } : { _tag: 'reverse', request, at, subject: e.subject, account: e.account, entry: e.id }
    } else if (k < 91) {
      const id = `c${i}`
      op = { _tag: 'submit', request, at, claim: id, process: 'deed', member: subject, beneficiary: 'neighbour' }
      claims.push({ id, step: 0 })
    } else if (k < 95) {
      const c = claims.pick()
      const path: ReadonlyArray<ClaimAction> = [{ _tag: 'approve', stage: 'helped', by: 'neighbour' }, { _tag: 'approve', stage: 'review', by: 'reviewer' }, { _tag: 'settle' }]
      op = c === undefined ? { _tag: 'expire', request, at, subject, account: 'moral' } : { _tag: 'claim', request, at, claim: c.id, action: path[Math.min(c.step++, 2)] as ClaimAction }
    } else {
      // A retry of a recent operation (same id, same content).
      op = ops[Math.max(0, ops.length - 1 - uniformInt(rng, 1_000))] ?? { _tag: 'expire', request, at, subject, account: 'moral' }
    }
    ops.push(op)
  }
  return ops
}

const summary = (bank: BankState): string => {
  const out: Array<string> = []
  for (const a of allAccounts(bank)) if (a.balance !== 0 || a.reserved !== 0) out.push(`${a.account}|${a.subject}|${a.balance}|${a.reserved}`)
  for (let i = 0; i < ITEMS; i++) out.push(`item-${i}|${stockOf(bank, `item-${i}`)}`)
  return out.sort().join('\n')
}

const refSummary = (ref: RefBank): string => {
  const out: Array<string> = []
  for (const [key, a] of ref.accounts) {
    const [account, subject] = JSON.parse(key) as [string, string]
    if (a.balance !== 0 || a.reserved !== 0) out.push(`${account}|${subject}|${a.balance}|${a.reserved}`)
  }
  for (let i = 0; i < ITEMS; i++) out.push(`item-${i}|${ref.stock.get(`item-${i}`)}`)
  return out.sort().join('\n')
}

/**
 * Our timed runs, summarised inside this function so that the bank and its
 * results are gone once it returns (the peer's runs then do not count them in
 * the peak memory).
 */
const runOurs = (ops: ReadonlyArray<BankOp>): { readonly medianMs: number; readonly refused: number; readonly accounts: number; readonly summary: string } => {
  let last: ReturnType<typeof applyOps> | undefined
  // Each timed run is a whole million operations (it warms itself): median of 3, no separate warm-up.
  const m = measure(() => {
    last = undefined // let the previous run's bank go before this one is built
    last = applyOps(emptyBank(config), ops)
  }, 3, 0)
  const done = last as ReturnType<typeof applyOps>
  return { medianMs: m.medianMs, refused: done.results.filter(E.isLeft).length, accounts: done.bank.accounts.size, summary: summary(done.bank) }
}

export const run = (): void => {
  console.log(`\nBank: ${N.toLocaleString('en')} mixed operations over ${MEMBERS.toLocaleString('en')} members (seed bench-bank)`)
  const t0 = process.hrtime.bigint()
  const ops = generate('bench-bank')
  console.log(`  generated in ${fmtMs(Number(process.hrtime.bigint() - t0) / 1e6)}`)

  const ours = runOurs(ops)
  const { refused, accounts } = ours
  const oursSummary = ours.summary
  const rate = N / (ours.medianMs / 1000)
  report({
    bench: 'bank applyOps, 1M mixed ops, 100k members',
    figure: `${fmtRate(rate)} (${fmtMs(ours.medianMs)})`,
    target: `≥ ${fmtRate(TARGET)}`,
    met: rate >= TARGET,
    note: `${refused.toLocaleString('en')} refused with a problem (floor, stock, state), ${accounts.toLocaleString('en')} accounts`
  })

  const oursPeak = peakRssMiB()
  let ref: RefBank | undefined
  const peer = measure(() => {
    ref = undefined
    const r = refBank(config)
    for (const op of ops) refApply(r, op)
    ref = r
  }, 3, 0)
  const peerRate = N / (peer.medianMs / 1000)
  const agree = oursSummary === refSummary(ref as RefBank)
  ref = undefined
  report({
    bench: 'peer: reference model (plain Maps, mutable), same ops',
    figure: `${fmtRate(peerRate)} (${fmtMs(peer.medianMs)}); ours / peer = ${(rate / peerRate).toFixed(2)}×`,
    target: 'same balances, reservations and stock',
    met: agree,
    note: agree ? 'every balance, reservation and stock agrees' : 'MISMATCH between the bank and the reference'
  })

  // The one-operation path (a host applying each request as it comes): 100,000 ops.
  const few = ops.slice(0, 100_000)
  const single = measure(() => {
    let bank = emptyBank(config)
    for (const op of few) {
      const r = applyOp(bank, op)
      if (E.isRight(r)) bank = r.right[0]
    }
  }, 3, 1)
  report({
    bench: 'bank applyOp one at a time (pure, new state per op), first 100k ops',
    figure: fmtRate(few.length / (single.medianMs / 1000)),
    target: 'reported',
    met: undefined
  })
  console.log(`  peak RSS ${peakRssMiB().toFixed(0)} MiB (ours alone, before the peer ran: ${oursPeak.toFixed(0)} MiB)`)
}
