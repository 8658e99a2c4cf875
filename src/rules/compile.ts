/**
 * Compile a rule set (built in code or decoded from JSON) into the form the
 * engine runs: rules indexed by event type, caps given counter slots, times
 * turned into minutes and days. Cross-references are checked here, each
 * problem at its path.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  DEFAULT_ZONE,
  at,
  calendar,
  decode,
  makeId,
  parseLocalDate,
  problem,
  renderProblems,
  text,
  zone as readZone,
  type Decoded,
  type PathSegment,
  type Problem,
  type Zone
} from '../core/internal.js'
import { RuleSetC } from './codec.js'
import { expectedOneOf } from './account.js'
import type { Account, AccountId, CompiledCap, CompiledRule, CompiledRuleSet, RuleId, RulePlan } from './model.js'
import type { Cap, RuleSetSpec, RuleSpec } from './rule.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

export type { Account, AccountId, CompiledCap, CompiledRule, CompiledRuleSet, RuleId, RulePlan } from './model.js'

/**
 * Check a rule id and brand it (a `format` problem for an empty, overlong or control-character id).
 *
 * @category constructors
 * @example
 * ruleId('daily-quiz') // => right('daily-quiz')
 */
export const ruleId: (s: unknown, path?: ReadonlyArray<PathSegment>) => E.Either<Problem, RuleId> = /*#__PURE__*/ makeId<'Rule'>()

/**
 * Check an account id and brand it (a `format` problem for an empty, overlong or control-character id).
 * Functions that read an account (`balanceOf`, `statement`, ...) take a plain string and say when the
 * rules have no such account.
 *
 * @category constructors
 * @example
 * accountId('study') // => right('study')
 */
export const accountId: (s: unknown, path?: ReadonlyArray<PathSegment>) => E.Either<Problem, AccountId> = /*#__PURE__*/ makeId<'Account'>()

const planOf = (r: RuleSpec): RulePlan => {
  const a = r.amount
  return {
    when: r.when,
    atLeastAttr: r.atLeast?.attr,
    atLeastValue: r.atLeast?.value ?? 0,
    longerThanAttr: r.longerThan?.attr,
    longerThanChars: r.longerThan?.chars ?? 0,
    once: r.once === true,
    perContent: r.perContent,
    firstNPer: r.firstN?.per,
    firstNCount: r.firstN?.count ?? 0,
    per: a.per,
    attr: a.per === 'unit' || a.per === 'linear' || a.per === 'table' || a.per === 'accumulated' ? a.attr : '',
    points: a.per === 'action' || a.per === 'unit' || a.per === 'streak' || a.per === 'accumulated' ? a.points : 0,
    unit: a.per === 'unit' || a.per === 'accumulated' ? a.unit : 1,
    factor: a.per === 'linear' ? a.factor : 0,
    offset: a.per === 'linear' ? (a.offset ?? 0) : 0,
    round: a.per === 'linear' ? a.round : undefined,
    rows: a.per === 'table' ? a.rows : [],
    days: a.per === 'streak' ? a.days : 1,
    repeat: a.per === 'streak' && a.repeat === true,
    accumulatedPer: a.per === 'accumulated' ? a.period : 'day',
    blockMilli: a.per === 'accumulated' ? a.unit * 1000 : 1
  }
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

const dup = (path: ReadonlyArray<PathSegment>, what: string, zh: string, v: string): Problem =>
  problem('duplicate', at(path), text(`a ${what} not used before`, `未使用过的${zh}`), v)

// When the shapes are wrong, still report references that can be checked on the raw input
// (unknown accounts, duplicate rule ids), so an admin sees every error in one pass.
const rawReferenceProblems = (u: unknown, path: ReadonlyArray<PathSegment>, found: ReadonlyArray<Problem>): ReadonlyArray<Problem> => {
  if (typeof u !== 'object' || u === null) return []
  const o = u as Record<string, unknown>
  const accounts = Array.isArray(o['accounts']) ? (o['accounts'] as ReadonlyArray<unknown>) : undefined
  const rules = Array.isArray(o['rules']) ? (o['rules'] as ReadonlyArray<unknown>) : []
  const field = (x: unknown, k: string): unknown => (typeof x === 'object' && x !== null ? (x as Record<string, unknown>)[k] : undefined)
  const known = new Set(accounts === undefined ? [] : accounts.map((a) => field(a, 'id')).filter((x): x is string => typeof x === 'string'))
  const taken = new Set(found.map((p) => JSON.stringify(p.at)))
  const out: Array<Problem> = []
  const seen = new Set<string>()
  rules.forEach((r, i) => {
    const acc = field(r, 'account')
    const at1 = at([...path, 'rules', i, 'account'])
    if (accounts !== undefined && typeof acc === 'string' && !known.has(acc) && !taken.has(JSON.stringify(at1))) {
      out.push(problem('reference', at1, expectedOneOf([...known], 'accounts', '账户'), acc))
    }
    const id = field(r, 'id')
    const at2 = at([...path, 'rules', i, 'id'])
    if (typeof id === 'string') {
      if (seen.has(id) && !taken.has(JSON.stringify(at2))) out.push(dup([...path, 'rules', i, 'id'], 'rule id', '规则标识', id))
      seen.add(id)
    }
  })
  return out
}

/**
 * Check and compile a rule set (the same checks whether it came from code or
 * JSON): the codec's checks, then unique ids, known accounts and rules,
 * non-empty windows. Every problem comes back with its path.
 *
 * @category constructors
 * @example
 * E.isRight(compileRuleSet(ruleSet([account('study')], [perAction('login', 'login', 1)]))) // => true
 * compileRuleSet(ruleSet([account('study')], [inAccount('moral')(perAction('x', 'x', 1))]))
 * // => left([{ code: 'reference', at: $.rules[0].account, … }])
 */
export const compileRuleSet = (input: unknown, path: ReadonlyArray<PathSegment> = []): Decoded<CompiledRuleSet> => {
  // Never throws: a hostile value (a Proxy or getter that throws) is a problem (issue #14).
  try {
    return compileUnguarded(input, path)
  } catch {
    return E.left([problem('internal', at(path), text('a rule set that can be read (reading it failed)', '可读取的规则集（读取时出错）'), undefined)])
  }
}

const compileUnguarded = (input: unknown, path: ReadonlyArray<PathSegment>): Decoded<CompiledRuleSet> => {
  const decoded = decode(RuleSetC, path)(input)
  if (E.isLeft(decoded)) return E.left([...decoded.left, ...rawReferenceProblems(input, path, decoded.left)])
  // A plain JSON copy: the compiled spec is exactly what a JSON round trip gives (-0 reads as 0).
  const spec = JSON.parse(JSON.stringify(decoded.right)) as RuleSetSpec
  const problems: Array<Problem> = []
  const p = (...segments: ReadonlyArray<PathSegment>): ReadonlyArray<PathSegment> => [...path, ...segments]

  let z: Zone = DEFAULT_ZONE
  if (spec.zone !== undefined) {
    const r = readZone(spec.zone, p('zone'))
    if (E.isLeft(r)) problems.push(r.left)
    else z = r.right
  }

  const accounts: Array<Account> = []
  const accountById = new Map<string, Account>()
  spec.accounts.forEach((a, i) => {
    if (accountById.has(a.id)) problems.push(dup(p('accounts', i, 'id'), 'account id', '账户标识', a.id))
    const acc: Account = {
      index: accounts.length,
      id: a.id as AccountId,
      ...(a.label === undefined ? {} : { label: a.label }),
      floor: a.floor === undefined ? 0 : a.floor
    }
    accounts.push(acc)
    accountById.set(a.id, acc)
  })

  const ruleIndex = new Map<string, number>()
  spec.rules.forEach((r, i) => {
    if (ruleIndex.has(r.id)) problems.push(dup(p('rules', i, 'id'), 'rule id', '规则标识', r.id))
    else ruleIndex.set(r.id, i)
    if (!accountById.has(r.account)) {
      problems.push(problem('reference', at(p('rules', i, 'account')), expectedOneOf([...accountById.keys()], 'accounts', '账户'), r.account))
    }
    if (r.on.length === 0) problems.push(problem('range', at(p('rules', i, 'on')), text('at least one event type', '至少一个事件类型'), r.on))
    ;(r.hours ?? []).forEach((h, j) => {
      if (minutes(h.to) <= minutes(h.from)) problems.push(problem('range', at(p('rules', i, 'hours', j, 'to')), text(`a time after ${h.from}`, `晚于 ${h.from} 的时间`), h.to))
    })
    ;(r.bonuses ?? []).forEach((b, j) => {
      ;(b.hours ?? []).forEach((h, k) => {
        if (minutes(h.to) <= minutes(h.from)) problems.push(problem('range', at(p('rules', i, 'bonuses', j, 'hours', k, 'to')), text(`a time after ${h.from}`, `晚于 ${h.from} 的时间`), h.to))
      })
      for (const key of ['from', 'to'] as const) {
        const v = b[key]
        if (v !== undefined) {
          const d = parseLocalDate(v, p('rules', i, 'bonuses', j, key))
          if (E.isLeft(d)) problems.push(d.left)
        }
      }
      if (b.from !== undefined && b.to !== undefined && b.to <= b.from) {
        problems.push(problem('range', at(p('rules', i, 'bonuses', j, 'to')), text(`a date after ${b.from}`, `晚于 ${b.from} 的日期`), b.to))
      }
    })
    if (r.amount.per === 'table' && r.amount.rows.length === 0) {
      problems.push(problem('range', at(p('rules', i, 'amount', 'rows')), text('at least one row', '至少一行'), r.amount.rows))
    }
  })

  const groupsOf = new Map<number, Array<{ readonly id: string; readonly caps: ReadonlyArray<Cap> }>>()
  const groupIds = new Set<string>()
  ;(spec.groups ?? []).forEach((g, i) => {
    if (groupIds.has(g.id)) problems.push(dup(p('groups', i, 'id'), 'group id', '分组标识', g.id))
    groupIds.add(g.id)
    g.rules.forEach((rid, j) => {
      const ri = ruleIndex.get(rid)
      if (ri === undefined) problems.push(problem('reference', at(p('groups', i, 'rules', j)), text('the id of a rule in this set', '本规则集中的规则标识'), rid))
      else {
        const list = groupsOf.get(ri) ?? []
        list.push({ id: g.id, caps: g.caps })
        groupsOf.set(ri, list)
      }
    })
  })
  if (problems.length > 0) return E.left(problems)

  // Group caps share one slot per (group, cap) across the group's rules.
  let slots = 0
  const groupSlots = new Map<string, ReadonlyArray<number>>()
  for (const g of spec.groups ?? []) groupSlots.set(g.id, g.caps.map(() => slots++))
  const toWindows = (hs: ReadonlyArray<{ readonly from: string; readonly to: string }> | undefined) =>
    hs === undefined ? undefined : hs.map((h) => [minutes(h.from), minutes(h.to)] as const)
  const dayOf = (d: string | undefined, dflt: number): number => {
    if (d === undefined) return dflt
    const r = parseLocalDate(d)
    return E.isRight(r) ? r.right : dflt
  }

  const rules: Array<CompiledRule> = spec.rules.map((r, index) => {
    const caps: Array<CompiledCap> = (r.caps ?? []).map((c) => ({ ...c, slot: slots++, scope: 'rule' as const }))
    for (const g of groupsOf.get(index) ?? []) {
      const gs = groupSlots.get(g.id) as ReadonlyArray<number>
      g.caps.forEach((c, k) => caps.push({ ...c, slot: gs[k] as number, scope: 'group', group: g.id }))
    }
    return {
      index,
      id: r.id as RuleId,
      spec: r,
      plan: planOf(r),
      account: accountById.get(r.account) as Account,
      caps,
      hours: toWindows(r.hours),
      bonuses: (r.bonuses ?? []).map((b) => ({
        multiply: b.multiply,
        hours: toWindows(b.hours),
        fromDay: dayOf(b.from, -Infinity),
        toDay: dayOf(b.to, Infinity)
      }))
    }
  })
  const byType = new Map<string, Array<CompiledRule>>()
  for (const r of rules) {
    for (const ty of new Set(r.spec.on)) {
      const list = byType.get(ty) ?? []
      list.push(r)
      byType.set(ty, list)
    }
  }
  return E.right({ _tag: 'CompiledRuleSet', spec, zone: z, calendar: calendar(z), accounts, rules, slots, byType })
}

/**
 * Compile a rule set known to be valid; throws with every problem otherwise (for tests and presets).
 *
 * @category constructors
 * @example
 * compileRuleSetOrThrow(dailyStudy()).rules.length // => 8
 */
export const compileRuleSetOrThrow = (input: unknown): CompiledRuleSet => {
  const r = compileRuleSet(input)
  if (E.isLeft(r)) throw new TypeError(`invalid rule set:\n${renderProblems(r.left)}`)
  return r.right
}

/**
 * Decode a rule set from parsed JSON at a path (as part of a larger programme
 * file); the same as `compileRuleSet`, named for readers of decoding code.
 *
 * @category constructors
 * @example
 * E.isLeft(decodeRuleSet({ accounts: [], rules: [{ id: 'x' }] }, ['points'])) // => true, problems under $.points.rules[0]
 */
export const decodeRuleSet = (u: unknown, path: ReadonlyArray<PathSegment> = []): Decoded<CompiledRuleSet> => compileRuleSet(u, path)
