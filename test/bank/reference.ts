// A plain, obviously correct model of the bank, as TigerBeetle's auditor keeps one:
// mutable Maps and arrays, no tables, no drafts, no structural sharing, and its own
// date arithmetic (JS Date on a fixed +08:00 offset; the tests use Asia/Shanghai,
// which has had no daylight saving since 1991). Claims reuse the real state machine
// (`stepClaim`), which test/bank/claims.test.ts checks on its own.
import * as E from 'fp-ts/lib/Either.js'
import { stepClaim, submitClaim, type BankOp, type CheckedConfig, type Claim } from '../../src/bank/internal.js'
import type { Zone } from '../../src/core/internal.js'

export interface RefLot {
  entry: string
  at: number
  expires: number | null
  points: number
}
export interface RefEntry {
  id: string
  kind: string
  granted: number
}
export interface RefAccount {
  balance: number
  reserved: number
  lots: Array<RefLot>
  entries: Array<RefEntry>
  taken: Map<string, Array<RefLot>>
  reversedBy: Map<string, string>
}
export interface RefOrder {
  subject: string
  account: string
  item: string
  quantity: number
  amount: number
  status: 'reserved' | 'confirmed' | 'cancelled'
}
export interface RefBank {
  cfg: CheckedConfig
  accounts: Map<string, RefAccount>
  stock: Map<string, number>
  orders: Map<string, RefOrder>
  claims: Map<string, Claim>
  requests: Map<string, { fp: string; ok: boolean }>
}

export const refBank = (cfg: CheckedConfig): RefBank => ({
  cfg,
  accounts: new Map(),
  stock: new Map((cfg.spec.items ?? []).map((i) => [i.id, i.stock])),
  orders: new Map(),
  claims: new Map(),
  requests: new Map()
})

const OFFSET = 8 * 3600 * 1000
/** Start of the local (+08:00) day `months` months after the local day of `t`, the day clamped. */
export const refExpiry = (t: number, months: number): number => {
  const local = new Date(t + OFFSET)
  const y = local.getUTCFullYear()
  const m = local.getUTCMonth() + months
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  return Date.UTC(y, m, Math.min(local.getUTCDate(), lastDay)) - OFFSET
}

const sortKey = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(sortKey) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortKey(x)])) : v

const key = (account: string, subject: string): string => JSON.stringify([account, subject])

const account = (b: RefBank, acc: string, subject: string): RefAccount => {
  let a = b.accounts.get(key(acc, subject))
  if (a === undefined) {
    a = { balance: 0, reserved: 0, lots: [], entries: [], taken: new Map(), reversedBy: new Map() }
    b.accounts.set(key(acc, subject), a)
  }
  return a
}

const total = (lots: Array<RefLot>): number => lots.reduce((n, l) => n + l.points, 0)

/** Remove `n` points from the lots `pick` selects, oldest (earliest `at`, then earliest added) first. */
const take = (a: RefAccount, n: number, pick: (l: RefLot) => boolean): Array<RefLot> => {
  const out: Array<RefLot> = []
  for (const l of a.lots) {
    if (n === 0) break
    if (!pick(l) || l.points === 0) continue
    const k = Math.min(n, l.points)
    out.push({ ...l, points: k })
    l.points -= k
    n -= k
  }
  a.lots = a.lots.filter((l) => l.points > 0)
  return out
}

const addLot = (a: RefAccount, l: RefLot): void => {
  a.lots.push(l)
  a.lots.sort((x, y) => x.at - y.at) // stable: equal instants keep insertion order
}

/** The lots hold max(0, balance): trim the oldest. */
const trim = (a: RefAccount): Array<RefLot> => take(a, Math.max(0, total(a.lots) - Math.max(0, a.balance)), () => true)

const floorOf = (b: RefBank, acc: string): number | null => (b.cfg.accounts[acc] as { floor: number | null }).floor
const canSpend = (b: RefBank, acc: string, a: RefAccount, n: number): boolean => {
  const f = floorOf(b, acc)
  return f === null || a.balance - a.reserved - n >= f
}

/** Apply an operation; returns the problem code on refusal, else 'ok'. */
export const refApply = (b: RefBank, op: BankOp): string => {
  const fp = JSON.stringify(sortKey(op))
  const seen = b.requests.get(op.request)
  if (seen !== undefined) return seen.fp === fp ? 'ok' : 'conflict'
  const r = run(b, op)
  if (r === 'ok') b.requests.set(op.request, { fp, ok: true })
  return r
}

const run = (b: RefBank, op: BankOp): string => {
  const pos = (n: number): boolean => Number.isSafeInteger(n) && n > 0
  switch (op._tag) {
    case 'earn': {
      const pol = b.cfg.accounts[op.account]
      if (pol === undefined) return 'reference'
      if (!pos(op.points)) return 'range'
      const a = account(b, op.account, op.subject)
      a.balance += op.points
      a.entries.push({ id: op.request, kind: 'earn', granted: op.points })
      addLot(a, { entry: op.request, at: op.at, expires: pol.expiryMonths === undefined ? null : refExpiry(op.at, pol.expiryMonths), points: op.points })
      trim(a)
      return 'ok'
    }
    case 'redeem': {
      if (b.cfg.accounts[op.account] === undefined) return 'reference'
      if (!pos(op.points)) return 'range'
      const a = account(b, op.account, op.subject)
      if (!canSpend(b, op.account, a, op.points)) return 'range'
      a.balance -= op.points
      a.entries.push({ id: op.request, kind: 'redeem', granted: -op.points })
      a.taken.set(op.request, trim(a))
      return 'ok'
    }
    case 'reserve': {
      const item = (b.cfg.spec.items ?? []).find((i) => i.id === op.item)
      if (item === undefined) return 'reference'
      if (!pos(op.quantity)) return 'range'
      const stock = b.stock.get(item.id) as number
      if (op.quantity > stock) return 'range'
      const amount = item.price * op.quantity
      const a = account(b, item.account, op.subject)
      if (!canSpend(b, item.account, a, amount)) return 'range'
      b.stock.set(item.id, stock - op.quantity)
      a.reserved += amount
      b.orders.set(op.request, { subject: op.subject, account: item.account, item: item.id, quantity: op.quantity, amount, status: 'reserved' })
      return 'ok'
    }
    case 'confirm':
    case 'cancel': {
      const o = b.orders.get(op.order)
      if (o === undefined) return 'reference'
      if (o.status !== 'reserved') return 'state'
      const a = account(b, o.account, o.subject)
      a.reserved -= o.amount
      if (op._tag === 'cancel') {
        o.status = 'cancelled'
        b.stock.set(o.item, (b.stock.get(o.item) as number) + o.quantity)
      } else {
        o.status = 'confirmed'
        a.balance -= o.amount
        a.entries.push({ id: op.request, kind: 'redeem', granted: -o.amount })
        a.taken.set(op.request, trim(a))
      }
      return 'ok'
    }
    case 'restock': {
      if (!b.stock.has(op.item)) return 'reference'
      if (!pos(op.quantity)) return 'range'
      b.stock.set(op.item, (b.stock.get(op.item) as number) + op.quantity)
      return 'ok'
    }
    case 'expire': {
      const pol = b.cfg.accounts[op.account]
      if (pol === undefined) return 'reference'
      if (pol.expiryMonths === undefined) return 'unsupported'
      const a = account(b, op.account, op.subject)
      const due = (l: RefLot): boolean => l.expires !== null && l.expires <= op.at
      const n = Math.min(total(a.lots.filter(due)), Math.max(0, a.balance - a.reserved))
      if (n > 0) {
        a.taken.set(op.request, take(a, n, due))
        a.balance -= n
        a.entries.push({ id: op.request, kind: 'expire', granted: -n })
      }
      return 'ok'
    }
    case 'reverse': {
      const pol = b.cfg.accounts[op.account]
      if (pol === undefined) return 'reference'
      const a = b.accounts.get(key(op.account, op.subject))
      const orig = a?.entries.find((e) => e.id === op.entry)
      if (a === undefined || orig === undefined) return 'reference'
      if (orig.kind === 'reversal' || a.reversedBy.has(orig.id)) return 'state'
      const g = orig.granted
      if (g > 0 && !canSpend(b, op.account, a, g)) return 'range'
      a.balance -= g
      a.entries.push({ id: op.request, kind: 'reversal', granted: -g })
      a.reversedBy.set(orig.id, op.request)
      if (g > 0) {
        const own = take(a, g, (l) => l.entry === orig.id)
        a.taken.set(op.request, [...own, ...trim(a)])
      } else {
        for (const l of a.taken.get(orig.id) ?? []) addLot(a, { ...l, expires: orig.kind === 'expire' ? null : l.expires })
        const short = Math.max(0, a.balance) - total(a.lots)
        if (short > 0) addLot(a, { entry: op.request, at: op.at, expires: pol.expiryMonths === undefined ? null : refExpiry(op.at, pol.expiryMonths), points: short })
        const t = trim(a)
        if (t.length > 0) a.taken.set(op.request, t)
      }
      return 'ok'
    }
    case 'submit': {
      const p = b.cfg.processes[op.process]
      if (p === undefined) return 'reference'
      if (b.claims.has(op.claim)) return 'duplicate'
      const c = submitClaim(p, { id: op.claim, member: op.member, ...(op.beneficiary === undefined ? {} : { beneficiary: op.beneficiary }) }, op.at)
      if (E.isLeft(c)) return c.left.code
      b.claims.set(op.claim, c.right)
      return 'ok'
    }
    case 'claim': {
      const c = b.claims.get(op.claim)
      if (c === undefined) return 'reference'
      const r = stepClaim(b.cfg.processes[c.process] as NonNullable<CheckedConfig['processes'][string]>, b.cfg.zone as Zone)(c, op.action, op.at)
      if (E.isLeft(r)) return r.left.code
      b.claims.set(op.claim, r.right.claim)
      return 'ok'
    }
    case 'post':
      return 'unsupported-in-reference'
  }
}
