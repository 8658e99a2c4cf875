// Issue 6: 100,000 members, 1,000,000 mixed bank operations generated from a seed
// (earns, redemptions, reservations, confirmations, cancellations, restocks, expiries,
// reversals, claims, retries), target ≥ 500,000 operations/s. Peer, side by side: the
// plain reference model of test/bank/reference.ts over the same operations; both must
// end with the same balances, reservations and stock.
import * as E from 'fp-ts/lib/Either.js'
import Database from 'better-sqlite3'
import { allAccounts, applyOp, applyOps, bankSnapshot, checkBankConfigOrThrow, emptyBank, restoreBank, stockOf, type BankOp, type BankState, type ClaimAction } from 'moral-bank/bank'
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
  if (process.argv[3] === 'snapshot') return snapshotMemory()
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
  sqlitePeer(ops)
  snapshotMemory()
}

const heapNow = (): number => {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  gc?.()
  return process.memoryUsage().heapUsed
}

// Issue 18: what the bank holds per operation ever applied (its log keeps each operation, so those count:
// the host cannot let them go), and what a bank restored from its snapshot's JSON holds.
const snapshotMemory = (): void => {
  const base = heapNow()
  let ops: ReadonlyArray<BankOp> | undefined = generate('bench-bank')
  let bank: BankState | undefined = applyOps(emptyBank(config), ops).bank
  ops = undefined
  const full = heapNow() - base
  const fullSummary = summary(bank)
  let t0 = process.hrtime.bigint()
  const snap = bankSnapshot(bank)
  const takeMs = Number(process.hrtime.bigint() - t0) / 1e6
  t0 = process.hrtime.bigint()
  let text: string | undefined = JSON.stringify(snap)
  const chars = text.length
  const stringifyMs = Number(process.hrtime.bigint() - t0) / 1e6
  bank = undefined
  t0 = process.hrtime.bigint()
  const back = restoreBank(config, JSON.parse(text))
  const restoreMs = Number(process.hrtime.bigint() - t0) / 1e6
  text = undefined
  if (E.isLeft(back)) throw new Error('the snapshot did not restore')
  let restored: BankState | undefined = back.right
  const kept = heapNow() - base // before anything reads it (reading accounts builds and keeps their views)
  const same = summary(restored) === fullSummary
  const open = allAccounts(restored).length
  restored = undefined
  report({
    bench: `bank memory after ${N.toLocaleString('en')} operations (the bank and the log it keeps), then restored from its snapshot (bankSnapshot → JSON → restoreBank)`,
    figure: `${(full / N).toFixed(0)} → ${(kept / N).toFixed(0)} bytes per operation applied (${(full / 2 ** 20).toFixed(0)} → ${(kept / 2 ** 20).toFixed(0)} MiB of heap)`,
    target: 'memory follows accounts and open orders, not operations; old value about 475 bytes per operation (issue 18)',
    met: same && kept < full / 2,
    note: `${open.toLocaleString('en')} accounts, ${(kept / open).toFixed(0)} bytes each; snapshot ${(chars / 2 ** 20).toFixed(1)} M characters of JSON: taken ${fmtMs(takeMs)}, written ${fmtMs(stringifyMs)}, parsed, checked and restored ${fmtMs(restoreMs)}; ${same ? 'the restored bank has every balance, reservation and stock' : 'MISMATCH after restoring'}`
  })
}

// Issue 18: a peer a host would use, SQLite through better-sqlite3 (in memory, one transaction per
// operation, prepared statements): earn, redeem, reserve, confirm, cancel and restock with balances,
// floors, reservations, stock, a journal and idempotency by request id. Expiry (lots), reversals and claims
// are not ported, so both sides run the same subset of the generated operations.
const PORTED: ReadonlySet<string> = new Set(['earn', 'redeem', 'reserve', 'confirm', 'cancel', 'restock'])
const sqlitePeer = (all: ReadonlyArray<BankOp>): void => {
  const ops = all.filter((o) => PORTED.has(o._tag))
  const ours = measure(() => applyOps(emptyBank(config), ops), 3, 0)
  const oursBank = applyOps(emptyBank(config), ops).bank
  const items = new Map((config.spec.items ?? []).map((i) => [i.id, i]))
  const floors = new Map(Object.entries(config.accounts).map(([id, p]) => [id, p.floor]))
  let db: Database.Database | undefined
  const sql = measure(() => {
    db?.close()
    db = new Database(':memory:')
    db.pragma('journal_mode = OFF')
    db.exec(`CREATE TABLE requests (id TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TABLE accounts (subject TEXT, account TEXT, balance INTEGER NOT NULL, reserved INTEGER NOT NULL, PRIMARY KEY (subject, account)) WITHOUT ROWID;
      CREATE TABLE journal (id TEXT, subject TEXT, account TEXT, kind TEXT, at INTEGER, granted INTEGER);
      CREATE TABLE items (id TEXT PRIMARY KEY, account TEXT, price INTEGER, stock INTEGER) WITHOUT ROWID;
      CREATE TABLE orders (id TEXT PRIMARY KEY, subject TEXT, account TEXT, item TEXT, quantity INTEGER, amount INTEGER, status TEXT) WITHOUT ROWID;`)
    const d = db
    const insItem = d.prepare('INSERT INTO items VALUES (?, ?, ?, ?)')
    for (const i of items.values()) insItem.run(i.id, i.account, i.price, i.stock)
    const seen = d.prepare('SELECT 1 FROM requests WHERE id = ?').pluck()
    const remember = d.prepare('INSERT INTO requests VALUES (?)')
    const acct = d.prepare('SELECT balance, reserved FROM accounts WHERE subject = ? AND account = ?')
    const upsert = d.prepare('INSERT INTO accounts VALUES (?, ?, ?, ?) ON CONFLICT (subject, account) DO UPDATE SET balance = balance + excluded.balance, reserved = reserved + excluded.reserved')
    const post = d.prepare('INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?)')
    const item = d.prepare('SELECT account, price, stock FROM items WHERE id = ?')
    const stock = d.prepare('UPDATE items SET stock = stock + ? WHERE id = ?')
    const order = d.prepare('SELECT subject, account, item, quantity, amount, status FROM orders WHERE id = ?')
    const newOrder = d.prepare("INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, 'reserved')")
    const close = d.prepare('UPDATE orders SET status = ? WHERE id = ?')
    const spendable = (subject: string, account: string): number => {
      const f = floors.get(account)
      if (f === null) return Infinity
      const a = acct.get(subject, account) as { balance: number; reserved: number } | undefined
      return (a?.balance ?? 0) - (a?.reserved ?? 0) - (f ?? 0)
    }
    const apply = d.transaction((op: BankOp): boolean => {
      if (seen.get(op.request) !== undefined) return true
      switch (op._tag) {
        case 'earn':
          upsert.run(op.subject, op.account, op.points, 0)
          post.run(op.request, op.subject, op.account, 'earn', op.at, op.points)
          break
        case 'redeem':
          if (!(op.points > 0) || op.points > spendable(op.subject, op.account)) return false
          upsert.run(op.subject, op.account, -op.points, 0)
          post.run(op.request, op.subject, op.account, 'redeem', op.at, -op.points)
          break
        case 'reserve': {
          const it = item.get(op.item) as { account: string; price: number; stock: number } | undefined
          if (it === undefined || !(op.quantity > 0) || it.stock < op.quantity) return false
          const amount = it.price * op.quantity
          if (amount > spendable(op.subject, it.account)) return false
          upsert.run(op.subject, it.account, 0, amount)
          stock.run(-op.quantity, op.item)
          newOrder.run(op.request, op.subject, it.account, op.item, op.quantity, amount)
          break
        }
        case 'confirm':
        case 'cancel': {
          const o = order.get(op.order) as { subject: string; account: string; item: string; quantity: number; amount: number; status: string } | undefined
          if (o === undefined || o.status !== 'reserved') return false
          if (op._tag === 'confirm') {
            upsert.run(o.subject, o.account, -o.amount, -o.amount)
            post.run(op.request, o.subject, o.account, 'redeem', op.at, -o.amount)
          } else {
            upsert.run(o.subject, o.account, 0, -o.amount)
            stock.run(o.quantity, o.item)
          }
          close.run(op._tag === 'confirm' ? 'confirmed' : 'cancelled', op.order)
          break
        }
        case 'restock':
          if (!items.has(op.item) || !(op.quantity >= 0)) return false
          stock.run(op.quantity, op.item)
          break
        default:
          return false
      }
      remember.run(op.request)
      return true
    })
    for (const op of ops) apply(op)
  }, 3, 0)
  const d = db as unknown as Database.Database
  const rows = d.prepare('SELECT subject, account, balance, reserved FROM accounts').all() as Array<{ subject: string; account: string; balance: number; reserved: number }>
  const sqlBalances = rows.filter((r) => r.balance !== 0 || r.reserved !== 0).map((r) => `${r.account}|${r.subject}|${r.balance}|${r.reserved}`)
  for (const it of d.prepare('SELECT id, stock FROM items ORDER BY id').all() as Array<{ id: string; stock: number }>) sqlBalances.push(`${it.id}|${it.stock}`)
  d.close()
  const agree = sqlBalances.sort().join('\n') === summary(oursBank)
  const oursRate = ops.length / (ours.medianMs / 1000)
  const sqlRate = ops.length / (sql.medianMs / 1000)
  report({
    bench: `peer: SQLite (better-sqlite3, in memory, one transaction per operation), the ${ops.length.toLocaleString('en')} earn/redeem/reserve/confirm/cancel/restock operations of the same run`,
    figure: `ours ${fmtRate(oursRate)} (${fmtMs(ours.medianMs)}); SQLite ${fmtRate(sqlRate)} (${fmtMs(sql.medianMs)}); ours / SQLite = ${(oursRate / sqlRate).toFixed(1)}×`,
    target: 'same balances, reservations and stock',
    met: agree,
    note: `${agree ? 'every balance, reservation and stock agrees' : 'MISMATCH between the bank and SQLite'}; expiry, reversals and claims are not ported (${(all.length - ops.length).toLocaleString('en')} ops left out); SQLite in memory, no fsync (a file with WAL is slower)`
  })
}
