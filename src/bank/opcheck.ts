/**
 * The shape of an operation, checked before anything is written: the keys
 * each kind may have (as `BankOpC` allows them), the subject each must name,
 * and the nested values (a posted entry, a claim action, a claim's
 * attributes) field by field. What the bank itself judges (balances, stock,
 * references, states) is in step.ts; together they read every field an
 * operation is applied with.
 *
 * @module
 * @internal
 */
import { at, COUNTING_KINDS, idProblem, isInstant, problem, text, type Problem, type Text } from '../core/internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** Which id an operation names as its subject: `subject`, `member` (a claim's submitter), or none. */
export const WHO_NONE = 0
export const WHO_SUBJECT = 1
export const WHO_MEMBER = 2

/** An operation kind's keys and the id it names. */
interface Shape {
  readonly keys: ReadonlySet<string>
  readonly allowed: Text
  readonly who: number
}

const shape = (who: number, ...keys: ReadonlyArray<string>): Shape => {
  const all = ['_tag', 'request', 'at', ...keys]
  const list = all.join(', ')
  return { keys: new Set(all), allowed: Object.freeze(text(`one of the keys ${list}`, `以下键之一：${list}`)), who }
}

const SHAPES: ReadonlyMap<unknown, Shape> = new Map<unknown, Shape>([
  ['earn', shape(WHO_SUBJECT, 'subject', 'account', 'points', 'note')],
  ['post', shape(WHO_NONE, 'entry')],
  ['redeem', shape(WHO_SUBJECT, 'subject', 'account', 'points', 'note')],
  ['reserve', shape(WHO_SUBJECT, 'subject', 'item', 'quantity')],
  ['confirm', shape(WHO_NONE, 'order')],
  ['cancel', shape(WHO_NONE, 'order')],
  ['restock', shape(WHO_NONE, 'item', 'quantity')],
  ['expire', shape(WHO_SUBJECT, 'subject', 'account')],
  ['reverse', shape(WHO_SUBJECT, 'subject', 'account', 'entry', 'reason')],
  ['submit', shape(WHO_MEMBER, 'claim', 'process', 'member', 'beneficiary', 'attrs')],
  ['claim', shape(WHO_NONE, 'claim', 'action')]
])

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

const said = (en: string, zh: string): Text => Object.freeze(text(en, zh))

const A_STRING = said('a string', '字符串')
const A_NAME = said('a non-empty string', '非空字符串')
const AN_OBJECT = said('an object', '对象')
const AN_INSTANT = said('an instant (epoch milliseconds)', '时刻（纪元毫秒数）')
const SAFE_POINTS = said('a safe integer number of points', '安全整数积分')
const A_COUNT = said('a whole number ≥ 0', '非负整数')
const A_KIND = said('a ledger entry of kind earn or deduct', 'earn 或 deduct 类型的台账条目')
const A_CUT = said('a cut with _tag Cap or Floor', '削减，_tag 为 Cap 或 Floor')
const A_SCOPE = said('one of rule, group', '以下之一：rule、group')
const A_PER = said(`one of ${COUNTING_KINDS.join(', ')}`, `以下之一：${COUNTING_KINDS.join('、')}`)
const AN_ACTION = said('an action with _tag approve, reject, object or settle', '操作，_tag 为 approve、reject、object 或 settle')
const REASONS = said('a list of strings', '字符串列表')
const ATTR = said('a string, a finite number or true/false', '字符串、有限数或 true/false')

/** The fields read here, by name (and any other key, read only to report it). */
type Fields = Readonly<Partial<Record<'_tag' | 'floor' | 'scope' | 'per' | 'period' | 'max' | 'group' | 'id' | 'kind' | 'at' | 'cut' | 'by' | 'stage' | 'note' | 'reason' | 'reasons', unknown>>> &
  Readonly<Record<string, unknown>>

const isObject = (u: unknown): u is Fields => typeof u === 'object' && u !== null && !Array.isArray(u)
const isName = (u: unknown): u is string => typeof u === 'string' && u.length > 0

/** The first key of `o` not in `keys` (inherited enumerable keys count: they are read like own ones). */
const extra = (o: object, keys: ReadonlySet<string>): string | undefined => {
  for (const k in o) if (!keys.has(k)) return k
  return undefined
}

const unknownKey = (path: ReadonlyArray<string>, key: string, allowed: Text, value: unknown): Problem => problem('unknown-key', at([...path, key]), allowed, value)

const keysText = (keys: ReadonlyArray<string>): Text => said(`one of the keys ${keys.join(', ')}`, `以下键之一：${keys.join('、')}`)

const ENTRY_KEYS = ['id', 'kind', 'subject', 'account', 'event', 'eventType', 'rule', 'at', 'day', 'requested', 'granted', 'cut']
const ENTRY = { keys: new Set(ENTRY_KEYS), allowed: keysText(ENTRY_KEYS) }
const CAP_KEYS = ['_tag', 'scope', 'per', 'period', 'max', 'group']
const CAP = { keys: new Set(CAP_KEYS), allowed: keysText(CAP_KEYS) }
const FLOOR_KEYS = ['_tag', 'floor']
const FLOOR = { keys: new Set(FLOOR_KEYS), allowed: keysText(FLOOR_KEYS) }
const PERS: ReadonlySet<string> = new Set(COUNTING_KINDS)
const ACTIONS = new Map<unknown, { readonly keys: ReadonlySet<string>; readonly allowed: Text }>(
  (
    [
      ['approve', ['_tag', 'stage', 'by', 'note']],
      ['reject', ['_tag', 'by', 'reasons']],
      ['object', ['_tag', 'by', 'reason']],
      ['settle', ['_tag']]
    ] as const
  ).map(([tag, keys]) => [tag, { keys: new Set<string>(keys), allowed: keysText(keys) }])
)

// -------------------------------------------------------------------------------------
// checks
// -------------------------------------------------------------------------------------

/**
 * The shape of an operation kind (`undefined`: not a kind of operation).
 *
 * @category utilities
 */
export const shapeOf = (tag: unknown): Shape | undefined => SHAPES.get(tag)

/**
 * An operation's first key its kind does not have, as a problem.
 *
 * @category utilities
 */
export const keysProblem = (op: object, s: Shape): Problem | undefined => {
  const k = extra(op, s.keys)
  return k === undefined ? undefined : unknownKey([], k, s.allowed, (op as Record<string, unknown>)[k])
}

/**
 * An optional text field (a note, a reason): absent or a string.
 *
 * @category utilities
 */
export const optionalText = (v: unknown, key: string): Problem | undefined => (v === undefined || typeof v === 'string' ? undefined : problem('type', at([key]), A_STRING, v))

/** A cut of a posted entry (see the rules' `Cut`). */
const cutProblem = (c: unknown): Problem | undefined => {
  if (!isObject(c)) return problem('type', at(['entry', 'cut']), A_CUT, c)
  const tag = c._tag
  const s = tag === 'Cap' ? CAP : tag === 'Floor' ? FLOOR : undefined
  if (s === undefined) return problem('type', at(['entry', 'cut', '_tag']), A_CUT, tag)
  const k = extra(c, s.keys)
  if (k !== undefined) return unknownKey(['entry', 'cut'], k, s.allowed, c[k])
  if (tag === 'Floor') {
    const floor = c.floor
    return Number.isSafeInteger(floor) ? undefined : problem('type', at(['entry', 'cut', 'floor']), SAFE_POINTS, floor)
  }
  const scope = c.scope
  if (scope !== 'rule' && scope !== 'group') return problem('type', at(['entry', 'cut', 'scope']), A_SCOPE, scope)
  const per = c.per
  if (!PERS.has(per as string)) return problem('type', at(['entry', 'cut', 'per']), A_PER, per)
  const period = c.period
  if (!isName(period)) return problem('type', at(['entry', 'cut', 'period']), A_NAME, period)
  const max = c.max
  if (!Number.isSafeInteger(max) || (max as number) < 0) return problem('type', at(['entry', 'cut', 'max']), A_COUNT, max)
  const group = c.group
  return group === undefined || isName(group) ? undefined : problem('type', at(['entry', 'cut', 'group']), A_NAME, group)
}

/**
 * A posted entry's fields, each of its type (as `EntryC` reads them); what
 * the bank judges (the id matches the request, the kind, the sign of the
 * points, the account) is step.ts's.
 *
 * @category utilities
 */
export const entryProblem = (e: unknown): Problem | undefined => {
  if (!isObject(e)) return problem('type', at(['entry']), AN_OBJECT, e)
  const k = extra(e, ENTRY.keys)
  if (k !== undefined) return unknownKey(['entry'], k, ENTRY.allowed, e[k])
  const id = e.id
  if (!isName(id)) return problem('type', at(['entry', 'id']), A_NAME, id)
  const kind = e.kind
  if (kind !== 'earn' && kind !== 'deduct') return problem('range', at(['entry', 'kind']), A_KIND, kind)
  for (const key of ['subject', 'event'] as const) {
    const v = e[key]
    const why = idProblem(v)
    if (why !== undefined) return problem(typeof v === 'string' ? 'format' : 'type', at(['entry', key]), why, v)
  }
  for (const key of ['account', 'eventType', 'rule', 'day'] as const) {
    const v = e[key]
    if (!isName(v)) return problem('type', at(['entry', key]), A_NAME, v)
  }
  const t = e.at
  if (!isInstant(t)) return problem('type', at(['entry', 'at']), AN_INSTANT, t)
  for (const key of ['requested', 'granted'] as const) {
    const v = e[key]
    if (!Number.isSafeInteger(v)) return problem('type', at(['entry', key]), SAFE_POINTS, v)
  }
  const cut = e.cut
  return cut === undefined ? undefined : cutProblem(cut)
}

/**
 * A claim action's fields (as `ClaimActionC` reads them).
 *
 * @category utilities
 */
export const actionProblem = (a: unknown): Problem | undefined => {
  if (!isObject(a)) return problem('type', at(['action']), AN_ACTION, a)
  const tag = a._tag
  const s = ACTIONS.get(tag)
  if (s === undefined) return problem('type', at(['action', '_tag']), AN_ACTION, tag)
  const k = extra(a, s.keys)
  if (k !== undefined) return unknownKey(['action'], k, s.allowed, a[k])
  if (tag === 'settle') return undefined
  const by = a.by
  if (!isName(by)) return problem('type', at(['action', 'by']), A_NAME, by)
  if (tag === 'approve') {
    const stage = a.stage
    if (!isName(stage)) return problem('type', at(['action', 'stage']), A_NAME, stage)
    const note = a.note
    return note === undefined || typeof note === 'string' ? undefined : problem('type', at(['action', 'note']), A_STRING, note)
  }
  if (tag === 'object') {
    const reason = a.reason
    return typeof reason === 'string' ? undefined : problem('type', at(['action', 'reason']), A_STRING, reason)
  }
  const reasons = a.reasons
  if (!Array.isArray(reasons)) return problem('type', at(['action', 'reasons']), REASONS, reasons)
  for (let i = 0; i < reasons.length; i++) {
    const r: unknown = reasons[i]
    if (typeof r !== 'string') return problem('type', at(['action', 'reasons', String(i)]), A_STRING, r)
  }
  return undefined
}

/**
 * A claim's attributes: an object of strings, finite numbers and booleans.
 *
 * @category utilities
 */
export const attrsProblem = (a: unknown): Problem | undefined => {
  if (a === undefined) return undefined
  if (!isObject(a)) return problem('type', at(['attrs']), AN_OBJECT, a)
  for (const k of Object.keys(a)) {
    const v = a[k]
    if (!(typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)))) return problem('type', at(['attrs', k]), ATTR, v)
  }
  return undefined
}
