/**
 * One fold call's events as compact rows. The engine's event-only half
 * (`prepareRule`: conditions, thresholds, hours, content keys, requested
 * points with bonuses) runs here, in one pass over the events in the order
 * they were offered, and its results go to one compact record per event,
 * grouped by subject (a counting sort). The per-subject half (`decideRule`)
 * then reads those records, never the events' attributes (only an id, to
 * order two events of a subject with the same instant).
 *
 * Why: a host's log is in time order, so one subject's events lie far apart
 * in memory; reading their attributes subject by subject made most of a big
 * fold's time cache misses. Reading each event once in memory order, and
 * the compact records afterwards (in order too), does not.
 *
 * @module
 * @internal
 */
import {
  prepareRule,
  type ActivityEvent,
  type CompiledRule,
  type CompiledRuleSet,
  type Condition,
  type Interner,
  type Prepared,
  type SubjectAttrs
} from '../rules/internal.js'
import { REASON_CODE } from './columns.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The rows of one fold call. Positions group events by subject: subject `k`
 * (in the caller's numbering) owns positions `[start[k], start[k + 1])`, in
 * the order the caller listed its events.
 *
 * @category model
 */
export interface Rows {
  /** Per subject, where its positions start (`start[subjects]` = the number of events). */
  readonly start: Int32Array
  /** Per position, its event. */
  readonly events: ReadonlyArray<ActivityEvent>
  readonly lists: ReadonlyArray<ReadonlyArray<CompiledRule>>
  /**
   * Per position, one record of `stride` numbers from `p × stride` (one record, not one column per
   * field: the counting sort writes each event's record at a scattered position, and one record is
   * one cache line to fetch rather than one per column). A typed array, allocated once at its size:
   * a plain array past 2^25 elements (4.8 M events of 7 numbers) left V8's fast elements, which
   * doubled a big fold's time and its memory (issue 18):
   * - `AT`, `DAY`: the event's instant and its local day number;
   * - `LIST`: the index in `lists` of the rules listening to its type (`lists.length`: none);
   * - from `VALUE`, one number per rule `j` of its list: what `prepareRule` found, the requested
   *   points (a whole number; for an `accumulated` rule, the quantity in thousandths, which
   *   `decideRule` turns into points against the period's sum) when it passed the event, `NaN` when it passed but the amount's
   *   attribute is missing, or `SKIP +` the code (`REASON_CODE`) of its skip reason (never whole);
   * - from `VALUE + width`, the content ids of the `perContent` attributes its rules read: rule `j`
   *   of list `l` reads the one at `contentColumn[l][j]` (-1: the rule has none).
   */
  readonly data: Float64Array
  readonly stride: number
  /** The longest list. */
  readonly width: number
  readonly contentColumn: ReadonlyArray<Int32Array>
}

/**
 * Offset of a record's instant (see `Rows.data`).
 *
 * @category model
 * @example
 * rows.data[p * rows.stride + AT] // => the instant of the event at position p
 */
export const AT = 0
/**
 * Offset of a record's local day number.
 *
 * @category model
 * @example
 * rows.data[p * rows.stride + DAY]
 */
export const DAY = 1
/**
 * Offset of a record's rule list index.
 *
 * @category model
 * @example
 * rows.lists[rows.data[p * rows.stride + LIST]]
 */
export const LIST = 2
/**
 * Offset of a record's first rule value.
 *
 * @category model
 * @example
 * rows.data[p * rows.stride + VALUE + j] // => what prepareRule found for rule j of the list
 */
export const VALUE = 3

/**
 * `Rows.value` of a skip is `SKIP + REASON_CODE[reason]`: never a whole number, so never points.
 *
 * @category model
 * @example
 * REASONS[3.5 - SKIP] // => 'too-short'
 */
export const SKIP = 0.5

const NO_ATTRS: SubjectAttrs = Object.freeze({})


/**
 * Whether a condition reads the subject's attributes.
 *
 * @category utilities
 * @example
 * readsMember({ not: { member: 'inBlackList', op: 'eq', value: true } }) // => true
 */
export const readsMember = (c: Condition): boolean =>
  'member' in c ? true : 'all' in c ? c.all.some(readsMember) : 'any' in c ? c.any.some(readsMember) : 'not' in c ? readsMember(c.not) : false

/**
 * Whether a rule set has a condition reading subjects' attributes (else the fold never asks for them).
 *
 * @category utilities
 * @example
 * readsMembers(compileRuleSetOrThrow(dailyStudy())) // => false
 */
export const readsMembers = (rs: CompiledRuleSet): boolean => rs.rules.some((r) => r.spec.when !== undefined && readsMember(r.spec.when))

/**
 * Build the rows of `n` events: `source[index[i]]` (`source[i]` without an index) for subject number
 * `subjectOf[i]` (in `[0, subjects)`), running `prepareRule` for each event
 * and each rule listening to its type. Content keys are interned in
 * `contentIds` (the state the fold then decides with). `attrsFor` gives a
 * subject's attributes when a condition reads them.
 *
 * @category constructors
 * @example
 * buildRows(rs, st.contentIds, events, undefined, events.map(() => 0), events.length, 1, undefined).start
 * // => Int32Array [0, events.length]
 */
export const buildRows = (
  rs: CompiledRuleSet,
  contentIds: Interner,
  source: ReadonlyArray<ActivityEvent>,
  index: ArrayLike<number> | undefined,
  subjectOf: ArrayLike<number>,
  n: number,
  subjects: number,
  attrsFor: ((k: number) => SubjectAttrs) | undefined
): Rows => {
  // Counting sort by subject: `next[k]` is the next free position of subject k.
  const start = new Int32Array(subjects + 1)
  for (let i = 0; i < n; i++) {
    const k1 = (subjectOf[i] as number) + 1
    start[k1] = (start[k1] as number) + 1
  }
  for (let k = 0; k < subjects; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number)
  const next = start.slice(0, subjects)

  // Per event type, its rules; per rule of a list, its content column (rules reading one attribute share it).
  const lists: Array<ReadonlyArray<CompiledRule>> = []
  const contentColumn: Array<Int32Array> = []
  const listOf = new Map<string, number>()
  let width = 1
  let contentWidth = 0
  for (const [type, rules] of rs.byType) {
    listOf.set(type, lists.length)
    lists.push(rules)
    width = Math.max(width, rules.length)
    const attrs: Array<string> = []
    contentColumn.push(
      Int32Array.from(rules, (r) => {
        const c = r.spec.perContent
        if (c === undefined) return -1
        if (!attrs.includes(c)) attrs.push(c)
        return attrs.indexOf(c)
      })
    )
    contentWidth = Math.max(contentWidth, attrs.length)
  }
  const NONE = lists.length
  const memberRules = attrsFor !== undefined && readsMembers(rs)

  const events = new Array<ActivityEvent>(n)
  const stride = VALUE + width + contentWidth
  const data = new Float64Array(n * stride)
  const pre: Prepared = { requested: 0, content: -1 }
  const cal = rs.calendar
  // In the order given (memory order for a host's log): each event object is read here only.
  for (let i = 0; i < n; i++) {
    const e = source[index === undefined ? i : (index[i] as number)] as ActivityEvent
    const k = subjectOf[i] as number
    const p = next[k] as number
    next[k] = p + 1
    events[p] = e
    const o = p * stride
    data[o + AT] = e.at
    const d = cal.dayNumber(e.at)
    data[o + DAY] = d
    const li = listOf.get(e.type)
    if (li === undefined) {
      data[o + LIST] = NONE
      continue
    }
    data[o + LIST] = li
    const rules = lists[li] as ReadonlyArray<CompiledRule>
    const columns = contentColumn[li] as Int32Array
    const attrs = memberRules ? (attrsFor as (k: number) => SubjectAttrs)(k) : NO_ATTRS
    for (let j = 0; j < rules.length; j++) {
      const why = prepareRule(rs, rules[j] as CompiledRule, e, d, attrs, contentIds, pre)
      let v: number
      if (why !== undefined) v = SKIP + REASON_CODE[why]
      else {
        v = pre.requested
        const c = columns[j] as number
        if (c >= 0) data[o + VALUE + width + c] = pre.content
      }
      data[o + VALUE + j] = v
    }
  }
  return { start, events, lists, data, stride, width, contentColumn }
}
