/**
 * A ledger as plain data, so a host restarts without a refold: the events
 * kept per subject, and the engine's state after each subject's last event
 * (what `appendEvents` continues from), with the conflicts and counts. A
 * resumed ledger appends exactly as the ledger it was taken from; its
 * subjects' entries and skips before the snapshot are folded again, subject
 * by subject, only when first read.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at as atPath, prefixPath, problem, text, type Decoded, type Problem } from '../core/internal.js'
import { decodeEvent, interner, savedLength, type ActivityEvent, type CompiledRuleSet, type SubjectAttrs, type SubjectId } from '../rules/internal.js'
import type { Conflict } from './entry.js'
import { continuationOf, ledgerOfParts, resumedSubject, type Ledger, type LedgerOptions, type SubjectLedger } from './fold.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One subject in a snapshot.
 *
 * @category model
 * @example
 * // { subject: 'm-001', events: [{ id: 'ev-1', type: 'login', member: 'm-001', at: 1625097600000, attrs: {} }],
 * //   state: [1, 1, 0, null, …], seen: [['article', 'art-7']] }
 */
export interface SubjectSnapshot {
  readonly subject: string
  /** Its kept events in (instant, id) order. */
  readonly events: ReadonlyArray<ActivityEvent>
  /**
   * The engine's counters after its last event, in the engine's order (per account: balance, earned,
   * deducted; per rule: accumulated period and sum, first-N period and count, streak day and length,
   * once; per cap slot: period and used); `null` for "no period yet".
   */
  readonly state: ReadonlyArray<number | null>
  /** The content each `perContent` rule has seen: `[rule id, content key]`. */
  readonly seen: ReadonlyArray<readonly [string, string]>
}

/**
 * A ledger as plain JSON data (`ledgerSnapshot`; read back with `decodeLedgerSnapshot`).
 *
 * @category model
 * @example
 * // { format: 'moral-bank.ledger', version: 1, rules: ['login', 'article', …], arrivals: 12, duplicates: 1,
 * //   conflicts: [], subjects: [{ subject: 'm-001', … }] }
 */
export interface LedgerSnapshot {
  readonly format: 'moral-bank.ledger'
  readonly version: 1
  /** The ids of the rules it was folded with, in order (decoding checks them). */
  readonly rules: ReadonlyArray<string>
  readonly arrivals: number
  readonly duplicates: number
  readonly conflicts: ReadonlyArray<{ readonly kept: ActivityEvent; readonly refused: ActivityEvent }>
  /** Subjects in id order. */
  readonly subjects: ReadonlyArray<SubjectSnapshot>
}

// -------------------------------------------------------------------------------------
// encoding
// -------------------------------------------------------------------------------------

// The rules counting content once, by their number among them (the engine's `contentRule`).
const contentRules = (rs: CompiledRuleSet): ReadonlyArray<string> => rs.rules.filter((r) => r.spec.perContent !== undefined).map((r) => r.id as string)

/**
 * A ledger as plain data (events are kept as the ledger holds them: plain
 * objects of JSON values).
 *
 * @category encoding
 * @example
 * const saved = JSON.stringify(ledgerSnapshot(book))
 * // later, in a new process:
 * const again = decodeLedgerSnapshot(rs)(JSON.parse(saved)) // => right(ledger), appendEvents continues from it
 */
export const ledgerSnapshot = (ledger: Ledger): LedgerSnapshot => {
  const rs = ledger.rules
  const byNumber = contentRules(rs)
  const r = byNumber.length
  const subjects: Array<SubjectSnapshot> = []
  for (const key of [...ledger.subjects.keys()].sort()) {
    const c = continuationOf(rs, ledger.subjects.get(key) as SubjectLedger, ledger.options.attrsOf)
    subjects.push({
      subject: key,
      events: c.events,
      state: c.saved.numbers.map((x) => (x === x ? x : null)),
      seen: c.saved.seen.map((slot) => [byNumber[slot % r] as string, c.content.keyOf(Math.floor(slot / r)) as string] as const)
    })
  }
  return {
    format: 'moral-bank.ledger',
    version: 1,
    rules: rs.rules.map((x) => x.id as string),
    arrivals: ledger.arrivals,
    duplicates: ledger.duplicates,
    conflicts: ledger.conflicts.map((x) => ({ kept: x.kept, refused: x.refused })),
    subjects
  }
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

type Path = ReadonlyArray<string | number>
const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)
const wrong = (path: Path, en: string, zh: string, got: unknown): Problem => problem('type', atPath(path), text(en, zh), got)

const count = (u: unknown, path: Path, ps: Array<Problem>): number => {
  if (typeof u === 'number' && Number.isSafeInteger(u) && u >= 0) return u
  ps.push(wrong(path, 'a whole number, 0 or more', '非负整数', u))
  return 0
}

const eventAt = (u: unknown, path: Path, ps: Array<Problem>): ActivityEvent | undefined => {
  const r = decodeEvent(u)
  if (E.isRight(r)) return r.right
  ps.push(...r.left.map(prefixPath(path)))
  return undefined
}

// Every index of a list, holes included (read as undefined, so reported: `forEach` skips them).
const each = (xs: ReadonlyArray<unknown>, f: (x: unknown, i: number) => void): void => {
  for (let i = 0; i < xs.length; i++) f(xs[i], i)
}

const before = (a: ActivityEvent, b: ActivityEvent): boolean => a.at < b.at || (a.at === b.at && a.id < b.id)

/**
 * Read a snapshot back into a ledger of the rule set it was taken with (the
 * same rule set and options as the ledger it was taken from): no fold. Bad
 * input gives problems with their paths: not a snapshot, another rule set,
 * a malformed event, events out of order or of another subject, an id kept
 * twice, a state of the wrong length, content seen by an unknown rule.
 *
 * @category decoding
 * @example
 * const book = decodeLedgerSnapshot(rs)(JSON.parse(saved))
 * E.isRight(book) && appendEvents(book.right)(todaysEvents) // same as appending to the ledger it was taken from
 * decodeLedgerSnapshot(rs)({ format: 'moral-bank.ledger', version: 2 }) // => left([{ at: $.version, … }])
 */
export const decodeLedgerSnapshot =
  (rules: CompiledRuleSet, options: LedgerOptions = {}) =>
  (u: unknown): Decoded<Ledger> => {
    // Never throws: a hostile value (a Proxy or getter that throws) is a problem (issue #14).
    try {
      return snapshotOf(rules, options, u)
    } catch {
      return E.left([UNREADABLE])
    }
  }

const UNREADABLE = /*#__PURE__*/ problem('internal', atPath([]), text('a ledger snapshot that can be read (reading it failed)', '可读取的账本快照（读取时出错）'), undefined)

const snapshotOf = (rules: CompiledRuleSet, options: LedgerOptions, u: unknown): Decoded<Ledger> => {
  if (!isObject(u)) return E.left([wrong([], 'a ledger snapshot (an object)', '账本快照（对象）', u)])
  const ps: Array<Problem> = []
  if (u['format'] !== 'moral-bank.ledger') ps.push(problem('format', atPath(['format']), text('"moral-bank.ledger"', '"moral-bank.ledger"'), u['format']))
  if (u['version'] !== 1) ps.push(problem('unsupported', atPath(['version']), text('version 1', '版本 1'), u['version']))
  const ids = rules.rules.map((r) => r.id as string)
  const got = u['rules']
  if (!Array.isArray(got) || got.length !== ids.length || got.some((x, i) => x !== ids[i])) {
    ps.push(problem('conflict', atPath(['rules']), text(`the rule set's rules: ${ids.join(', ')}`, `本规则集的规则：${ids.join('、')}`), got))
  }
  if (ps.length > 0) return E.left(ps)
  const arrivals = count(u['arrivals'], ['arrivals'], ps)
  const duplicates = count(u['duplicates'], ['duplicates'], ps)
  const conflicts: Array<Conflict> = []
  const cs = u['conflicts']
  if (!Array.isArray(cs)) ps.push(wrong(['conflicts'], 'a list of conflicts', '冲突列表', cs))
  else {
    each(cs, (c, i) => {
      if (!isObject(c)) return void ps.push(wrong(['conflicts', i], 'a conflict { kept, refused }', '冲突 { kept, refused }', c))
      const kept = eventAt(c['kept'], ['conflicts', i, 'kept'], ps)
      const refused = eventAt(c['refused'], ['conflicts', i, 'refused'], ps)
      if (kept !== undefined && refused !== undefined) {
        if (kept.id !== refused.id) ps.push(problem('conflict', atPath(['conflicts', i, 'refused', 'id']), text(`the kept event's id ${kept.id}`, `保留事件的 id ${kept.id}`), refused.id))
        conflicts.push({ id: kept.id, kept, refused })
      }
    })
  }
  const subjects = new Map<string, SubjectLedger>()
  const ss = u['subjects']
  if (!Array.isArray(ss)) ps.push(wrong(['subjects'], 'a list of subjects', '主体列表', ss))
  else {
    const content = interner()
    const byNumber = contentRules(rules)
    const ruleNumber = new Map(byNumber.map((id, k) => [id, k]))
    const length = savedLength(rules)
    const subjectOf = options.subjectOf
    const attrsOf = options.attrsOf
    const seenIds = new Set<string>()
    each(ss, (x, i) => {
      const path = ['subjects', i]
      if (!isObject(x)) return void ps.push(wrong(path, 'a subject { subject, events, state, seen }', '主体 { subject, events, state, seen }', x))
      const subject = x['subject']
      if (typeof subject !== 'string' || subject === '') return void ps.push(wrong([...path, 'subject'], 'a subject id', '主体 id', subject))
      if (subjects.has(subject)) return void ps.push(problem('duplicate', atPath([...path, 'subject']), text('each subject once', '每个主体只出现一次'), subject))
      const evs = x['events']
      if (!Array.isArray(evs) || evs.length === 0) return void ps.push(wrong([...path, 'events'], 'a non-empty list of events', '非空事件列表', evs))
      const events: Array<ActivityEvent> = []
      const before0 = ps.length
      each(evs, (ev, j) => {
        const e = eventAt(ev, [...path, 'events', j], ps)
        if (e === undefined) return
        const owner = subjectOf === undefined ? e.member : subjectOf(e)
        if (owner !== subject) ps.push(problem('conflict', atPath([...path, 'events', j]), text(`an event of ${subject}`, `${subject} 的事件`), owner))
        const prev = events[events.length - 1]
        if (prev !== undefined && !before(prev, e)) ps.push(problem('range', atPath([...path, 'events', j]), text(`an event after ${prev.id} (events in instant, id order)`, `${prev.id} 之后的事件（按时刻、id 排序）`), e.id))
        if (seenIds.has(e.id)) ps.push(problem('duplicate', atPath([...path, 'events', j, 'id']), text('each event id once', '每个事件 id 只出现一次'), e.id))
        seenIds.add(e.id)
        events.push(e)
      })
      const state = x['state']
      const numbers: Array<number> = []
      if (!Array.isArray(state) || state.length !== length) ps.push(wrong([...path, 'state'], `a list of ${length} numbers or nulls`, `${length} 个数字或 null 的列表`, state))
      else {
        each(state, (v, k) => {
          if (v === null) numbers.push(NaN)
          else if (typeof v === 'number' && Number.isSafeInteger(v)) numbers.push(v)
          else ps.push(wrong([...path, 'state', k], 'a whole number or null', '整数或 null', v))
        })
      }
      const seen = x['seen']
      const slots: Array<number> = []
      if (!Array.isArray(seen)) ps.push(wrong([...path, 'seen'], 'a list of [rule id, content] pairs', '[规则 id, 内容] 对的列表', seen))
      else {
        each(seen, (pair, k) => {
          const r = Array.isArray(pair) && pair.length === 2 && typeof pair[1] === 'string' ? ruleNumber.get(pair[0] as string) : undefined
          if (r === undefined) return void ps.push(wrong([...path, 'seen', k], `[a perContent rule (${byNumber.join(', ')}), a content key]`, `[按内容计分的规则（${byNumber.join('、')}），内容键]`, pair))
          slots.push(content.idOf((pair as ReadonlyArray<string>)[1] as string) * byNumber.length + r)
        })
      }
      if (ps.length > before0) return
      const s = subject as SubjectId
      let attrs: SubjectAttrs | undefined
      subjects.set(subject, resumedSubject(rules, s, events, { numbers, seen: slots }, content, () => (attrs ??= attrsOf === undefined ? {} : attrsOf(s))))
    })
    for (const c of conflicts) if (!seenIds.has(c.id)) ps.push(problem('reference', atPath(['conflicts']), text('conflicts of kept events only', '仅限保留事件的冲突'), c.id))
  }
  if (ps.length > 0) return E.left(ps)
  return E.right(ledgerOfParts(rules, options, subjects, conflicts, arrivals, duplicates))
}
