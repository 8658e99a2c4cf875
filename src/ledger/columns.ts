/**
 * How the fold stores one subject's entries and skips: in columns (typed
 * arrays of event positions and rule indexes, an array of doubles for the
 * amounts) rather than one object
 * per entry. A big fold makes over a million entries; as objects they all
 * stayed alive through every garbage collection, which made GC a large share
 * of the fold's time. `Entry` and `Skip` objects are built from the columns the first time
 * a host reads `entries` or `skips`, and kept; statements read the columns
 * directly.
 *
 * @module
 * @internal
 */
import type { ActivityEvent, CompiledRule, CompiledRuleSet, Cut, SkipReason, SubjectId } from '../rules/index.js'
import type { Entry, Skip } from './entry.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One subject's entries and skips as columns, in (instant, event id, rule order).
 *
 * @category model
 */
export interface SubjectColumns {
  readonly rules: CompiledRuleSet
  readonly subject: SubjectId
  /** The subject's events in (instant, id) order: entries and skips name theirs by position. */
  readonly events: ReadonlyArray<ActivityEvent>
  readonly entryCount: number
  /** Per entry, 3 ints: the event's position in `events`, the rule's index, 1 + its cut's index in `cuts` (0: not cut). */
  readonly entryInts: Int32Array
  /**
   * Per entry, 3 numbers: points requested, points granted, the event's instant (so statements
   * read only these columns). A plain array of doubles in the JS heap, not a `Float64Array`: see `finish`.
   */
  readonly amounts: ReadonlyArray<number>
  readonly cuts: ReadonlyArray<Cut>
  readonly skipCount: number
  /** Per skip, 3 ints: the event's position, the rule's index (-1: no rule listens), the reason's code (`REASONS`). */
  readonly skipInts: Int32Array
}

const REASON_CODE: Readonly<Record<SkipReason, number>> = {
  'no-rule': 0,
  condition: 1,
  'below-threshold': 2,
  'too-short': 3,
  'outside-hours': 4,
  once: 5,
  'content-seen': 6,
  limit: 7,
  'missing-attribute': 8,
  streak: 9,
  zero: 10
}
const REASONS = Object.keys(REASON_CODE) as ReadonlyArray<SkipReason>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A writer of columns, private to one fold call: it grows scratch arrays as
 * needed and copies each subject's rows out at `finish` (so the scratch is
 * allocated once per call, not once per subject).
 *
 * @category model
 */
export interface ColumnWriter {
  readonly entry: (eventPos: number, at: number, ruleIndex: number, requested: number, granted: number, cut: Cut | undefined) => void
  readonly skip: (eventPos: number, ruleIndex: number, reason: SkipReason) => void
  /** The columns written since the last `finish`, then starts afresh. */
  readonly finish: (rules: CompiledRuleSet, subject: SubjectId, events: ReadonlyArray<ActivityEvent>) => SubjectColumns
}

/**
 * A fresh writer.
 *
 * @category constructors
 * @example
 * const w = columnWriter(); w.entry(0, 0, 1, 1, undefined); w.finish(rs, s, events).entryCount // => 1
 */
export const columnWriter = (): ColumnWriter => {
  let entryInts = new Int32Array(3 * 256)
  let amounts = new Float64Array(3 * 256)
  let skipInts = new Int32Array(3 * 64)
  let cuts: Array<Cut> = []
  let nEntries = 0
  let nSkips = 0
  let lastCut: Cut | undefined
  return {
    entry: (eventPos, at, ruleIndex, requested, granted, cut) => {
      if (3 * nEntries + 3 > entryInts.length) {
        const ints = new Int32Array(2 * entryInts.length)
        ints.set(entryInts)
        entryInts = ints
        const amt = new Float64Array(2 * amounts.length)
        amt.set(amounts)
        amounts = amt
      }
      let c = 0
      if (cut !== undefined) {
        // Cap cuts are shared records, so runs of entries cut by one cap and period store it once.
        if (cut !== lastCut) {
          cuts.push(cut)
          lastCut = cut
        }
        c = cuts.length
      }
      const k = 3 * nEntries
      entryInts[k] = eventPos
      entryInts[k + 1] = ruleIndex
      entryInts[k + 2] = c
      amounts[3 * nEntries] = requested
      amounts[3 * nEntries + 1] = granted
      amounts[3 * nEntries + 2] = at
      nEntries++
    },
    skip: (eventPos, ruleIndex, reason) => {
      if (3 * nSkips + 3 > skipInts.length) {
        const ints = new Int32Array(2 * skipInts.length)
        ints.set(skipInts)
        skipInts = ints
      }
      const k = 3 * nSkips
      skipInts[k] = eventPos
      skipInts[k + 1] = ruleIndex
      skipInts[k + 2] = REASON_CODE[reason]
      nSkips++
    },
    finish: (rules, subject, events) => {
      // The amounts go to a plain array (V8 stores it as unboxed doubles in the JS heap), the ints
      // to one buffer per subject viewed as two columns. Memory outside the JS heap makes V8 run a
      // full GC each time it grows by 64 MiB since the last one; with all three columns there, a
      // big fold (1M events) passed that alone, so every fold paid a full GC of everything the
      // host holds (its events included). The amounts in the heap count towards its much larger limit instead.
      const amountsOut: Array<number> = []
      for (let i = 0; i < 3 * nEntries; i++) amountsOut.push(amounts[i] as number)
      const buffer = new ArrayBuffer(4 * 3 * nEntries + 4 * 3 * nSkips)
      const entryIntsOut = new Int32Array(buffer, 0, 3 * nEntries)
      const skipIntsOut = new Int32Array(buffer, 4 * 3 * nEntries, 3 * nSkips)
      entryIntsOut.set(entryInts.subarray(0, 3 * nEntries))
      skipIntsOut.set(skipInts.subarray(0, 3 * nSkips))
      const made: SubjectColumns = {
        rules,
        subject,
        events,
        entryCount: nEntries,
        entryInts: entryIntsOut,
        amounts: amountsOut,
        cuts,
        skipCount: nSkips,
        skipInts: skipIntsOut
      }
      cuts = []
      lastCut = undefined
      nEntries = 0
      nSkips = 0
      return made
    }
  }
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * The entries as objects, in column order.
 *
 * @category utilities
 * @example
 * entriesOfColumns(cols).length === cols.entryCount // => true
 */
export const entriesOfColumns = (cols: SubjectColumns): Array<Entry> => {
  const { rules: rs, subject, events, entryInts, amounts, cuts } = cols
  const cal = rs.calendar
  const out: Array<Entry> = new Array<Entry>(cols.entryCount)
  for (let i = 0; i < cols.entryCount; i++) {
    const e = events[entryInts[3 * i] as number] as ActivityEvent
    const r = rs.rules[entryInts[3 * i + 1] as number] as CompiledRule
    const c = entryInts[3 * i + 2] as number
    const requested = amounts[3 * i] as Entry['requested']
    const granted = amounts[3 * i + 1] as Entry['granted']
    const id = `${e.id}#${r.id}`
    const kind = requested < 0 ? 'deduct' : 'earn'
    const day = cal.keyOfDay('day', cal.dayNumber(e.at))
    const account = r.account.id
    // Same keys in the same order as the fold always made them; `cut` only when there is one.
    out[i] =
      c === 0
        ? { id, kind, subject, account, event: e.id, eventType: e.type, rule: r.id, at: e.at, day, requested, granted }
        : { id, kind, subject, account, event: e.id, eventType: e.type, rule: r.id, at: e.at, day, requested, granted, cut: cuts[c - 1] as Cut }
  }
  return out
}

/**
 * The skips as objects, in column order.
 *
 * @category utilities
 * @example
 * skipsOfColumns(cols).length === cols.skipCount // => true
 */
export const skipsOfColumns = (cols: SubjectColumns): Array<Skip> => {
  const { rules: rs, subject, events, skipInts } = cols
  const out: Array<Skip> = new Array<Skip>(cols.skipCount)
  for (let i = 0; i < cols.skipCount; i++) {
    const e = events[skipInts[3 * i] as number] as ActivityEvent
    const ri = skipInts[3 * i + 1] as number
    const reason = REASONS[skipInts[3 * i + 2] as number] as SkipReason
    out[i] =
      ri < 0
        ? { event: e.id, eventType: e.type, subject, at: e.at, reason }
        : { event: e.id, eventType: e.type, subject, at: e.at, rule: (rs.rules[ri] as CompiledRule).id, reason }
  }
  return out
}

// A subject ledger made by the fold carries its columns under this key, as a non-enumerable
// property: JSON, equality checks and spreads do not see it, so a host's copy or edit of a subject
// ledger (`{ ...s, entries }`) is read through its own entries, never through stale columns.
const COLUMNS: unique symbol = Symbol('moral-bank/ledger columns')

/**
 * Attach the columns a subject ledger was made from (once, as the fold makes it).
 *
 * @category utilities
 * @example
 * registerColumns(subjectLedger, cols)
 */
export const registerColumns = (owner: object, cols: SubjectColumns): void => {
  Object.defineProperty(owner, COLUMNS, { value: cols })
}

/**
 * The columns a subject ledger was made from, if the fold made it.
 *
 * @category utilities
 * @example
 * columnsOf(ledger.subjects.get(s)!)?.entryCount
 */
export const columnsOf = (owner: object): SubjectColumns | undefined => (owner as { readonly [COLUMNS]?: SubjectColumns })[COLUMNS]
