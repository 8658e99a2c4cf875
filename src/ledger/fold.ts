/**
 * The ledger fold: events in (instant, id) order per subject, idempotent by
 * event id, conflicts reported; late events re-fold only their subject, so
 * the result always equals folding everything in order. Ledgers merge (a
 * monoid), so hosts can shard by subject and merge.
 *
 * @module
 */
import type { Monoid } from 'fp-ts/lib/Monoid.js'
import type { Points } from '../core/index.js'
import {
  applyRuleInto,
  eventContentKey,
  initialState,
  resetState,
  type ActivityEvent,
  type CompiledRule,
  type CompiledRuleSet,
  type DecisionScratch,
  type SkipReason,
  type SubjectAttrs,
  type SubjectId,
  type SubjectState,
  type AccountId
} from '../rules/index.js'
import type { Conflict, Entry, Skip } from './entry.js'
import { EMPTY_INDEX, draftIndex, indexValues, type IdIndex } from './idindex.js'
import { columnWriter, entriesOfColumns, registerColumns, skipsOfColumns, type ColumnWriter, type SubjectColumns } from './columns.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Host hooks: who an event scores for (a member's household or unit, for
 * schemes that score per household), and a subject's attributes for `when`
 * conditions. Both must be pure.
 *
 * @category model
 */
export interface LedgerOptions {
  readonly subjectOf?: (e: ActivityEvent) => SubjectId
  readonly attrsOf?: (s: SubjectId) => SubjectAttrs
}

/**
 * One subject's part of the ledger.
 *
 * @category model
 */
export interface SubjectLedger {
  readonly subject: SubjectId
  /** Its events in (instant, id) order, each id once. */
  readonly events: ReadonlyArray<ActivityEvent>
  /** Its entries in (instant, event id, rule order). (A fold stores them compactly and builds this array on first read.) */
  readonly entries: ReadonlyArray<Entry>
  readonly skips: ReadonlyArray<Skip>
  /** Balance per account id (every account of the rule set). */
  readonly balances: Readonly<Record<string, Points>>
}

/**
 * A ledger: per subject, plus the conflicts found and the arrivals counted.
 *
 * @category model
 */
export interface Ledger {
  readonly _tag: 'Ledger'
  readonly rules: CompiledRuleSet
  readonly options: LedgerOptions
  readonly subjects: ReadonlyMap<SubjectId, SubjectLedger>
  /** Conflicting versions refused, in (id, content) order. */
  readonly conflicts: ReadonlyArray<Conflict>
  /** Events offered, counting duplicates. */
  readonly arrivals: number
  /** Arrivals that repeated an event (or a refused version) already seen: counted once. */
  readonly duplicates: number
  /** @internal the kept event per id */
  readonly kept: IdIndex
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * An empty ledger for a rule set.
 *
 * @category constructors
 * @example
 * emptyLedger(compileRuleSetOrThrow(dailyStudy())).subjects.size // => 0
 */
export const emptyLedger = (rules: CompiledRuleSet, options: LedgerOptions = {}): Ledger => ({
  _tag: 'Ledger',
  rules,
  options,
  subjects: new Map(),
  conflicts: [],
  arrivals: 0,
  duplicates: 0,
  kept: EMPTY_INDEX
})

// -------------------------------------------------------------------------------------
// the fold of one subject
// -------------------------------------------------------------------------------------

const byInstantThenId = (a: ActivityEvent, b: ActivityEvent): number => (a.at !== b.at ? a.at - b.at : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const sortEvents = (events: Array<ActivityEvent>): Array<ActivityEvent> => {
  for (let i = 1; i < events.length; i++) {
    if (byInstantThenId(events[i - 1] as ActivityEvent, events[i] as ActivityEvent) > 0) return events.sort(byInstantThenId)
  }
  return events
}

const NO_ATTRS: SubjectAttrs = Object.freeze({})

/**
 * Fold one subject's events (any order, ids unique) into its ledger part.
 *
 * @category utilities
 * @example
 * foldSubject(rs, 'm-001' as SubjectId, events).balances // => { study: 7 }
 */
export const foldSubject = (
  rs: CompiledRuleSet,
  subject: SubjectId,
  events: ReadonlyArray<ActivityEvent>,
  attrs: SubjectAttrs = NO_ATTRS
): SubjectLedger => foldOwned(rs, subject, events.slice(), attrs, foldScratch(rs))

/** `foldSubject` on an array the caller owns and gives away (sorted in place, then kept as the subject's events). */
const foldOwned = (rs: CompiledRuleSet, subject: SubjectId, events: Array<ActivityEvent>, attrs: SubjectAttrs, scratch: FoldScratch): SubjectLedger => {
  const sorted = sortEvents(events)
  const { w, st, out, declined } = scratch
  resetState(st)
  const cal = rs.calendar
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i] as ActivityEvent
    const rules = rs.byType.get(e.type)
    if (rules === undefined) {
      w.skip(i, -1, 'no-rule')
      continue
    }
    const day = cal.dayNumber(e.at)
    let scored = false
    // A count, not `declined.length = 0`: emptying an array frees its storage, so every push reallocated.
    let nDeclined = 0
    for (let j = 0; j < rules.length; j++) {
      const r = rules[j] as CompiledRule
      const why = applyRuleInto(rs, r, st, e, day, attrs, out)
      if (why !== undefined) {
        declined[nDeclined++] = r
        declined[nDeclined++] = why
        continue
      }
      scored = true
      w.entry(i, e.at, r.index, out.requested, out.granted, out.cut)
    }
    // An event that earned no entry is explained by every rule that declined it.
    if (!scored) {
      for (let k = 0; k < nDeclined; k += 2) w.skip(i, (declined[k] as CompiledRule).index, declined[k + 1] as SkipReason)
    }
  }
  const balances: Record<string, Points> = {}
  for (const a of rs.accounts) balances[a.id] = ((st.balances[a.index] as number) + 0) as Points
  return subjectLedgerOf(w.finish(rs, subject, sorted), balances)
}

/** What one fold call reuses from subject to subject (it owns all of it). */
interface FoldScratch {
  readonly w: ColumnWriter
  readonly st: SubjectState
  readonly out: DecisionScratch
  readonly declined: Array<CompiledRule | SkipReason>
}

const foldScratch = (rs: CompiledRuleSet): FoldScratch => ({
  w: columnWriter(),
  st: initialState(rs),
  out: { requested: 0, granted: 0, cut: undefined },
  declined: []
})

/**
 * A subject ledger over its columns: `entries` and `skips` are built on
 * first read and kept (a memo private to this object), so a fold allocates
 * no object per entry and a host reading them sees plain arrays.
 */
const subjectLedgerOf = (cols: SubjectColumns, balances: Readonly<Record<string, Points>>): SubjectLedger => {
  let entries: ReadonlyArray<Entry> | undefined
  let skips: ReadonlyArray<Skip> | undefined
  const made: SubjectLedger = {
    subject: cols.subject,
    events: cols.events,
    get entries(): ReadonlyArray<Entry> {
      return (entries ??= entriesOfColumns(cols))
    },
    get skips(): ReadonlyArray<Skip> {
      return (skips ??= skipsOfColumns(cols))
    },
    balances
  }
  registerColumns(made, cols)
  return made
}

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Add events to a ledger (any order, duplicates and late events welcome);
 * the result equals folding all events ever offered in (instant, id) order.
 * Only the subjects touched are folded again.
 *
 * @category combinators
 * @example
 * const l1 = appendEvents(emptyLedger(rs))(todaysEvents)
 * const l2 = appendEvents(l1)(lateEvents) // same as folding all of them at once
 */
export const appendEvents =
  (ledger: Ledger) =>
  (events: Iterable<ActivityEvent>): Ledger => {
    const hostSubjectOf = ledger.options.subjectOf
    const subjectOf = (x: ActivityEvent): SubjectId => (hostSubjectOf === undefined ? x.member : hostSubjectOf(x))
    // Sized once for the batch when its length is known (a table that grows is rebuilt log2(n) times).
    const kept = draftIndex(ledger.kept, Array.isArray(events) ? events.length : 0)
    const refused = new Map<string, Conflict>()
    for (const c of ledger.conflicts) refused.set(eventContentKey(c.refused), c)
    // Added events per subject; subjects that lost a kept event to a conflict.
    const added = new Map<SubjectId, Array<ActivityEvent>>()
    const lost = new Set<SubjectId>()
    let lastSubject: SubjectId | undefined
    let lastList: Array<ActivityEvent> = []
    const add = (e: ActivityEvent): void => {
      const s = subjectOf(e)
      if (s !== lastSubject) {
        let list = added.get(s)
        if (list === undefined) {
          list = []
          added.set(s, list)
        }
        lastSubject = s
        lastList = list
      }
      lastList.push(e)
    }
    let arrivals = ledger.arrivals
    const offer = (e: ActivityEvent): void => {
      arrivals++
      const old = kept.claim(e)
      if (old === undefined) return add(e)
      if (old === e) return
      const ko = eventContentKey(old)
      const ke = eventContentKey(e)
      if (ko === ke || refused.has(ke)) return
      // Keep the smaller content, whatever the arrival order.
      if (ke < ko) {
        kept.set(e.id, e)
        add(e)
        lost.add(subjectOf(old))
        refused.set(ko, { id: e.id, kept: e, refused: old })
      } else refused.set(ke, { id: e.id, kept: old, refused: e })
    }
    // An index loop over arrays: `for...of` here allocated an iterator result per event.
    if (Array.isArray(events)) for (let i = 0; i < events.length; i++) offer(events[i] as ActivityEvent)
    else for (const e of events) offer(e)
    // Conflicts name the version finally kept.
    const conflicts = [...refused.values()].map((c) => {
      const k = kept.get(c.id) as ActivityEvent
      return k === c.kept ? c : { ...c, kept: k }
    })
    conflicts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : eventContentKey(a.refused) < eventContentKey(b.refused) ? -1 : 1))
    const index = kept.done()
    const duplicates = arrivals - index.size - conflicts.length
    if (added.size === 0 && lost.size === 0) return { ...ledger, kept: index, arrivals, conflicts, duplicates }

    // Each touched subject's kept events: its old ones still kept, plus the added ones still kept.
    const subjects = new Map(ledger.subjects)
    const rs = ledger.rules
    const attrsOf = ledger.options.attrsOf
    const stillKept = (x: ActivityEvent): boolean => kept.get(x.id) === x
    const scratch = foldScratch(rs)
    for (const s of new Set([...added.keys(), ...lost])) {
      const prev = ledger.subjects.get(s)?.events ?? []
      const fresh = added.get(s) ?? []
      // Every `list` here is a new array this call owns (`added`'s lists are its own).
      const list = lost.size > 0 ? [...prev.filter(stillKept), ...fresh.filter(stillKept)] : prev.length === 0 ? fresh : [...prev, ...fresh]
      if (list.length === 0) subjects.delete(s)
      else subjects.set(s, foldOwned(rs, s, list, attrsOf === undefined ? NO_ATTRS : attrsOf(s), scratch))
    }
    return { ...ledger, subjects, kept: index, arrivals, conflicts, duplicates }
  }

/**
 * Fold events into a new ledger: `appendEvents(emptyLedger(rules, options))`.
 *
 * @category combinators
 * @example
 * const book = foldLedger(compileRuleSetOrThrow(dailyStudy()))(events)
 * balanceOf(book, 'm-001' as SubjectId) // => 12
 */
export const foldLedger =
  (rules: CompiledRuleSet, options: LedgerOptions = {}) =>
  (events: Iterable<ActivityEvent>): Ledger =>
    appendEvents(emptyLedger(rules, options))(events)

/**
 * Merge two ledgers of the same rule set and options (shards of subjects, or
 * of the same subjects): equal to folding all events of both.
 *
 * @category combinators
 * @example
 * mergeLedgers(foldLedger(rs)(shardA), foldLedger(rs)(shardB)) // same balances as foldLedger(rs)([...shardA, ...shardB])
 */
export const mergeLedgers = (a: Ledger, b: Ledger): Ledger => {
  if (b.arrivals === 0) return a
  if (a.arrivals === 0) return b
  const [big, small] = a.kept.size >= b.kept.size ? [a, b] : [b, a]
  const offered: Array<ActivityEvent> = [...indexValues(small.kept), ...small.conflicts.map((c) => c.refused)]
  const merged = appendEvents(big)(offered)
  const arrivals = a.arrivals + b.arrivals
  return { ...merged, arrivals, duplicates: arrivals - merged.kept.size - merged.conflicts.length }
}

// -------------------------------------------------------------------------------------
// instances
// -------------------------------------------------------------------------------------

/**
 * Ledgers of one rule set form a monoid: merge is associative and the empty
 * ledger is its identity (up to the order of maps' keys).
 *
 * @category instances
 * @example
 * const M = getLedgerMonoid(rs)
 * shards.map(foldLedger(rs)).reduce(M.concat, M.empty)
 */
export const getLedgerMonoid = (rules: CompiledRuleSet, options: LedgerOptions = {}): Monoid<Ledger> => ({
  concat: mergeLedgers,
  empty: emptyLedger(rules, options)
})

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * The balance of a subject on an account (the rule set's first account by default).
 *
 * @category utilities
 * @example
 * balanceOf(book, 'm-001' as SubjectId, 'study' as AccountId) // => 12
 */
export const balanceOf = (ledger: Ledger, subject: SubjectId, account?: AccountId): Points => {
  const acc = account ?? ledger.rules.accounts[0]?.id
  const s = ledger.subjects.get(subject)
  return (s === undefined || acc === undefined ? 0 : (s.balances[acc] ?? 0)) as Points
}

/**
 * Every entry of a ledger, subject by subject (subjects in key order).
 *
 * @category utilities
 * @example
 * allEntries(book).reduce((n, e) => n + e.granted, 0) // => the sum of all balances
 */
export const allEntries = (ledger: Ledger): ReadonlyArray<Entry> => {
  const keys = [...ledger.subjects.keys()].sort()
  const out: Array<Entry> = []
  for (const k of keys) for (const e of (ledger.subjects.get(k) as SubjectLedger).entries) out.push(e)
  return out
}

/**
 * Every skip of a ledger, subject by subject (subjects in key order).
 *
 * @category utilities
 * @example
 * allSkips(book).filter((s) => s.reason === 'no-rule').length // => events no rule listens to
 */
export const allSkips = (ledger: Ledger): ReadonlyArray<Skip> => {
  const keys = [...ledger.subjects.keys()].sort()
  const out: Array<Skip> = []
  for (const k of keys) for (const s of (ledger.subjects.get(k) as SubjectLedger).skips) out.push(s)
  return out
}

