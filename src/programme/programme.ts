/**
 * The administrator's programme file: one versioned JSON document holding
 * the point rules, the Moral Bank (accounts' expiry, the shop, claim
 * processes) and the awards with the boards they read, under one time zone.
 * Decoding checks every part with its own decoder (each problem under the
 * part's path) and then what ties the parts together: accounts named by the
 * bank and the awards exist in the rules, claims yield events some rule
 * scores, and one zone for all (a part may repeat it, never name another).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import {
  at,
  decode,
  decodeJson,
  decodeOrg,
  listText,
  problem,
  refined,
  renderProblems,
  strict,
  text,
  TextC,
  withPrefix,
  zone as readZone,
  DEFAULT_ZONE,
  type Decoded,
  type OrgTree,
  type Problem,
  type Text,
  type Zone
} from '../core/internal.js'
import { compileRuleSet, type CompiledRuleSet } from '../rules/internal.js'
import { checkBankConfig, type CheckedConfig } from '../bank/internal.js'
import { decodeAwardProgramme, type AwardProgramme } from '../awards/internal.js'
import { decodePublished, type CompositeSpec, type HostTableSpec, type PublishedBoardSpec, type RollSpec } from './publish.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A programme as JSON: `version` 1, an optional title and zone (IANA,
 * `Asia/Shanghai` when absent), the point rules (a rule set), and optionally
 * the bank (every account of the rules is a bank account; `bank.accounts`
 * adds expiry to some) and the awards (an awards programme). A part may
 * repeat the programme's zone, as presets do, but not name another.
 *
 * @category model
 * @example
 * const spec: ProgrammeSpec = { version: 1, zone: 'Asia/Shanghai', rules: dailyStudy() }
 */
export interface ProgrammeSpec {
  readonly version: 1 | 2
  readonly title?: Text
  readonly zone?: string
  readonly rules: unknown
  readonly bank?: unknown
  readonly awards?: unknown
  /** Version 2: the organisation inline (or give it to the run; see `runProgramme`). */
  readonly org?: unknown
  /** Version 2: the host tables the run expects, `[{ "id": "skills", "label": {…}, "of": "members" }]`. */
  readonly host?: unknown
  /** Version 2: the boards published, each with its red/black lists. */
  readonly boards?: unknown
  /** Version 2: the composite comparisons (三比) published. */
  readonly composites?: unknown
  /** Version 2: the honor roll's title and notice window. */
  readonly roll?: unknown
}

/**
 * A decoded programme: every part compiled and checked, ready to use.
 *
 * @category model
 * @example
 * const p: Programme = decodeProgrammeOrThrow(json)
 * foldLedger(p.rules)(events); p.bank && emptyBank(p.bank); p.awards && runAwards(p.awards)(inputs)
 */
export interface Programme {
  readonly _tag: 'Programme'
  /** The file's version: 1 publishes no boards, lists or composites of its own (its awards still run). */
  readonly version: 1 | 2
  readonly title?: Text
  readonly zone: Zone
  readonly rules: CompiledRuleSet
  readonly bank: CheckedConfig | undefined
  readonly awards: AwardProgramme | undefined
  /** The organisation given inline, if any. */
  readonly org?: OrgTree
  readonly host: ReadonlyArray<HostTableSpec>
  readonly boards: ReadonlyArray<PublishedBoardSpec>
  readonly composites: ReadonlyArray<CompositeSpec>
  readonly roll?: RollSpec
}

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * The programme's envelope (its parts are decoded by their own decoders afterwards).
 *
 * @category codecs
 * @example
 * E.isLeft(decode(ProgrammeShapeC)({ version: 2, rules: {} })) // => true
 */
export const ProgrammeShapeC = /*#__PURE__*/ strict(
  { version: refined('Version', (u): u is 1 | 2 => u === 1 || u === 2, text('version 1 or 2 (2 publishes boards, lists, composites and the roll)', '版本 1 或 2（版本 2 可发布榜单、红黑榜、综合比较与光荣榜）')), rules: t.UnknownRecord },
  { title: TextC, zone: t.string, bank: t.UnknownRecord, awards: t.UnknownRecord, org: t.unknown, host: t.unknown, boards: t.unknown, composites: t.unknown, roll: t.unknown },
  'Programme'
)

const V2_ONLY = ['org', 'host', 'boards', 'composites', 'roll'] as const

// -------------------------------------------------------------------------------------
// checks across parts
// -------------------------------------------------------------------------------------

// A part may repeat the programme's zone (presets carry one), never name another; names compare canonical.
const sameZoneAs = (x: unknown): unknown => {
  const r = readZone(x)
  return E.isRight(r) ? r.right : x
}
const ownZone = (part: string, u: Readonly<Record<string, unknown>>, z: string): ReadonlyArray<Problem> =>
  'zone' in u && sameZoneAs(u['zone']) !== z
    ? [problem('conflict', at([part, 'zone']), text(`the programme's zone ${z} ($.zone applies to every part), or no zone here`, `方案的时区 ${z}（$.zone 适用于所有部分），或此处不设`), u['zone'])]
    : []

const anAccount = (accounts: ReadonlyArray<string>): Text => {
  const list = listText(accounts, 10, accounts.length)
  return text(`an account of the rules: ${list.en}`, `规则中的账户：${list.zh}`)
}

// The awards read the rules' accounts (with their labels, for reasons): an account the awards list
// themselves (presets list theirs) must be one of the rules'; any figure, board or badge over another
// is then a problem of the awards' own decoder, at its path.
const awardsWithAccounts = (awards: Readonly<Record<string, unknown>>, rules: CompiledRuleSet, out: Array<Problem>): Readonly<Record<string, unknown>> => {
  const ids = rules.accounts.map((x) => x.id as string)
  const listed = awards['accounts']
  // The list is replaced by the rules' accounts below, so its shape is checked here, not by the awards' decoder.
  if (listed !== undefined && !Array.isArray(listed)) out.push(problem('type', at(['awards', 'accounts']), text('a list of accounts of the rules, each { "id", "label"? }', '规则中账户的列表，每项为 { "id", "label"? }'), listed))
  if (Array.isArray(listed)) {
    listed.forEach((x: unknown, i) => {
      const o = typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined
      const id = o?.['id']
      if (typeof id !== 'string') out.push(problem('type', at(['awards', 'accounts', i, ...(o === undefined ? [] : ['id'])]), anAccount(ids), o === undefined ? x : id))
      else if (!ids.includes(id)) out.push(problem('reference', at(['awards', 'accounts', i, 'id']), anAccount(ids), id))
      if (o === undefined) return
      for (const k of Object.keys(o)) if (k !== 'id' && k !== 'label') out.push(problem('unknown-key', at(['awards', 'accounts', i, k]), text('only "id" and "label"', '只能有 "id" 与 "label"'), k))
      if (o['label'] !== undefined) {
        const l = decode(TextC, ['awards', 'accounts', i, 'label'])(o['label'])
        if (E.isLeft(l)) out.push(...l.left)
      }
    })
  }
  return { ...awards, accounts: rules.accounts.map((x) => ({ id: x.id as string, ...(x.label === undefined ? {} : { label: x.label }) })) }
}

// Version 2 declares the host tables once, in $.host: the awards read those (with their labels) unless they
// list their own, each of which must then be declared there.
const awardsWithHost = (awards: Readonly<Record<string, unknown>>, host: ReadonlyArray<HostTableSpec>, out: Array<Problem>): Readonly<Record<string, unknown>> => {
  const listed = awards['hostMetrics']
  const declared = host.filter((h) => h.of === 'members')
  if (listed === undefined) return declared.length === 0 ? awards : { ...awards, hostMetrics: declared.map((h) => ({ id: h.id, label: h.label })) }
  if (Array.isArray(listed)) {
    const ids = declared.map((h) => h.id)
    listed.forEach((x: unknown, i) => {
      const id = typeof x === 'string' ? x : typeof x === 'object' && x !== null ? (x as Record<string, unknown>)['id'] : undefined
      if (typeof id === 'string' && !ids.includes(id)) {
        const l = listText(ids, 10, ids.length)
        out.push(problem('reference', at(['awards', 'hostMetrics', i]), text(`a host table per member declared in $.host: ${l.en || '(none)'}`, `$.host 中声明的按成员宿主数据表：${l.zh || '（无）'}`), id))
      }
    })
  }
  return awards
}

/** An account of the rules as the bank needs it: its id and floor. */
interface RuleAccount {
  readonly id: string
  readonly floor: number | null
}

// The rules' accounts: compiled, or, when the rules have problems, those of their JSON that are well formed
// (so the bank's own problems are still found and reported beside the rules').
const ruleAccounts = (rules: Decoded<CompiledRuleSet>, raw: Readonly<Record<string, unknown>>): ReadonlyArray<RuleAccount> => {
  if (E.isRight(rules)) return rules.right.accounts.map((a) => ({ id: a.id, floor: a.floor }))
  const xs = raw['accounts']
  if (!Array.isArray(xs)) return []
  return xs.flatMap((a: unknown): ReadonlyArray<RuleAccount> => {
    if (typeof a !== 'object' || a === null || typeof (a as Record<string, unknown>)['id'] !== 'string') return []
    const o = a as Record<string, unknown>
    const f = o['floor']
    return [{ id: o['id'] as string, floor: f === null ? null : Number.isSafeInteger(f) ? (f as number) : 0 }]
  })
}

// The bank's configuration with the programme's zone and every account of the rules: those the bank lists
// come first, in its order (so problems found in them keep the bank's own paths), with the floor of the
// rules where they give none; the rules' other accounts follow with their floors and no expiry.
const bankInput = (bank: Readonly<Record<string, unknown>>, rules: ReadonlyArray<RuleAccount>, z: string, out: Array<Problem>): Readonly<Record<string, unknown>> => {
  const ids = rules.map((a) => a.id)
  const floorOf = new Map<string, number | null>(rules.map((a) => [a.id, a.floor]))
  // Absent means every account of the rules; anything else that is not a list (null too) is the
  // bank's decoder's to refuse at $.bank.accounts, never read as absent.
  const given = bank['accounts'] === undefined ? [] : bank['accounts']
  if (!Array.isArray(given)) return { ...bank, zone: z }
  const listed = new Set<string>()
  const accounts = given.map((a: unknown, i) => {
    const o = typeof a === 'object' && a !== null ? (a as Record<string, unknown>) : undefined
    const id = o?.['id']
    if (o === undefined || typeof id !== 'string') return a
    listed.add(id)
    if (!floorOf.has(id)) {
      out.push(problem('reference', at(['bank', 'accounts', i, 'id']), anAccount(ids), id))
      return a
    }
    const ruleFloor = floorOf.get(id) as number | null
    if (!('floor' in o)) return { ...o, floor: ruleFloor }
    if (o['floor'] !== ruleFloor) {
      const f = ruleFloor === null ? 'null' : String(ruleFloor)
      out.push(problem('conflict', at(['bank', 'accounts', i, 'floor']), text(`the floor of ${id} in the rules (${f}), or no floor here`, `与规则中 ${id} 的下限（${f}）相同，或此处不设`), o['floor']))
    }
    return a
  })
  const rest = rules.filter((a) => !listed.has(a.id)).map((a) => ({ id: a.id, floor: a.floor }))
  return { ...bank, zone: z, accounts: [...accounts, ...rest] }
}

// Claims yield events: each process's event type must be one some rule scores.
const claimEvents = (bank: CheckedConfig, rules: CompiledRuleSet): ReadonlyArray<Problem> => {
  const types = [...rules.byType.keys()].sort()
  const out: Array<Problem> = []
  ;(bank.spec.claims ?? []).forEach((c, i) => {
    if (!rules.byType.has(c.eventType)) {
      out.push(problem('reference', at(['bank', 'claims', i, 'eventType']), text(`an event type some rule scores: ${types.join(', ')}`, `有规则计分的事件类型：${types.join('、')}`), c.eventType))
    }
  })
  return out
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * Decode a programme from parsed JSON: the envelope, each part with its own
 * decoder (its problems under `$.rules`, `$.bank`, `$.awards`), then the
 * checks across parts. Every problem found comes back, each at its path;
 * parts that decode are checked even when another part has problems.
 *
 * @category decoding
 * @example
 * const r = decodeProgramme({ version: 1, rules: dailyStudy(), awards: { awards: [star] } })
 * E.isRight(r) && r.right.rules.accounts.map((a) => a.id) // => ['study']
 */
export const decodeProgramme = (u: unknown): Decoded<Programme> => {
  const shape = decode(ProgrammeShapeC)(u)
  if (E.isLeft(shape)) return shape
  const spec = shape.right
  const ps: Array<Problem> = []
  const z = readZone(spec.zone ?? DEFAULT_ZONE, ['zone'])
  if (E.isLeft(z)) return E.left([z.left])
  const zoneName: string = z.right // canonical: `asia/shanghai` and `PRC` are `Asia/Shanghai` (issue #14)

  ps.push(...ownZone('rules', spec.rules, zoneName))
  const rules = compileRuleSet({ ...spec.rules, zone: zoneName }, ['rules'])
  if (E.isLeft(rules)) ps.push(...rules.left)

  let bank: CheckedConfig | undefined
  if (spec.bank !== undefined) {
    ps.push(...ownZone('bank', spec.bank, zoneName))
    const input = bankInput(spec.bank, ruleAccounts(rules, spec.rules), zoneName, ps)
    const b = checkBankConfig(input, ['bank'])
    if (E.isLeft(b)) ps.push(...b.left)
    else {
      bank = b.right
      if (E.isRight(rules)) ps.push(...claimEvents(b.right, rules.right))
    }
  }

  if (spec.version === 1) {
    for (const k of V2_ONLY) {
      if (spec[k] !== undefined) ps.push(problem('unknown-key', at([k]), text(`"version": 2 for "${k}" (version 1 has no ${k}; set "version": 2 to upgrade, nothing else changes)`, `"version": 2 才有 "${k}"（改为 "version": 2 即可升级，其余不变）`), k))
    }
  }
  const { published, problems } = decodePublished(spec, zoneName as Zone, E.isRight(rules) ? rules.right.accounts.map((a) => a.id as string) : undefined)
  ps.push(...problems)
  let org: OrgTree | undefined
  if (spec.org !== undefined) {
    const o = decodeOrg(spec.org, ['org'])
    if (E.isLeft(o)) ps.push(...o.left)
    else org = o.right
  }

  let awards: AwardProgramme | undefined
  if (spec.awards !== undefined) {
    ps.push(...ownZone('awards', spec.awards, zoneName))
    const withAccounts = E.isRight(rules) ? awardsWithAccounts(spec.awards, rules.right, ps) : spec.awards
    const input = spec.version === 2 ? awardsWithHost(withAccounts, published.host, ps) : withAccounts
    const a = decodeAwardProgramme({ ...input, zone: zoneName })
    if (E.isLeft(a)) ps.push(...withPrefix(['awards'])(a.left))
    else awards = a.right
  }

  if (ps.length > 0 || E.isLeft(rules)) return E.left(ps)
  return E.right({
    _tag: 'Programme',
    version: spec.version,
    ...(spec.title === undefined ? {} : { title: spec.title }),
    zone: z.right,
    rules: rules.right,
    bank,
    awards,
    ...(org === undefined ? {} : { org }),
    host: published.host,
    boards: published.boards,
    composites: published.composites,
    ...(published.roll === undefined ? {} : { roll: published.roll })
  })
}

/**
 * `decodeProgramme` from JSON text; a syntax error is a problem at `line:column`.
 *
 * @category decoding
 * @example
 * decodeProgrammeJson(readFileSync('programme.json', 'utf8'), 'programme.json') // => right(programme) or left(problems)
 */
export const decodeProgrammeJson = (json: string, file?: string): Decoded<Programme> => {
  const r = decodeJson(t.unknown, file)(json)
  return E.isLeft(r) ? r : decodeProgramme(r.right)
}

/**
 * `decodeProgramme`, throwing a `TypeError` that lists every problem (for
 * scripts and tests; hosts should handle the `Either`).
 *
 * @category decoding
 * @example
 * decodeProgrammeOrThrow({ version: 1, rules: dailyStudy() }).zone // => 'Asia/Shanghai'
 */
export const decodeProgrammeOrThrow = (u: unknown): Programme => {
  const r = decodeProgramme(u)
  if (E.isLeft(r)) throw new TypeError(`invalid programme:\n${renderProblems(r.left)}`)
  return r.right
}

// -------------------------------------------------------------------------------------
// checks against an organisation
// -------------------------------------------------------------------------------------

