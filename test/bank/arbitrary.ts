// Random bank operation sequences: abstract commands from fast-check, turned into
// concrete operations by a small interpreter that remembers the request ids, orders,
// entries and claims issued so far (so most references are real, some are bogus).
import fc from 'fast-check'
import { checkBankConfigOrThrow, type BankOp, type ClaimAction } from '../../src/bank/internal.js'
import { instantOrThrow, type Instant } from '../../src/core/internal.js'
import type { SubjectId } from '../../src/rules/internal.js'

/** The claim process of the tests and the benchmark: the person helped confirms, a reviewer approves, a 3-day notice. */
export const DEED_CLAIM = {
  id: 'deed',
  eventType: 'deed.approved',
  stages: [
    { kind: 'confirmation', id: 'helped' },
    { kind: 'review', id: 'review' },
    { kind: 'notice', id: 'notice', days: 3 }
  ]
} as const

export const config = checkBankConfigOrThrow({
  zone: 'Asia/Shanghai',
  accounts: [
    { id: 'moral', expiryMonths: 1 },
    { id: 'study', floor: -20 },
    { id: 'free', floor: null, expiryMonths: 2 }
  ],
  items: [
    { id: 'soap', account: 'moral', price: 5, stock: 3 },
    { id: 'rice', account: 'moral', price: 20, stock: 2 },
    { id: 'pen', account: 'study', price: 3, stock: 4 },
    { id: 'tea', account: 'free', price: 7, stock: 2 }
  ],
  claims: [DEED_CLAIM]
})

export const SUBJECTS = ['m-1', 'm-2', 'm-3'] as unknown as ReadonlyArray<SubjectId>
export const ACCOUNTS = ['moral', 'study', 'free', 'ghost']
export const ITEMS = ['soap', 'rice', 'pen', 'tea', 'ghost']
export const START = instantOrThrow('2021-07-01T09:00:00+08:00')

type Cmd =
  | { readonly k: 'earn'; readonly s: number; readonly a: number; readonly n: number }
  | { readonly k: 'redeem'; readonly s: number; readonly a: number; readonly n: number }
  | { readonly k: 'reserve'; readonly s: number; readonly i: number; readonly q: number }
  | { readonly k: 'confirm' | 'cancel'; readonly pick: number }
  | { readonly k: 'restock'; readonly i: number; readonly q: number }
  | { readonly k: 'expire'; readonly s: number; readonly a: number }
  | { readonly k: 'reverse'; readonly pick: number }
  | { readonly k: 'submit'; readonly s: number }
  | { readonly k: 'act'; readonly pick: number; readonly act: number }
  | { readonly k: 'retry' | 'conflict'; readonly pick: number }

const s = fc.nat(SUBJECTS.length - 1)
const a = fc.nat(ACCOUNTS.length - 1)
const pick = fc.nat(1000)
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ k: fc.constant('earn' as const), s, a, n: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('redeem' as const), s, a, n: fc.integer({ min: -2, max: 40 }) }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('reserve' as const), s, i: fc.nat(ITEMS.length - 1), q: fc.oneof(fc.constant(1), fc.integer({ min: -1, max: 3 })) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('confirm' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('cancel' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('restock' as const), i: fc.nat(ITEMS.length - 1), q: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('expire' as const), s, a }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('reverse' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('submit' as const), s }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('act' as const), pick, act: fc.nat(9) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('retry' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('conflict' as const), pick }) }
)

const HOUR = 3600 * 1000
/** The time before a command: mostly hours, sometimes weeks (so a month's expiry comes due). */
const gap = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 6 * HOUR }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 20 * 24 * HOUR }) })
/** Commands with the time gap before each. */
export const commands = (max = 100): fc.Arbitrary<ReadonlyArray<readonly [Cmd, number]>> =>
  fc.array(fc.tuple(cmd, gap), { minLength: Math.min(20, max), maxLength: max })

const ACTIONS = (member: string): ReadonlyArray<ClaimAction> => [
  { _tag: 'approve', stage: 'helped', by: 'grandma-li' },
  { _tag: 'approve', stage: 'review', by: 'reviewer' },
  { _tag: 'approve', stage: 'review', by: member },
  { _tag: 'object', by: 'neighbour', reason: 'not seen' },
  { _tag: 'reject', by: 'reviewer', reasons: ['no evidence'] },
  { _tag: 'settle' }
]

/** Turn commands into operations; `issued` sees every op (the interpreter needs no bank state). */
export const materialise = (cmds: ReadonlyArray<readonly [Cmd, number]>): ReadonlyArray<BankOp> => {
  const ops: Array<BankOp> = []
  const orders: Array<string> = []
  const entries: Array<{ readonly subject: SubjectId; readonly account: string; readonly id: string }> = []
  const claims: Array<{ readonly id: string; readonly member: string }> = []
  const progress = new Map<string, number>()
  let t = START as number
  let n = 0
  for (const [c, gap] of cmds) {
    t += gap
    const at = t as Instant
    const request = `r-${n++}`
    const at_ = (xs: ReadonlyArray<unknown>, i: number): number => i % Math.max(1, xs.length)
    switch (c.k) {
      case 'earn':
      case 'redeem': {
        const subject = SUBJECTS[c.s] as SubjectId
        const account = ACCOUNTS[c.a] as string
        ops.push({ _tag: c.k, request, at, subject, account, points: c.n })
        entries.push({ subject, account, id: request })
        break
      }
      case 'reserve':
        ops.push({ _tag: 'reserve', request, at, subject: SUBJECTS[c.s] as SubjectId, item: ITEMS[c.i] as string, quantity: c.q })
        orders.push(request)
        break
      case 'confirm':
      case 'cancel': {
        // Mostly one of the last few orders (likely still open), sometimes any, sometimes none.
        const recent = orders.slice(-3)
        const order = orders.length === 0 || c.pick % 10 === 9 ? 'no-such-order' : c.pick % 2 === 0 ? (recent[at_(recent, c.pick >> 1)] as string) : (orders[at_(orders, c.pick)] as string)
        ops.push({ _tag: c.k, request, at, order })
        break
      }
      case 'restock':
        ops.push({ _tag: 'restock', request, at, item: ITEMS[c.i] as string, quantity: c.q })
        break
      case 'expire': {
        const subject = SUBJECTS[c.s] as SubjectId
        const account = ACCOUNTS[c.a] as string
        ops.push({ _tag: 'expire', request, at, subject, account })
        entries.push({ subject, account, id: request })
        break
      }
      case 'reverse': {
        const e = entries[at_(entries, c.pick)] ?? { subject: SUBJECTS[0] as SubjectId, account: 'moral', id: 'no-such-entry' }
        ops.push({ _tag: 'reverse', request, at, subject: e.subject, account: e.account, entry: e.id })
        entries.push({ subject: e.subject, account: e.account, id: request })
        break
      }
      case 'submit': {
        const member = SUBJECTS[c.s] as SubjectId
        const id = `c-${claims.length}`
        ops.push({ _tag: 'submit', request, at, claim: id, process: 'deed', member, beneficiary: 'grandma-li', attrs: { points: 5 } })
        claims.push({ id, member })
        break
      }
      case 'act': {
        const cl = claims[at_(claims, c.pick)] ?? { id: 'no-such-claim', member: 'm-1' }
        // Actions 6-9 follow the happy path (helped, review, settle) from where this claim was left.
        const step = progress.get(cl.id) ?? 0
        const action = c.act >= 6 ? (ACTIONS(cl.member)[[0, 1, 5][Math.min(step, 2)] as number] as ClaimAction) : (ACTIONS(cl.member)[c.act] as ClaimAction)
        if (c.act >= 6) progress.set(cl.id, step + 1)
        ops.push({ _tag: 'claim', request, at, claim: cl.id, action })
        break
      }
      case 'retry':
      case 'conflict': {
        const prev = ops[at_(ops, c.pick)]
        if (prev === undefined) break
        // A retry sends the same operation again; a conflict reuses its id with other content.
        ops.push(c.k === 'retry' ? prev : { ...prev, at: (prev.at + 1) as Instant })
        break
      }
    }
    // Confirm and cancel ops also produce entries (confirm) the reverse commands may pick.
    const last = ops[ops.length - 1]
    if (last !== undefined && last._tag === 'confirm' && last.request === request) {
      const o = ops.find((x) => x.request === last.order && x._tag === 'reserve')
      if (o !== undefined && o._tag === 'reserve') {
        const item = (config.spec.items ?? []).find((i) => i.id === o.item)
        if (item !== undefined) entries.push({ subject: o.subject as SubjectId, account: item.account, id: request })
      }
    }
  }
  return ops
}

/** Sequences aimed at expiry: one member, the expiring account, earns, spends, orders, reversals and expiries over months. */
export const expiryCommands = (): fc.Arbitrary<ReadonlyArray<readonly [Cmd, number]>> => {
  const only = fc.constant(0)
  const moral = fc.constant(0)
  const c: fc.Arbitrary<Cmd> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ k: fc.constant('earn' as const), s: only, a: moral, n: fc.integer({ min: 1, max: 30 }) }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant('redeem' as const), s: only, a: moral, n: fc.integer({ min: 1, max: 25 }) }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant('reserve' as const), s: only, i: fc.constant(0), q: fc.constant(1) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('cancel' as const), pick }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('confirm' as const), pick }) },
    { weight: 4, arbitrary: fc.record({ k: fc.constant('expire' as const), s: only, a: moral }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant('reverse' as const), pick }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('restock' as const), i: fc.constant(0), q: fc.constant(2) }) }
  )
  return fc.array(fc.tuple(c, fc.integer({ min: 0, max: 15 * 24 * HOUR })), { minLength: 10, maxLength: 60 })
}
