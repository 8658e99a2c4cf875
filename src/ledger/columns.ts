/**
 * How the fold stores one subject's entries and skips: in columns (event
 * positions, rule indexes, cuts, amounts) rather than one object per entry,
 * and the columns of the subjects one fold call writes share big slabs (plain
 * arrays of doubles, allocated straight in the old generation), rather than a
 * few small arrays per subject. A big fold makes over a million entries; as
 * objects they all stayed alive through every garbage collection, and as small
 * per-subject arrays every young-generation GC copied them, which made GC a
 * large share of the fold's time. `Entry` and `Skip` objects are built from the columns the first time
 * a host reads `entries` or `skips`, and kept; statements read the columns
 * directly.
 *
 * @module
 * @internal
 */
import type { ActivityEvent, CompiledRule, CompiledRuleSet, Cut, SkipReason, SubjectId } from '../rules/internal.js'
import type { Entry, Skip } from './entry.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One subject's entries and skips as columns, in (instant, event id, rule order). The columns are
 * slabs shared by the subjects one fold call wrote: a subject's rows start at `entryStart` and `skipStart`.
 *
 * @category model
 */
export interface SubjectColumns {
  readonly rules: CompiledRuleSet
  readonly subject: SubjectId
  /** The subject's events in (instant, id) order: entries and skips name theirs by position. */
  readonly events: ReadonlyArray<ActivityEvent>
  readonly entryCount: number
  /** Where the subject's entries start in the slabs (entry `i` is at `3 × (entryStart + i)`). */
  readonly entryStart: number
  /** Per entry, 3 ints: the event's position in `events`, the rule's index, 1 + its cut's index in `cuts` (0: not cut). */
  readonly entryInts: ReadonlyArray<number>
  /** Per entry, 3 numbers: points requested, points granted, the event's instant (so statements read only these columns). */
  readonly amounts: ReadonlyArray<number>
  readonly cuts: ReadonlyArray<Cut>
  readonly skipCount: number
  readonly skipStart: number
  /** Per skip, 3 ints: the event's position, the rule's index (-1: no rule listens), the reason's code (`REASONS`). */
  readonly skipInts: ReadonlyArray<number>
}

/**
 * The code of each skip reason in the columns (and in the fold's rows).
 *
 * @category model
 * @example
 * REASONS[REASON_CODE['limit']] // => 'limit'
 */
export const REASON_CODE: Readonly<Record<SkipReason, number>> = {
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
  zero: 10,
  overflow: 11
}
/**
 * The skip reasons by code.
 *
 * @category model
 * @example
 * REASONS[0] // => 'no-rule'
 */
export const REASONS = Object.keys(REASON_CODE) as ReadonlyArray<SkipReason>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A writer of columns, private to one fold call: it writes each subject's
 * rows into slabs (plain arrays) shared by the subjects it writes, starting a
 * bigger slab when one is full.
 *
 * @category model
 */
export interface ColumnWriter {
  readonly entry: (eventPos: number, at: number, ruleIndex: number, requested: number, granted: number, cut: Cut | undefined) => void
  readonly skip: (eventPos: number, ruleIndex: number, reason: SkipReason) => void
  /** The columns written since the last `finish`, then starts the next subject. */
  readonly finish: (rules: CompiledRuleSet, subject: SubjectId, events: ReadonlyArray<ActivityEvent>) => SubjectColumns
}

/**
 * A plain array of room for `n` numbers, stored unboxed in the JS heap; its elements are holes until
 * written (callers write each one before reading it). The fold's columns are plain arrays, not typed
 * arrays: typed arrays' memory lies outside the JS heap, and V8 runs a full GC (of everything the host
 * holds, its events included) each time that memory grows by 64 MiB; the JS heap has far more room.
 * Big ones are allocated straight in the old generation, so young-generation GCs never copy them.
 * Made from a literal of doubles and lengthened: `new Array(n).fill(x)` allocated and wrote it twice
 * (an array of tagged values first, then one of doubles).
 *
 * @category constructors
 * @example
 * const a = numbers(3); a[0] = 1.5; a.length // => 3
 */
export const numbers = (n: number): Array<number> => {
  const a = [0.5]
  a.length = n
  return a
}

/** The largest slab a writer starts on its own (rows): past it, slabs hold one subject's rows at least. */
const SLAB = 1 << 15

/**
 * A fresh writer, its first slabs sized for `rows` rows.
 *
 * @category constructors
 * @example
 * const w = columnWriter(); w.entry(0, 0, 1, 1, 1, undefined); w.finish(rs, s, events).entryCount // => 1
 */
export const columnWriter = (rows = 64): ColumnWriter => {
  // Entries: slabs of `entryCap` rows; the current subject's rows are [entryBase, entryBase + nEntries).
  // The first slabs sized for the rows the caller expects (an append of one day writes a few rows for
  // each of many subjects: slabs doubling from 64 allocated and copied several times that).
  const first = Math.max(64, Math.min(SLAB, rows))
  let entryCap = first
  let entryInts = numbers(3 * entryCap)
  let amounts = numbers(3 * entryCap)
  let entryBase = 0
  let nEntries = 0
  let skipCap = first
  let skipInts = numbers(3 * skipCap)
  let skipBase = 0
  let nSkips = 0
  let cuts: Array<Cut> = []
  let lastCut: Cut | undefined
  return {
    entry: (eventPos, at, ruleIndex, requested, granted, cut) => {
      if (entryBase + nEntries === entryCap) {
        // A new slab, with the current subject's rows so far moved to its start (older subjects keep the old one).
        entryCap = Math.max(Math.min(2 * entryCap, SLAB), 2 * (nEntries + 1))
        const ints = numbers(3 * entryCap)
        const amt = numbers(3 * entryCap)
        for (let i = 0; i < 3 * nEntries; i++) {
          ints[i] = entryInts[3 * entryBase + i] as number
          amt[i] = amounts[3 * entryBase + i] as number
        }
        entryInts = ints
        amounts = amt
        entryBase = 0
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
      const k = 3 * (entryBase + nEntries)
      entryInts[k] = eventPos
      entryInts[k + 1] = ruleIndex
      entryInts[k + 2] = c
      amounts[k] = requested
      amounts[k + 1] = granted
      amounts[k + 2] = at
      nEntries++
    },
    skip: (eventPos, ruleIndex, reason) => {
      if (skipBase + nSkips === skipCap) {
        skipCap = Math.max(Math.min(2 * skipCap, SLAB), 2 * (nSkips + 1))
        const ints = numbers(3 * skipCap)
        for (let i = 0; i < 3 * nSkips; i++) ints[i] = skipInts[3 * skipBase + i] as number
        skipInts = ints
        skipBase = 0
      }
      const k = 3 * (skipBase + nSkips)
      skipInts[k] = eventPos
      skipInts[k + 1] = ruleIndex
      skipInts[k + 2] = REASON_CODE[reason]
      nSkips++
    },
    finish: (rules, subject, events) => {
      const made: SubjectColumns = {
        rules,
        subject,
        events,
        entryCount: nEntries,
        entryStart: entryBase,
        entryInts,
        amounts,
        cuts,
        skipCount: nSkips,
        skipStart: skipBase,
        skipInts
      }
      cuts = []
      lastCut = undefined
      entryBase += nEntries
      nEntries = 0
      skipBase += nSkips
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
    const k = 3 * (cols.entryStart + i)
    const e = events[entryInts[k] as number] as ActivityEvent
    const r = rs.rules[entryInts[k + 1] as number] as CompiledRule
    const c = entryInts[k + 2] as number
    const requested = amounts[k] as Entry['requested']
    const granted = amounts[k + 1] as Entry['granted']
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
    const k = 3 * (cols.skipStart + i)
    const e = events[skipInts[k] as number] as ActivityEvent
    const ri = skipInts[k + 1] as number
    const reason = REASONS[skipInts[k + 2] as number] as SkipReason
    out[i] =
      ri < 0
        ? { event: e.id, eventType: e.type, subject, at: e.at, reason }
        : { event: e.id, eventType: e.type, subject, at: e.at, rule: (rs.rules[ri] as CompiledRule).id, reason }
  }
  return out
}

/**
 * Two consecutive segments of one subject's columns as one (`b`'s events after `a`'s): fresh slabs
 * sized exactly, `b`'s event positions and cut numbers shifted.
 *
 * @category utilities
 * @example
 * mergeColumns(a, b).entryCount === a.entryCount + b.entryCount // => true (`events`: a's then b's, if the caller has them)
 */
export const mergeColumns = (a: SubjectColumns, b: SubjectColumns, events: ReadonlyArray<ActivityEvent> = a.events.concat(b.events)): SubjectColumns => {
  const entryCount = a.entryCount + b.entryCount
  const skipCount = a.skipCount + b.skipCount
  const entryInts = numbers(3 * entryCount)
  const amounts = numbers(3 * entryCount)
  const skipInts = numbers(3 * skipCount)
  const shift = a.events.length
  const cutShift = a.cuts.length
  let k = 0
  for (const [c, ds, dc] of [
    [a, 0, 0],
    [b, shift, cutShift]
  ] as const) {
    for (let i = 3 * c.entryStart, end = 3 * (c.entryStart + c.entryCount); i < end; i += 3, k += 3) {
      entryInts[k] = (c.entryInts[i] as number) + ds
      entryInts[k + 1] = c.entryInts[i + 1] as number
      const cut = c.entryInts[i + 2] as number
      entryInts[k + 2] = cut === 0 ? 0 : cut + dc
      amounts[k] = c.amounts[i] as number
      amounts[k + 1] = c.amounts[i + 1] as number
      amounts[k + 2] = c.amounts[i + 2] as number
    }
  }
  k = 0
  for (const [c, ds] of [
    [a, 0],
    [b, shift]
  ] as const) {
    for (let i = 3 * c.skipStart, end = 3 * (c.skipStart + c.skipCount); i < end; i += 3, k += 3) {
      skipInts[k] = (c.skipInts[i] as number) + ds
      skipInts[k + 1] = c.skipInts[i + 1] as number
      skipInts[k + 2] = c.skipInts[i + 2] as number
    }
  }
  return {
    rules: a.rules,
    subject: a.subject,
    events,
    entryCount,
    entryStart: 0,
    entryInts,
    amounts,
    cuts: a.cuts.concat(b.cuts),
    skipCount,
    skipStart: 0,
    skipInts
  }
}
