/**
 * The ledger fold: events in (instant, id) order per subject, idempotent by
 * event id, conflicts reported; late events re-fold only their subject, so
 * the result always equals folding everything in order. Ledgers merge (a
 * monoid), so hosts can shard by subject and merge.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Monoid } from 'fp-ts/lib/Monoid.js'
import { renderProblems, type Decoded, type Points } from '../core/internal.js'
import {
  decideRule,
  findAccount,
  eventContentKey,
  initialState,
  interner,
  loadState,
  resetState,
  saveState,
  type ActivityEvent,
  type CompiledRule,
  type CompiledRuleSet,
  type DecisionScratch,
  type Interner,
  type Prepared,
  type SavedState,
  type SkipReason,
  type SubjectAttrs,
  type SubjectId,
  type SubjectState
} from '../rules/internal.js'
import type { Conflict, Entry, Skip } from './entry.js'
import { EMPTY_INDEX, draftIndex, hashOf, indexValues, type IdIndex } from './idindex.js'
import { REASONS, columnWriter, numbers, entriesOfColumns, mergeColumns, skipsOfColumns, type ColumnWriter, type SubjectColumns } from './columns.js'
import { AT, DAY, LIST, SKIP, VALUE, buildRows, type Rows } from './rows.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------


// The key of a ledger's event index: not exported from the package, so not part of its surface.
const KEPT: unique symbol = /*#__PURE__*/ Symbol('moral-bank.ledger.kept')

/**
 * Host hooks: who an event scores for (a member's household or unit, for
 * schemes that score per household), and a subject's attributes for `when`
 * conditions. Both must be pure.
 *
 * @category model
 */
export interface LedgerOptions {
  readonly subjectOf?: (e: ActivityEvent) => string
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
  readonly subjects: ReadonlyMap<string, SubjectLedger>
  /** Conflicting versions refused, in (id, content) order. */
  readonly conflicts: ReadonlyArray<Conflict>
  /** Events offered, counting duplicates. */
  readonly arrivals: number
  /** Arrivals that repeated an event (or a refused version) already seen: counted once. */
  readonly duplicates: number
  /** The kept event per id: engine state under a key only this module holds (a spread copy keeps it). */
  readonly [KEPT]: IdIndex
}

/**
 * One run of a subject's events folded in one call, with the columns of their entries and skips
 * (a function: a resumed ledger folds the history it was given on first read).
 */
interface Segment {
  readonly events: ReadonlyArray<ActivityEvent>
  readonly columns: () => SubjectColumns
}

/**
 * What a subject ledger is made of: its segments in time order, the engine's state after its last
 * event (where an append continues from), that event, and how many events it has.
 */
interface Parts {
  readonly segments: ReadonlyArray<Segment>
  readonly saved: SavedState
  /** The intern table numbering `saved.seen`'s content (shared by the subjects of one fold call and the calls continuing from them: it only grows and a key's number never changes, so sharing it is not observable). */
  readonly content: Interner
  readonly last: ActivityEvent
  readonly size: number
  /** When an append continued a subject: the saved state it continued from, and the segment it added. */
  readonly continued?: { readonly from: SavedState; readonly added: Segment }
}

// A subject ledger's parts, by the object (not a property: JSON, equality checks and spreads do not see
// them, and a property defined on each object made every subject ledger a slow, big object).
const partsMemo = new WeakMap<SubjectLedger, Parts>()
const partsOf = (s: SubjectLedger | undefined): Parts | undefined => (s === undefined ? undefined : partsMemo.get(s))

/**
 * The segments of columns a subject ledger is made of, in time order, if the fold made it (a host's
 * copy or edit, `{ ...s, entries }`, has none and is read through its own entries).
 *
 * @category utilities
 * @example
 * columnsOf(ledger.subjects.get(s)!)?.[0]?.entryCount
 */
export const columnsOf = (s: SubjectLedger): ReadonlyArray<SubjectColumns> | undefined => partsOf(s)?.segments.map((g) => g.columns())

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
  [KEPT]: EMPTY_INDEX
})

// -------------------------------------------------------------------------------------
// the fold of one subject
// -------------------------------------------------------------------------------------

const NO_ATTRS: SubjectAttrs = Object.freeze({})

/** Ids hashed (and their slots read) ahead of their claims. */
const CLAIM_BLOCK = 32

/**
 * Fold one subject's events (any order, ids unique) into its ledger part.
 *
 * @category utilities
 * @example
 * foldSubject(rs, 'm-001', events).balances // => { study: 7 }
 */
export const foldSubject = (
  rs: CompiledRuleSet,
  subject: SubjectId,
  events: ReadonlyArray<ActivityEvent>,
  attrs: SubjectAttrs = NO_ATTRS
): SubjectLedger => {
  const scratch = foldScratch(rs, interner())
  const rows = buildRows(rs, scratch.st.contentIds, events, undefined, new Array<number>(events.length).fill(0), events.length, 1, () => attrs)
  return foldRows(rs, rows, 0, subject, scratch, undefined)
}

/** Whether the event at position `p` goes after the one at `q` in (instant, id) order. */
const after = (rows: Rows, q: number, p: number): boolean => {
  const x = rows.data[q * rows.stride + AT] as number
  const y = rows.data[p * rows.stride + AT] as number
  return x !== y ? x > y : (rows.events[q] as ActivityEvent).id > (rows.events[p] as ActivityEvent).id
}

/** Subject `k`'s positions in (instant, id) order, or `undefined` when they already are (the usual case). */
const orderOf = (rows: Rows, k: number): Int32Array | undefined => {
  const a = rows.start[k] as number
  const b = rows.start[k + 1] as number
  let sorted = true
  for (let p = a + 1; p < b && sorted; p++) sorted = !after(rows, p - 1, p)
  if (sorted) return undefined
  const n = b - a
  const { data, stride } = rows
  let lo = Infinity
  let hi = -Infinity
  for (let p = a; p < b; p++) {
    const t = data[p * stride + AT] as number
    if (t < lo) lo = t
    if (t > hi) hi = t
  }
  if ((hi - lo + 1) * n >= 2 ** 53) {
    // Instants too far apart to pack with a position: compare pairs.
    const order = Array.from({ length: n }, (_, q) => a + q)
    order.sort((x, y) => (after(rows, x, y) ? 1 : after(rows, y, x) ? -1 : 0))
    return Int32Array.from(order)
  }
  // One number per event, (instant - lo) × n + its place: a typed array's own numeric sort orders them
  // by instant (a log in arrival order: a comparator sort of pairs cost several times the fold).
  const keys = new Float64Array(n)
  for (let q = 0; q < n; q++) keys[q] = ((data[(a + q) * stride + AT] as number) - lo) * n + q
  keys.sort()
  const order = new Int32Array(n)
  for (let q = 0; q < n; q++) order[q] = a + ((keys[q] as number) % n)
  // Events at the same instant go in id order.
  for (let q = 0; q < n; ) {
    const t = Math.floor((keys[q] as number) / n)
    let r = q + 1
    while (r < n && Math.floor((keys[r] as number) / n) === t) r++
    if (r - q > 1) order.subarray(q, r).sort((x, y) => (after(rows, x, y) ? 1 : after(rows, y, x) ? -1 : 0))
    q = r
  }
  return order
}

/** Fold subject `k` of the rows with the decisions' per-subject half. */
const foldRows = (rs: CompiledRuleSet, rows: Rows, k: number, subject: SubjectId, scratch: FoldScratch, base: Parts | undefined): SubjectLedger => {
  const { w, st, out, pre, declined } = scratch
  const { lists, data, stride, width, contentColumn } = rows
  const none = lists.length
  const a = rows.start[k] as number
  const n = (rows.start[k + 1] as number) - a
  const order = orderOf(rows, k)
  // The subject's events in (instant, id) order.
  const events = order === undefined ? rows.events.slice(a, a + n) : Array.from(order, (p) => rows.events[p] as ActivityEvent)
  // An append continues from the state the subject's earlier events left.
  if (base === undefined) resetState(st)
  else loadState(st, base.content === st.contentIds ? base.saved : renumbered(base.saved, base.content, st))
  for (let q = 0; q < n; q++) {
    const o = (order === undefined ? a + q : (order[q] as number)) * stride
    const li = data[o + LIST] as number
    if (li === none) {
      w.skip(q, -1, 'no-rule')
      continue
    }
    const rules = lists[li] as ReadonlyArray<CompiledRule>
    const columns = contentColumn[li] as Int32Array
    const d = data[o + DAY] as number
    let scored = false
    // A count, not `declined.length = 0`: emptying an array frees its storage, so every push reallocated.
    let nDeclined = 0
    for (let j = 0; j < rules.length; j++) {
      const r = rules[j] as CompiledRule
      const v = data[o + VALUE + j] as number
      let why: SkipReason | undefined
      if (v === Math.floor(v) || v !== v) {
        // Whole: requested points; NaN: the amount's attribute is missing (decideRule says so in its turn).
        pre.requested = v
        const c = columns[j] as number
        pre.content = c < 0 ? -1 : (data[o + VALUE + width + c] as number)
        why = decideRule(rs, r, st, pre, d, out)
      } else why = REASONS[v - SKIP] as SkipReason
      if (why !== undefined) {
        declined[nDeclined++] = r
        declined[nDeclined++] = why
        continue
      }
      scored = true
      w.entry(q, data[o + AT] as number, r.index, out.requested, out.granted, out.cut)
    }
    // An event that earned no entry is explained by every rule that declined it.
    if (!scored) {
      for (let m = 0; m < nDeclined; m += 2) w.skip(q, (declined[m] as CompiledRule).index, declined[m + 1] as SkipReason)
    }
  }
  const balances: Record<string, Points> = {}
  for (const acc of rs.accounts) balances[acc.id] = ((st.balances[acc.index] as number) + 0) as Points
  const cols = w.finish(rs, subject, events)
  const segment: Segment = { events, columns: () => cols }
  const parts: Parts = {
    segments: base === undefined ? [segment] : withSegment(base.segments, segment),
    saved: saveState(st),
    content: st.contentIds,
    last: events[n - 1] as ActivityEvent,
    size: (base?.size ?? 0) + n,
    ...(base === undefined ? {} : { continued: { from: base.saved, added: segment } })
  }
  return subjectLedgerOf(subject, parts, balances)
}

/** A saved state's content seen, numbered by `st`'s intern table instead of `from`. */
const renumbered = (saved: SavedState, from: Interner, st: SubjectState): SavedState => {
  const r = st.contentRules
  return {
    numbers: saved.numbers,
    seen: saved.seen.map((slot) => st.contentIds.idOf(from.keyOf(Math.floor(slot / r)) as string) * r + (slot % r))
  }
}

/**
 * The segments with one more: the last merged into the one before while that one is less than twice
 * its size, so sizes at least double backwards (at most log2(n) segments, each event copied
 * O(log n) times over a ledger's life). A merge of columns waits for the first read.
 */
const withSegment = (segments: ReadonlyArray<Segment>, segment: Segment): ReadonlyArray<Segment> => {
  const out = segments.slice()
  out.push(segment)
  for (;;) {
    const y = out[out.length - 1] as Segment
    const x = out[out.length - 2]
    if (x === undefined || x.events.length >= 2 * y.events.length) return out
    out.length -= 2
    const events = x.events.concat(y.events)
    out.push({ events, columns: once(() => mergeColumns(x.columns(), y.columns(), events)) })
  }
}

/** A function computed once (and its inputs then let go). */
const once = <A>(f: () => A): (() => A) => {
  let g: (() => A) | undefined = f
  let v: A | undefined
  return () => {
    if (g !== undefined) {
      v = g()
      g = undefined
    }
    return v as A
  }
}

// Each segment's entries and skips as objects, built on first read and shared by every ledger holding it.
const entriesMemo = new WeakMap<Segment, ReadonlyArray<Entry>>()
const skipsMemo = new WeakMap<Segment, ReadonlyArray<Skip>>()
const segmentEntries = (g: Segment): ReadonlyArray<Entry> => {
  let xs = entriesMemo.get(g)
  if (xs === undefined) entriesMemo.set(g, (xs = entriesOfColumns(g.columns())))
  return xs
}
const segmentSkips = (g: Segment): ReadonlyArray<Skip> => {
  let xs = skipsMemo.get(g)
  if (xs === undefined) skipsMemo.set(g, (xs = skipsOfColumns(g.columns())))
  return xs
}
const concatAll = <A>(xs: ReadonlyArray<ReadonlyArray<A>>): ReadonlyArray<A> => (xs.length === 1 ? (xs[0] as ReadonlyArray<A>) : ([] as Array<A>).concat(...xs))

/** What one fold call reuses from subject to subject (it owns all of it). */
interface FoldScratch {
  readonly w: ColumnWriter
  readonly st: SubjectState
  readonly out: DecisionScratch
  readonly pre: Prepared
  readonly declined: Array<CompiledRule | SkipReason>
}

const foldScratch = (rs: CompiledRuleSet, contentIds: Interner, rows?: number): FoldScratch => ({
  w: columnWriter(rows),
  st: initialState(rs, contentIds),
  out: { requested: 0, granted: 0, cut: undefined },
  pre: { requested: 0, content: -1 },
  declined: []
})

/**
 * A subject ledger over its parts: `events`, `entries` and `skips` are built on first read and kept
 * (a memo private to this object; each segment's objects are built once and shared by the ledgers
 * holding it), so a fold allocates no object per entry and a host reading them sees plain arrays.
 */
const subjectLedgerOf = (subject: SubjectId, parts: Parts, balances: Readonly<Record<string, Points>>): SubjectLedger => {
  let events: ReadonlyArray<ActivityEvent> | undefined
  let entries: ReadonlyArray<Entry> | undefined
  let skips: ReadonlyArray<Skip> | undefined
  const made: SubjectLedger = {
    subject,
    get events(): ReadonlyArray<ActivityEvent> {
      return (events ??= concatAll(parts.segments.map((g) => g.events)))
    },
    get entries(): ReadonlyArray<Entry> {
      return (entries ??= concatAll(parts.segments.map(segmentEntries)))
    },
    get skips(): ReadonlyArray<Skip> {
      return (skips ??= concatAll(parts.segments.map(segmentSkips)))
    },
    balances
  }
  partsMemo.set(made, parts)
  return made
}

/**
 * What `after` added to `before` when an append continued the subject from it (internal: a run brings
 * its boards up to date from these alone): the events it gained and their entries, in order, the
 * earlier ones kept as they were. `undefined` when `after` was folded again from its first event (a
 * late event, a conflict) or is not the continuation of `before`: read its entries whole.
 *
 * @category utilities
 * @example
 * appendedSince(l1.subjects.get(s), l2.subjects.get(s))?.entries // => the entries of the events l2 added
 */
export const appendedSince = (
  before: SubjectLedger,
  after: SubjectLedger
): { readonly events: ReadonlyArray<ActivityEvent>; readonly entries: ReadonlyArray<Entry> } | undefined => {
  if (before === after) return { events: [], entries: [] }
  const b = partsOf(before)
  const c = partsOf(after)?.continued
  if (b === undefined || c === undefined || c.from !== b.saved) return undefined
  return { events: c.added.events, entries: segmentEntries(c.added) }
}

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Add events to a ledger (any order, duplicates and late events welcome);
 * the result equals folding all events ever offered in (instant, id) order.
 * A touched subject whose new events all go after its last one continues
 * from the engine's state after that event (its earlier entries kept as
 * they are); one that gains a late event or loses one to a conflict is
 * folded again from its first event; the others are kept.
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
    const subjectOf = (x: ActivityEvent): SubjectId => (hostSubjectOf === undefined ? x.member : (hostSubjectOf(x) as SubjectId))
    // Sized once for the batch when its length is known (a table that grows is rebuilt log2(n) times).
    const kept = draftIndex(ledger[KEPT] ?? EMPTY_INDEX, Array.isArray(events) ? events.length : 0)
    const refused = new Map<string, Conflict>()
    for (const c of ledger.conflicts) refused.set(eventContentKey(c.refused), c)
    // Subjects numbered in the order first touched; the added events (their positions in `given`, in
    // arrival order) with their subjects' numbers.
    const given: ReadonlyArray<ActivityEvent> = Array.isArray(events) ? events : Array.from(events)
    const subjectIndex = new Map<SubjectId, number>()
    const subjectIds: Array<SubjectId> = []
    const numberOf = (s: SubjectId): number => {
      let k = subjectIndex.get(s)
      if (k === undefined) {
        k = subjectIds.length
        subjectIds.push(s)
        subjectIndex.set(s, k)
      }
      return k
    }
    // `added[j]` is the position of the j-th added event; `undefined` while that is j (no duplicate yet).
    let added: Array<number> | undefined
    const addedSubject = numbers(given.length)
    let nAdded = 0
    // Subjects that lost a kept event to a conflict.
    const lost = new Set<SubjectId>()
    let lastSubject: SubjectId | undefined
    let lastK = 0
    const add = (e: ActivityEvent, i: number): void => {
      const s = subjectOf(e)
      if (s !== lastSubject) {
        lastK = numberOf(s)
        lastSubject = s
      }
      if (added === undefined && i !== nAdded) added = Array.from({ length: nAdded }, (_, j) => j)
      if (added !== undefined) added[nAdded] = i
      addedSubject[nAdded++] = lastK
    }
    let arrivals = ledger.arrivals
    // Ids are claimed in blocks: first every id's hash and a read of its slot (the reads of a block
    // overlap in the CPU, where one by one each waited for memory: the table is far bigger than the
    // caches), then the claims.
    const hashes = new Int32Array(CLAIM_BLOCK)
    let touched = 0
    for (let i = 0; i < given.length; i++) {
      const b = i % CLAIM_BLOCK
      if (b === 0) {
        const m = Math.min(CLAIM_BLOCK, given.length - i)
        for (let j = 0; j < m; j++) hashes[j] = hashOf((given[i + j] as ActivityEvent).id)
        // A loop of reads only, so the CPU has many of them in flight at once.
        for (let j = 0; j < m; j++) touched ^= kept.touch(hashes[j] as number)
      }
      const e = given[i] as ActivityEvent
      arrivals++
      const old = kept.claimHashed(e, hashes[b] as number)
      if (old === undefined) {
        add(e, i)
        continue
      }
      if (old === e) continue
      const ko = eventContentKey(old)
      const ke = eventContentKey(e)
      if (ko === ke || refused.has(ke)) continue
      // Keep the smaller content, whatever the arrival order.
      if (ke < ko) {
        kept.set(e.id, e)
        add(e, i)
        lost.add(subjectOf(old))
        refused.set(ko, { id: e.id, kept: e, refused: old })
      } else refused.set(ke, { id: e.id, kept: old, refused: e })
    }
    // Conflicts name the version finally kept.
    const conflicts = [...refused.values()].map((c) => {
      const k = kept.get(c.id) as ActivityEvent
      return k === c.kept ? c : { ...c, kept: k }
    })
    conflicts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : eventContentKey(a.refused) < eventContentKey(b.refused) ? -1 : 1))
    // Keep the slot reads above observable (the compiler drops reads whose values are never used).
    hashes[0] = touched
    const index = kept.done()
    const duplicates = arrivals - index.size - conflicts.length
    if (subjectIds.length === 0 && lost.size === 0) return { ...ledger, [KEPT]: index, arrivals, conflicts, duplicates }
    for (const s of lost) numberOf(s)

    // A touched subject continues from its saved state when every event it gains goes after its last one
    // and it lost none; otherwise (a late event, a conflict) it is folded again from its first event.
    const oldParts: Array<Parts | undefined> = new Array<Parts | undefined>(subjectIds.length)
    for (let k = 0; k < subjectIds.length; k++) {
      const s = subjectIds[k] as SubjectId
      oldParts[k] = lost.has(s) ? undefined : partsOf(ledger.subjects.get(s))
    }
    for (let i = 0; i < nAdded; i++) {
      const k = addedSubject[i] as number
      const p = oldParts[k]
      if (p === undefined) continue
      const x = given[added === undefined ? i : (added[i] as number)] as ActivityEvent
      const l = p.last
      if (x.at < l.at || (x.at === l.at && x.id < l.id)) oldParts[k] = undefined
    }

    // Each touched subject's events to fold: for a subject folded again, its old ones still kept (first:
    // they are usually the earlier ones, so the subject's rows stay in order), then the added ones still kept.
    let source = given
    let rowIndex = added
    let rowSubject = addedSubject
    let n = nAdded
    const stillKept = (x: ActivityEvent): boolean => kept.get(x.id) === x
    if (ledger.subjects.size > 0 || lost.size > 0) {
      const list: Array<ActivityEvent> = []
      const subs: Array<number> = []
      for (let k = 0; k < subjectIds.length; k++) {
        if (oldParts[k] !== undefined) continue
        for (const x of ledger.subjects.get(subjectIds[k] as SubjectId)?.events ?? []) {
          if (lost.size === 0 || stillKept(x)) {
            list.push(x)
            subs.push(k)
          }
        }
      }
      for (let i = 0; i < nAdded; i++) {
        const x = given[added === undefined ? i : (added[i] as number)] as ActivityEvent
        if (lost.size === 0 || stillKept(x)) {
          list.push(x)
          subs.push(addedSubject[i] as number)
        }
      }
      source = list
      rowIndex = undefined
      rowSubject = subs
      n = list.length
    }
    const rs = ledger.rules
    const attrsOf = ledger.options.attrsOf
    // The intern table of a subject continuing (usually all of them share one), else a fresh one.
    let content: Interner | undefined
    for (let k = 0; k < subjectIds.length && content === undefined; k++) content = oldParts[k]?.content
    const scratch = foldScratch(rs, content ?? interner(), n)
    // A subject's attributes are asked once, and only when a condition reads them.
    const attrsMemo: Array<SubjectAttrs | undefined> = []
    const attrsFor = attrsOf === undefined ? undefined : (k: number): SubjectAttrs => (attrsMemo[k] ??= attrsOf(subjectIds[k] as SubjectId))
    const rows = buildRows(rs, scratch.st.contentIds, source, rowIndex, rowSubject, n, subjectIds.length, attrsFor)
    const subjects = new Map(ledger.subjects)
    for (let k = 0; k < subjectIds.length; k++) {
      const s = subjectIds[k] as SubjectId
      if (rows.start[k] === rows.start[k + 1]) {
        if (oldParts[k] === undefined) subjects.delete(s)
      } else subjects.set(s, foldRows(rs, rows, k, s, scratch, oldParts[k]))
    }
    return { ...ledger, subjects, [KEPT]: index, arrivals, conflicts, duplicates }
  }

/**
 * Fold events into a new ledger: `appendEvents(emptyLedger(rules, options))`.
 *
 * @category combinators
 * @example
 * const book = foldLedger(compileRuleSetOrThrow(dailyStudy()))(events)
 * balanceOf(book, 'm-001') // => 12
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
  const [big, small] = a[KEPT].size >= b[KEPT].size ? [a, b] : [b, a]
  const offered: Array<ActivityEvent> = [...indexValues(small[KEPT]), ...small.conflicts.map((c) => c.refused)]
  const merged = appendEvents(big)(offered)
  const arrivals = a.arrivals + b.arrivals
  return { ...merged, arrivals, duplicates: arrivals - merged[KEPT].size - merged.conflicts.length }
}

// -------------------------------------------------------------------------------------
// continuation (for snapshots)
// -------------------------------------------------------------------------------------

/**
 * What an append continues a subject from: its events in (instant, id) order, the engine's state after
 * the last, and the intern table numbering that state's content seen. (Internal: snapshot.ts writes it
 * as data.)
 *
 * @category utilities
 * @example
 * continuationOf(ledger.rules, ledger.subjects.get('m-001')!).saved.numbers.length
 */
export const continuationOf = (rs: CompiledRuleSet, s: SubjectLedger, attrsOf?: (s: SubjectId) => SubjectAttrs): { readonly events: ReadonlyArray<ActivityEvent>; readonly saved: SavedState; readonly content: Interner } => {
  const p = partsOf(s)
  if (p !== undefined) return { events: s.events, saved: p.saved, content: p.content }
  // A subject ledger the fold did not make (a host's own): its events folded again.
  const again = partsOf(foldSubject(rs, s.subject, s.events, attrsOf === undefined ? NO_ATTRS : attrsOf(s.subject))) as Parts
  return { events: s.events, saved: again.saved, content: again.content }
}

/**
 * A subject ledger resumed from a continuation: balances from the saved state, entries and skips of
 * its events folded on first read (they are what the fold made of them, so an append goes on from the
 * saved state without folding them).
 *
 * @category constructors
 * @example
 * resumedSubject(rs, 'm-001', events, saved, content, {})
 */
export const resumedSubject = (
  rs: CompiledRuleSet,
  subject: SubjectId,
  events: ReadonlyArray<ActivityEvent>,
  saved: SavedState,
  content: Interner,
  attrs: () => SubjectAttrs
): SubjectLedger => {
  const segment: Segment = {
    events,
    columns: once(() => ((partsOf(foldSubject(rs, subject, events, attrs())) as Parts).segments[0] as Segment).columns())
  }
  const balances: Record<string, Points> = {}
  for (const acc of rs.accounts) balances[acc.id] = ((saved.numbers[acc.index] as number) + 0) as Points
  return subjectLedgerOf(subject, { segments: [segment], saved, content, last: events[events.length - 1] as ActivityEvent, size: events.length }, balances)
}

/**
 * A ledger from its parts (for a snapshot's decoder): the kept index is built from the subjects' events.
 *
 * @category constructors
 * @example
 * ledgerOfParts(rs, {}, subjects, [], 10, 0)
 */
export const ledgerOfParts = (
  rules: CompiledRuleSet,
  options: LedgerOptions,
  subjects: ReadonlyMap<string, SubjectLedger>,
  conflicts: ReadonlyArray<Conflict>,
  arrivals: number,
  duplicates: number
): Ledger => {
  let n = 0
  for (const s of subjects.values()) n += s.events.length
  const kept = draftIndex(EMPTY_INDEX, n)
  for (const s of subjects.values()) for (const e of s.events) kept.claimHashed(e, hashOf(e.id))
  return { _tag: 'Ledger', rules, options, subjects, conflicts, arrivals, duplicates, [KEPT]: kept.done() }
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
 * The balance of a subject on an account (the rule set's first account by
 * default): 0 for a subject with no entries in it, a `reference` problem
 * (naming the account and the accounts the rules define) for an account the
 * ledger's rules do not define.
 *
 * @category utilities
 * @example
 * balanceOf(book, 'm-001', 'study') // => right(12)
 * balanceOf(book, 'm-001', 'moarl') // => left([{ code: 'reference', at: $.account, … }])
 */
export const balanceOf = (ledger: Ledger, subject: string, account?: string): Decoded<Points> => {
  const acc = findAccount(ledger.rules, account)
  if (E.isLeft(acc)) return acc
  const s = ledger.subjects.get(subject)
  return E.right((s === undefined ? 0 : (s.balances[acc.right.id] ?? 0)) as Points)
}

/**
 * `balanceOf` for hosts that know the account exists: the balance, or a
 * throw (`TypeError`) with the problems rendered (an edge helper; the core
 * never throws).
 *
 * @category utilities
 * @example
 * balanceOfOrThrow(book, 'm-001') // => 12
 */
export const balanceOfOrThrow = (ledger: Ledger, subject: string, account?: string): Points =>
  orThrow(balanceOf(ledger, subject, account))

/** The value, or a `TypeError` with the problems rendered (for the `...OrThrow` edge helpers). */
export const orThrow = <A>(r: Decoded<A>): A => {
  if (E.isLeft(r)) throw new TypeError(renderProblems(r.left))
  return r.right
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

