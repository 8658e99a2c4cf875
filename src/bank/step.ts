/**
 * The bank's rules: one operation against a store at its head, in place.
 * Every check comes first and a refused operation writes nothing (it returns
 * its problem); an accepted one is appended to the log. This is the only
 * implementation of the rules: `applyOp`, `applyOps` and the replay of an
 * older version all run it. TigerBeetle's guarantees: entries are immutable
 * (corrections are reversals), request ids are idempotent, balances never
 * fall below their floor, and orders are two-phase (reserve, then confirm or
 * cancel). Here the fields every operation has are checked and the operation
 * handed to its step (step-points.ts, step-shop.ts, step-claims.ts).
 *
 * @module
 * @internal
 */
import { idProblem, isInstant, MAX_ID_LENGTH, text, type Instant, type Problem, type Text } from '../core/internal.js'
import { keysProblem, shapeOf, WHO_MEMBER, WHO_SUBJECT } from './opcheck.js'
import { sameOp, type BankOp } from './ops.js'
import { AN_OPERATION, AT, fail, said, type Later } from './outcome.js'
import { firstOp, logOp, requestOf, reserveLog } from './requests.js'
import { claim, submit } from './step-claims.js'
import { earn, expire, post, redeem, reverse } from './step-points.js'
import { cancel, confirm, reserve, restock } from './step-shop.js'
import type { Store } from './store.js'

const AN_INSTANT = said('an instant (epoch milliseconds)', '时刻（纪元毫秒数）')
const A_READABLE_OPERATION = said('a bank operation whose fields can be read (plain data)', '字段可读取的银行操作（纯数据）')
const UNREADABLE = '(a value whose fields could not be read)'

type Op<K extends BankOp['_tag']> = Extract<BankOp, { readonly _tag: K }>

/** The step for an operation's tag (a switch: a keyed lookup on a table of handlers is slower per operation). */
const handle = (st: Store, tag: BankOp['_tag'], op: BankOp, log: number, request: string, t: Instant, who: string): Problem | Later | undefined => {
  switch (tag) {
    case 'earn':
      return earn(st, op as Op<'earn'>, log, request, t, who)
    case 'post':
      return post(st, op as Op<'post'>, log, request, t, who)
    case 'redeem':
      return redeem(st, op as Op<'redeem'>, log, request, t, who)
    case 'reserve':
      return reserve(st, op as Op<'reserve'>, log, request, t, who)
    case 'confirm':
      return confirm(st, op as Op<'confirm'>, log, request, t, who)
    case 'cancel':
      return cancel(st, op as Op<'cancel'>, log, request, t, who)
    case 'restock':
      return restock(st, op as Op<'restock'>, log, request, t, who)
    case 'expire':
      return expire(st, op as Op<'expire'>, log, request, t, who)
    case 'reverse':
      return reverse(st, op as Op<'reverse'>, log, request, t, who)
    case 'submit':
      return submit(st, op as Op<'submit'>, log, request, t, who)
    case 'claim':
      return claim(st, op as Op<'claim'>, log, request, t, who)
    default:
      return fail('unsupported', AT.tag, AN_OPERATION, tag)
  }
}

/**
 * `idProblem`, without its regular expression for the usual id: one
 * of printable ASCII (no control character can be in it) is always valid;
 * anything else is asked of `idProblem` itself.
 */
const idWhy = (s: unknown): Text | undefined => {
  if (typeof s !== 'string' || s.length === 0 || s.length > MAX_ID_LENGTH) return idProblem(s)
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x20 || c > 0x7e) return idProblem(s)
  }
  return undefined
}

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Apply one operation to a store at its head, in place: the index of its
 * receipt (a log index, or −1 − a base request's index for a retry of one),
 * or the problem, or `LATER` (a problem `lastProblem` builds); on a refusal
 * nothing was written.
 *
 * @category combinators
 */
export const step = (st: Store, op: unknown): number | Problem => {
  if (typeof op !== 'object' || op === null) return fail('type', AT.op, AN_OPERATION, op)
  try {
    // (`Array.isArray` throws on a revoked Proxy.)
    return Array.isArray(op) ? fail('type', AT.op, AN_OPERATION, op) : stepOp(st, op as BankOp)
  } catch {
    // A getter or a Proxy that throws: every check reads before anything is written, so nothing was.
    return fail('type', AT.op, A_READABLE_OPERATION, UNREADABLE)
  }
}

/** The subject (a claim's: the member) of an operation whose shape has one, checked as an id: '' for none, else it or the problem. */
const whoOf = (op: BankOp, who: number): string | Problem => {
  if (who === 0) return ''
  const w = who === WHO_SUBJECT ? (op as { readonly subject?: unknown }).subject : (op as { readonly member?: unknown }).member
  const why = idWhy(w)
  if (why !== undefined) return fail(typeof w === 'string' ? 'format' : 'type', who === WHO_MEMBER ? AT.member : AT.subject, why, w)
  return w as string
}

/** `step` for an object: every field is checked before the first write (see the steps). */
const stepOp = (st: Store, op: BankOp): number | Problem => {
  // The fields every operation has are read once, here, and handed on as checked.
  const request = op.request
  const why = idWhy(request)
  if (why !== undefined) return fail(typeof request === 'string' ? 'format' : 'type', AT.request, why, request)
  const t = op.at
  if (!isInstant(t)) return fail('type', AT.at, AN_INSTANT, t)
  const tag = op._tag
  const shape = shapeOf(tag)
  if (shape === undefined) return fail('unsupported', AT.tag, AN_OPERATION, tag)
  const extra = keysProblem(op, shape)
  if (extra !== undefined) return extra
  const who = whoOf(op, shape.who)
  if (typeof who !== 'string') return who
  const seen = requestOf(st, request)
  const hash = st.reqHash
  if (seen !== undefined) {
    const first = firstOp(st, seen)
    return sameOp(first, op)
      ? seen
      : fail('conflict', AT.request, text(`the same operation as the first use of request ${request} (${first._tag})`, `与请求 ${request} 首次使用时相同的操作（${first._tag}）`), op)
  }
  const log = reserveLog(st)
  const p = handle(st, tag, op, log, request as string, t, who)
  if (p !== undefined) return p
  logOp(st, op, hash)
  return log
}
