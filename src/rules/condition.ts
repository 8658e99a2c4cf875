/**
 * `when` conditions of rules: tests on an event's attributes, its type, and
 * the subject's attributes supplied by the host (role, blacklist flag, ...).
 *
 * @module
 */
import * as t from 'io-ts'
import { guardCodec, refined, strict, text } from '../core/internal.js'
import type { ActivityEvent, AttrValue } from './event.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A comparison operator.
 *
 * @category model
 */
export type Op = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'exists'

/**
 * A condition: on an event attribute (`attr`), on a subject attribute
 * (`member`), or a combination.
 *
 * @category model
 * @example
 * const c: Condition = { all: [{ attr: 'mode', op: 'eq', value: 'daily' }, { member: 'inBlackList', op: 'ne', value: true }] }
 */
export type Condition =
  | { readonly attr: string; readonly op: Op; readonly value?: AttrValue | ReadonlyArray<AttrValue> }
  | { readonly member: string; readonly op: Op; readonly value?: AttrValue | ReadonlyArray<AttrValue> }
  | { readonly all: ReadonlyArray<Condition> }
  | { readonly any: ReadonlyArray<Condition> }
  | { readonly not: Condition }

/**
 * Attributes of a subject known to the host (role, unit, `inBlackList`, ...).
 *
 * @category model
 */
export type SubjectAttrs = Readonly<Record<string, AttrValue>>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A condition on an event attribute.
 *
 * @category constructors
 * @example
 * attrIs('seconds', 'gte', 30) // => { attr: 'seconds', op: 'gte', value: 30 }
 */
export const attrIs = (attr: string, op: Op, value?: AttrValue | ReadonlyArray<AttrValue>): Condition =>
  value === undefined ? { attr, op } : { attr, op, value }

/**
 * A condition on a subject attribute supplied by the host.
 *
 * @category constructors
 * @example
 * memberIs('inBlackList', 'ne', true) // => { member: 'inBlackList', op: 'ne', value: true }
 */
export const memberIs = (member: string, op: Op, value?: AttrValue | ReadonlyArray<AttrValue>): Condition =>
  value === undefined ? { member, op } : { member, op, value }

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

const isScalar = (u: unknown): u is AttrValue => typeof u === 'string' || typeof u === 'boolean' || (typeof u === 'number' && Number.isFinite(u))
const ValueC = refined(
  'Value',
  (u): u is AttrValue | ReadonlyArray<AttrValue> => isScalar(u) || (Array.isArray(u) && u.every(isScalar)),
  text('a number, string or boolean, or an array of them', '数、字符串或布尔值，或它们的数组')
)
const OpC = t.keyof({ eq: null, ne: null, gt: null, gte: null, lt: null, lte: null, in: null, exists: null }, 'eq | ne | gt | gte | lt | lte | in | exists')
const KEYS = ['attr', 'member', 'all', 'any', 'not'] as const

/**
 * The JSON form of a condition: `{"attr","op","value"?}`, `{"member","op","value"?}`,
 * `{"all":[...]}`, `{"any":[...]}` or `{"not":...}`.
 *
 * @category codecs
 * @example
 * E.isRight(decode(ConditionC)({ any: [{ attr: 'mode', op: 'eq', value: 'daily' }, { not: { member: 'inBlackList', op: 'eq', value: true } }] })) // => true
 */
export const ConditionC: t.Type<Condition, unknown, unknown> = /*#__PURE__*/ guardCodec(t.recursion('Condition', () => {
  const cases: Record<string, t.Type<Condition, unknown, unknown>> = {
    attr: strict({ attr: t.string, op: OpC }, { value: ValueC }, 'AttrCondition') as t.Type<Condition, unknown, unknown>,
    member: strict({ member: t.string, op: OpC }, { value: ValueC }, 'MemberCondition') as t.Type<Condition, unknown, unknown>,
    all: strict({ all: t.readonlyArray(ConditionC) }, {}, 'AllCondition') as t.Type<Condition, unknown, unknown>,
    any: strict({ any: t.readonlyArray(ConditionC) }, {}, 'AnyCondition') as t.Type<Condition, unknown, unknown>,
    not: strict({ not: ConditionC }, {}, 'NotCondition') as t.Type<Condition, unknown, unknown>
  }
  const none = refined<never>('Condition', (_u): _u is never => false, text('a condition with one of the keys attr, member, all, any, not', '条件，含 attr、member、all、any、not 之一'))
  const pick = (u: unknown): t.Type<Condition, unknown, unknown> | undefined => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return undefined
    const k = KEYS.find((key) => Object.prototype.hasOwnProperty.call(u, key))
    return k === undefined ? undefined : cases[k]
  }
  return new t.Type<Condition, unknown, unknown>(
    'Condition',
    (u): u is Condition => pick(u)?.is(u) ?? false,
    (u, c) => (pick(u) ?? none).validate(u, c),
    (a) => a
  )
}))

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

const compare = (x: AttrValue | undefined, op: Op, v: AttrValue | ReadonlyArray<AttrValue> | undefined): boolean => {
  if (op === 'exists') return x !== undefined
  if (x === undefined) return op === 'ne'
  if (op === 'in') return Array.isArray(v) && (v as ReadonlyArray<AttrValue>).includes(x)
  if (Array.isArray(v)) return false
  switch (op) {
    case 'eq':
      return x === v
    case 'ne':
      return x !== v
    case 'gt':
      return typeof x === typeof v && (x as number) > (v as number)
    case 'gte':
      return typeof x === typeof v && (x as number) >= (v as number)
    case 'lt':
      return typeof x === typeof v && (x as number) < (v as number)
    case 'lte':
      return typeof x === typeof v && (x as number) <= (v as number)
  }
}

/**
 * Test a condition against an event and its subject's attributes. A missing
 * attribute fails every test but `ne`.
 *
 * @category utilities
 * @example
 * holds(attrIs('mode', 'eq', 'daily'), event, {}) // => true when event.attrs.mode === 'daily'
 */
export const holds = (c: Condition, e: ActivityEvent, subject: SubjectAttrs): boolean => {
  if ('attr' in c) return compare(e.attrs[c.attr], c.op, c.value)
  if ('member' in c) return compare(subject[c.member], c.op, c.value)
  if ('all' in c) return c.all.every((x) => holds(x, e, subject))
  if ('any' in c) return c.any.some((x) => holds(x, e, subject))
  return !holds(c.not, e, subject)
}
