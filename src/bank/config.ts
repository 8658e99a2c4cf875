/**
 * The bank's configuration as JSON: accounts (floor and optional expiry),
 * the shop's items (point price, stock) and the claim processes (their
 * stages). io-ts codecs built with core's `strict`, so an admin sees every
 * mistake at its path; cross-references are checked too.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import {
  DEFAULT_ZONE,
  at,
  decode,
  decodeJson,
  problem,
  refined,
  renderProblems,
  strict,
  text,
  zone as readZone,
  type Decoded,
  type PathSegment,
  type Problem,
  type Text,
  type Zone
} from '../core/internal.js'
import { TextC, dispatch, type CompiledRuleSet } from '../rules/internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * An account the bank keeps: the lowest balance any operation may leave
 * (`floor`, 0 by default, never above 0; `null` = no floor), and optionally
 * points expiring `expiryMonths` calendar months after they were earned.
 *
 * @category model
 * @example
 * const moral: AccountPolicy = { id: 'moral', floor: 0, expiryMonths: 12 }
 */
export interface AccountPolicy {
  readonly id: string
  readonly label?: Text
  readonly floor?: number | null
  readonly expiryMonths?: number
}

/**
 * An item of the redemption shop (爱心超市): price in points of one account, and stock.
 *
 * @category model
 * @example
 * const soap: ShopItem = { id: 'soap', label: { en: 'Soap', zh: '肥皂' }, account: 'moral', price: 5, stock: 40 }
 */
export interface ShopItem {
  readonly id: string
  readonly label?: Text
  readonly account: string
  readonly price: number
  readonly stock: number
}

/**
 * One stage a claim passes: a confirmation by the person helped, a review
 * by a reviewer, or a public notice of `days` days during which anyone may object.
 *
 * @category model
 * @example
 * const notice: ClaimStage = { kind: 'notice', id: 'notice', days: 3 }
 */
export type ClaimStage =
  | { readonly kind: 'confirmation'; readonly id: string; readonly label?: Text }
  | { readonly kind: 'review'; readonly id: string; readonly label?: Text }
  | { readonly kind: 'notice'; readonly id: string; readonly days: number; readonly label?: Text }

/**
 * A kind of claim (a good deed, an essay, an externally reported study
 * score): its stages in order, and the activity event type its approval yields.
 *
 * @category model
 * @example
 * const deed: ClaimProcess = { id: 'deed', eventType: 'deed.approved', stages: [
 *   { kind: 'confirmation', id: 'helped' }, { kind: 'review', id: 'review' }, { kind: 'notice', id: 'notice', days: 3 }] }
 */
export interface ClaimProcess {
  readonly id: string
  readonly label?: Text
  readonly eventType: string
  readonly stages: ReadonlyArray<ClaimStage>
}

/**
 * The whole bank configuration: the zone that defines dates (default Asia/Shanghai).
 *
 * @category model
 * @example
 * const cfg: BankConfig = { accounts: [{ id: 'moral', expiryMonths: 12 }], items: [{ id: 'soap', account: 'moral', price: 5, stock: 40 }] }
 */
export interface BankConfig {
  readonly zone?: string
  readonly accounts: ReadonlyArray<AccountPolicy>
  readonly items?: ReadonlyArray<ShopItem>
  readonly claims?: ReadonlyArray<ClaimProcess>
}

/**
 * A checked configuration with its zone resolved and lookups by id.
 *
 * @category model
 * @example
 * checkBankConfigOrThrow({ accounts: [{ id: 'moral' }] }).accounts['moral'] // => { floor: 0, expiryMonths: undefined }
 */
export interface CheckedConfig {
  readonly spec: BankConfig
  readonly zone: Zone
  readonly accounts: Readonly<Record<string, { readonly floor: number | null; readonly expiryMonths: number | undefined }>>
  readonly processes: Readonly<Record<string, ClaimProcess>>
}

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

const isPositiveInt = (u: unknown): u is number => Number.isSafeInteger(u) && (u as number) > 0
const isNonNegativeInt = (u: unknown): u is number => Number.isSafeInteger(u) && (u as number) >= 0
const PositiveIntC = refined('PositiveInt', isPositiveInt, text('a positive integer', '正整数'))
const NonNegativeIntC = refined('NonNegativeInt', isNonNegativeInt, text('a non-negative integer', '非负整数'))
const FloorC = refined(
  'Floor',
  (u): u is number | null => u === null || (Number.isSafeInteger(u) && (u as number) <= 0),
  text('a floor: a whole number of points ≤ 0, or null', '下限：不大于 0 的整数积分，或 null')
)
const NameC = refined('Name', (u): u is string => typeof u === 'string' && u.length > 0 && u.length <= 200, text('a non-empty name', '非空名称'))

/**
 * An account policy: `{"id","label"?,"floor"?,"expiryMonths"?}`.
 *
 * @category codecs
 * @example
 * E.isRight(decode(AccountPolicyC)({ id: 'moral', expiryMonths: 12 })) // => true
 */
export const AccountPolicyC: t.Type<AccountPolicy, unknown, unknown> = /*#__PURE__*/ strict(
  { id: NameC },
  { label: TextC, floor: FloorC, expiryMonths: PositiveIntC },
  'AccountPolicy'
) as t.Type<AccountPolicy, unknown, unknown>

/**
 * A shop item: `{"id","label"?,"account","price","stock"}` (price > 0, stock ≥ 0).
 *
 * @category codecs
 * @example
 * E.isLeft(decode(ShopItemC)({ id: 'soap', account: 'moral', price: 0, stock: 1 })) // => true (price must be positive)
 */
export const ShopItemC: t.Type<ShopItem, unknown, unknown> = /*#__PURE__*/ strict(
  { id: NameC, account: NameC, price: PositiveIntC, stock: NonNegativeIntC },
  { label: TextC },
  'ShopItem'
) as t.Type<ShopItem, unknown, unknown>

/**
 * A claim stage; the `kind` tag picks the shape, so errors name that shape only.
 *
 * @category codecs
 * @example
 * E.isRight(decode(ClaimStageC)({ kind: 'notice', id: 'notice', days: 3 })) // => true
 */
export const ClaimStageC: t.Type<ClaimStage, unknown, unknown> = /*#__PURE__*/ dispatch(
  'ClaimStage',
  'kind',
  {
    confirmation: strict({ kind: t.literal('confirmation'), id: NameC }, { label: TextC }, 'ConfirmationStage'),
    review: strict({ kind: t.literal('review'), id: NameC }, { label: TextC }, 'ReviewStage'),
    notice: strict({ kind: t.literal('notice'), id: NameC, days: PositiveIntC }, { label: TextC }, 'NoticeStage')
  } as Readonly<Record<string, t.Type<ClaimStage, unknown, unknown>>>,
  text('a stage with kind: confirmation, review or notice', '阶段，kind 为 confirmation、review 或 notice')
)

/**
 * A claim process: `{"id","label"?,"eventType","stages"}`.
 *
 * @category codecs
 * @example
 * E.isRight(decode(ClaimProcessC)({ id: 'deed', eventType: 'deed.approved', stages: [{ kind: 'review', id: 'r' }] })) // => true
 */
export const ClaimProcessC: t.Type<ClaimProcess, unknown, unknown> = /*#__PURE__*/ strict(
  { id: NameC, eventType: NameC, stages: t.readonlyArray(ClaimStageC) },
  { label: TextC },
  'ClaimProcess'
) as t.Type<ClaimProcess, unknown, unknown>

/**
 * The bank configuration's JSON form: `{"zone"?,"accounts","items"?,"claims"?}`.
 *
 * @category codecs
 * @example
 * E.isRight(decode(BankConfigC)({ accounts: [{ id: 'moral' }] })) // => true
 */
export const BankConfigC: t.Type<BankConfig, unknown, unknown> = /*#__PURE__*/ strict(
  { accounts: t.readonlyArray(AccountPolicyC) },
  { zone: t.string, items: t.readonlyArray(ShopItemC), claims: t.readonlyArray(ClaimProcessC) },
  'BankConfig'
) as t.Type<BankConfig, unknown, unknown>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const dup = (path: ReadonlyArray<PathSegment>, what: Text, v: string): Problem =>
  problem('duplicate', at(path), text(`${what.en} not used before`, `未使用过的${what.zh}`), v)

/**
 * Decode and check a bank configuration: the codec's checks, then unique
 * ids, known accounts for items, at least one stage per process and at most
 * one notice (the last stage). Every problem comes back with its path.
 *
 * @category constructors
 * @example
 * const r = checkBankConfig({ accounts: [{ id: 'moral' }], items: [{ id: 'soap', account: 'study', price: 5, stock: 1 }] })
 * E.isLeft(r) && renderProblems(r.left) // => '$.items[0].account: expected one of the accounts moral, got "study"'
 */
export const checkBankConfig = (input: unknown, path: ReadonlyArray<PathSegment> = []): Decoded<CheckedConfig> => {
  const decoded = decode(BankConfigC, path)(input)
  if (E.isLeft(decoded)) return decoded
  const spec = decoded.right
  const problems: Array<Problem> = []
  const p = (...s: ReadonlyArray<PathSegment>): ReadonlyArray<PathSegment> => [...path, ...s]
  let z: Zone = DEFAULT_ZONE
  if (spec.zone !== undefined) {
    const r = readZone(spec.zone, p('zone'))
    if (E.isLeft(r)) problems.push(r.left)
    else z = r.right
  }
  const accounts: Record<string, { floor: number | null; expiryMonths: number | undefined }> = Object.create(null)
  spec.accounts.forEach((a, i) => {
    if (accounts[a.id] !== undefined) problems.push(dup(p('accounts', i, 'id'), text('an account id', '账户标识'), a.id))
    accounts[a.id] = { floor: a.floor === undefined ? 0 : a.floor, expiryMonths: a.expiryMonths }
  })
  const known = Object.keys(accounts).join(', ')
  const itemIds = new Set<string>()
  ;(spec.items ?? []).forEach((it, i) => {
    if (itemIds.has(it.id)) problems.push(dup(p('items', i, 'id'), text('an item id', '商品标识'), it.id))
    itemIds.add(it.id)
    if (accounts[it.account] === undefined) {
      problems.push(problem('reference', at(p('items', i, 'account')), text(`one of the accounts ${known}`, `已声明的账户：${known}`), it.account))
    }
  })
  const processes: Record<string, ClaimProcess> = Object.create(null)
  ;(spec.claims ?? []).forEach((c, i) => {
    if (processes[c.id] !== undefined) problems.push(dup(p('claims', i, 'id'), text('a claim process id', '申报流程标识'), c.id))
    processes[c.id] = c
    if (c.stages.length === 0) problems.push(problem('range', at(p('claims', i, 'stages')), text('at least one stage', '至少一个阶段'), c.stages))
    const stageIds = new Set<string>()
    c.stages.forEach((s, j) => {
      if (stageIds.has(s.id)) problems.push(dup(p('claims', i, 'stages', j, 'id'), text('a stage id', '阶段标识'), s.id))
      stageIds.add(s.id)
      if (s.kind === 'notice' && j !== c.stages.length - 1) {
        problems.push(problem('range', at(p('claims', i, 'stages', j, 'kind')), text('a notice only as the last stage', '公示只能是最后一个阶段'), s.kind))
      }
    })
  })
  if (problems.length > 0) return E.left(problems)
  return E.right({ spec, zone: z, accounts, processes })
}

/**
 * Read a bank configuration from JSON text: a syntax error is a problem at
 * `file:line:column`, then every check of `checkBankConfig`.
 *
 * @category constructors
 * @example
 * E.isRight(decodeJsonBankConfig('{"accounts":[{"id":"moral"}]}')) // => true
 */
export const decodeJsonBankConfig = (json: string, file?: string): Decoded<CheckedConfig> => {
  const r = decodeJson(t.unknown, file)(json)
  return E.isLeft(r) ? r : checkBankConfig(r.right)
}

/**
 * Check a configuration known to be valid; throws with every problem otherwise (for tests and examples).
 *
 * @category constructors
 * @example
 * checkBankConfigOrThrow({ accounts: [{ id: 'moral' }] }).zone // => 'Asia/Shanghai'
 */
export const checkBankConfigOrThrow = (input: unknown): CheckedConfig => {
  const r = checkBankConfig(input)
  if (E.isLeft(r)) throw new TypeError(`invalid bank configuration:\n${renderProblems(r.left)}`)
  return r.right
}

/**
 * A configuration whose accounts and zone are a compiled rule set's (floors
 * as the rules declare them; a positive floor is refused), with expiry per
 * account, shop items and claim processes added.
 *
 * @category constructors
 * @example
 * const cfg = bankConfigFromRules(compileRuleSetOrThrow(dailyStudy()), { expiryMonths: { study: 12 } })
 * cfg.accounts // => [{ id: 'study', floor: 0, expiryMonths: 12, label: … }]
 */
export const bankConfigFromRules = (
  rs: CompiledRuleSet,
  extra: {
    readonly expiryMonths?: Readonly<Record<string, number>>
    readonly items?: ReadonlyArray<ShopItem>
    readonly claims?: ReadonlyArray<ClaimProcess>
  } = {}
): BankConfig => ({
  zone: rs.zone,
  accounts: rs.accounts.map((a): AccountPolicy => {
    const months = extra.expiryMonths?.[a.id]
    const base: AccountPolicy = { id: a.id, floor: a.floor, ...(a.label === undefined ? {} : { label: a.label }) }
    return months === undefined ? base : { ...base, expiryMonths: months }
  }),
  items: extra.items ?? [],
  claims: extra.claims ?? []
})
