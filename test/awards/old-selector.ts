// The single-closure selection engine that src/awards/selection/ restructured (issue 19), kept
// verbatim (imports aside) as a test oracle: selector-oracle.test-prop.ts checks the new engine
// against it. Its original note follows.
/**
 * The selection engine behind `selectColumns` (select.ts) and `runAwards`
 * (run.ts); internal, not exported from the package index.
 *
 * Candidates are ordered lazily. Choosing the best few of 100,000 needs only
 * the ordered prefix that holds them: a quickselect finds the key below which
 * a few hundred candidates lie, and only those are sorted (by key, then under
 * `breakChain` by the tie-breaker chain and id, run by run). The prefix grows
 * when the selection reads further (per-unit quotas, large ties, near
 * misses); competition ranks deeper down come from one sorted copy of the
 * keys, made only when asked. The decisions are exactly those that sorting
 * everyone first gives: test/awards/lazy.test-prop.ts checks this engine
 * against the eager selection it replaced (kept there as eager-select.ts).
 *
 * @module
 */
import { orderByKey } from '../../src/ranking/internal.js'
import type { AwardSelection, DecisionReason, TiePolicy } from '../../src/awards/model.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** Reasons by number (the order `SelectionResultColumns.reason` indexes them). */
export const REASONS: ReadonlyArray<DecisionReason> = /*#__PURE__*/ Object.freeze([
  'criteria',
  'over-quota',
  'selected',
  'tie-included',
  'fallback',
  'tie-flagged',
  'tie-broken',
  'unit-quota',
  'below-threshold',
  'below-band',
  'fallback-tied'
] as const)

const R = { criteria: 0, overQuota: 1, selected: 2, tieIncluded: 3, fallback: 4, tieFlagged: 5, tieBroken: 6, unitQuota: 7, belowThreshold: 8, belowBand: 9, fallbackTied: 10 } as const
/** Outcome numbers. */
export const MISSED = 0
export const WON = 1
export const PENDING = 2
// A reason not decided while selecting: derived on demand by `reasonOf`.
const UNSET = 255

/** Candidates column by column; `unit` (quota unit numbers) is needed with `seats` or `fallback`. */
export interface Pool {
  readonly n: number
  readonly score: Float64Array
  readonly eligible: Uint8Array
  /** The k-th of `width` tie-breaker values of candidate i, smaller better, NaN worst (read only to order ties). */
  readonly chain: (i: number, k: number) => number
  readonly width: number
  readonly subject: (i: number) => string
  readonly unit?: Int32Array
  /** `keysOf(score, eligible, order)` when the caller made them already (in the same loop as the scores). */
  readonly keys?: Keys
}

/** Keys (smaller better: the score, negated under `desc`; no score +Infinity) and the eligible in ascending order. */
export interface Keys {
  readonly key: Float64Array
  readonly elig: Int32Array
}

export interface PoolOptions {
  readonly selection: AwardSelection
  readonly order: 'desc' | 'asc'
  readonly ties: TiePolicy
  /** Seats of a quota unit (by number); absent: no per-unit quota. */
  readonly seats?: (unit: number) => number
  readonly fallback?: boolean
}

/** The decisions, read per candidate. */
export interface Selected {
  /** The number of eligible candidates. */
  readonly of: number
  /** 0 missed, 1 won, 2 pending. */
  readonly outcome: Uint8Array
  /** Every candidate that won or is pending, in no particular order. */
  readonly chosen: ReadonlyArray<number>
  readonly reasonOf: (i: number) => number
  /** Competition rank by score among the eligible (NaN for the ineligible). */
  readonly rankOf: (i: number) => number
  /** Index into `grades`, −1 for none. */
  readonly gradeOf: (i: number) => number
  readonly grades: ReadonlyArray<string>
  /** The full order among the eligible: score, then the chain under `breakChain`, then id. */
  readonly compare: (a: number, b: number) => number
  /** The `k` missed eligible candidates placed best (by place in the order, then id). */
  readonly nearMisses: (k: number) => Array<number>
  /** The eligible in the full order (sorts them all). */
  readonly ordered: () => Int32Array
  /** Smaller is better; NaN scores are +Infinity. */
  readonly key: Float64Array
}

// -------------------------------------------------------------------------------------
// ordered prefix
// -------------------------------------------------------------------------------------

// The k-th smallest value of `a` (0-based), reordering `a` (Hoare's quickselect). Falls back to a
// full sort if partitions go badly, so it is never worse than O(m log m).
const kthSmallest = (a: Float64Array, k: number): number => {
  let lo = 0
  let hi = a.length - 1
  let budget = 2 * Math.ceil(Math.log2(a.length + 1)) + 8
  while (lo < hi) {
    if (budget-- === 0) {
      a.subarray(lo, hi + 1).sort()
      return a[k] as number
    }
    const pivot = a[(lo + hi) >>> 1] as number
    let i = lo
    let j = hi
    while (i <= j) {
      while ((a[i] as number) < pivot) i++
      while ((a[j] as number) > pivot) j--
      if (i <= j) {
        const t = a[i] as number
        a[i] = a[j] as number
        a[j] = t
        i++
        j--
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else return a[k] as number
  }
  return a[k] as number
}

interface Prefix {
  /** Makes at least the first `m` (or all) places final, always up to the end of a run of equal keys; returns how many are. */
  readonly ensure: (m: number) => number
  readonly order: () => Int32Array
  /** How many eligible have a key smaller than `v`. */
  readonly countBelow: (v: number) => number
}

// The eligible (`elig`, ascending) in order of key, then item number, then whatever `refine` does to each run of equal keys.
const prefixOf = (key: Float64Array, elig: Int32Array, refine: ((run: Int32Array) => void) | undefined): Prefix => {
  const of = elig.length
  let order: Int32Array = new Int32Array(0)
  let ready = 0
  let sortedKeys: Float64Array | undefined
  const finish = (xs: Int32Array): void => {
    orderByKey(key, xs)
    if (refine !== undefined) {
      for (let a = 0; a < xs.length; ) {
        let b = a + 1
        while (b < xs.length && key[xs[b] as number] === key[xs[a] as number]) b++
        if (b - a > 1) refine(xs.subarray(a, b))
        a = b
      }
    }
    order = xs
    ready = xs.length
  }
  let ks: Float64Array | undefined // the eligible keys, in whatever order quickselect left them
  const ensure = (m: number): number => {
    if (m <= ready || ready === of) return ready
    const want = Math.max(4 * m, 2 * ready, 64)
    if (4 * want >= of) {
      finish(elig.slice())
      return ready
    }
    // every eligible with a key up to the want-th smallest: the first places, whole runs included
    if (ks === undefined) {
      ks = new Float64Array(of)
      for (let k = 0; k < of; k++) ks[k] = key[elig[k] as number] as number
    }
    const t = kthSmallest(ks, want - 1)
    const sub = new Int32Array(of)
    let c = 0
    for (let k = 0; k < of; k++) {
      const i = elig[k] as number
      if ((key[i] as number) <= t) sub[c++] = i
    }
    finish(sub.slice(0, c))
    return ready
  }
  // first place in `xs` (sorted by key) whose key is not below v
  const lowerBound = (v: number, len: number, at: (k: number) => number): number => {
    let lo = 0
    let hi = len
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (at(mid) < v) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const countBelow = (v: number): number => {
    // the prefix holds every key up to its last one
    if (ready === of || (ready > 0 && v <= (key[order[ready - 1] as number] as number))) return lowerBound(v, ready, (k) => key[order[k] as number] as number)
    if (sortedKeys === undefined) {
      // the keys in order (a counting sort for integer keys: faster than a native sort of doubles)
      const byKey = orderByKey(key, elig.slice())
      sortedKeys = new Float64Array(of)
      for (let k = 0; k < of; k++) sortedKeys[k] = key[byKey[k] as number] as number
    }
    const s = sortedKeys
    return lowerBound(v, of, (k) => s[k] as number)
  }
  return { ensure, order: () => order, countBelow }
}

// -------------------------------------------------------------------------------------
// selection
// -------------------------------------------------------------------------------------

/**
 * Number the distinct values of `valueOf(0..n-1)` in first-seen order: each index's number, the values by
 * number, and the number of each value (per-unit quotas count seats by number, not by name).
 */
export const numberDistinct = <K>(n: number, valueOf: (i: number) => K): { readonly codes: Int32Array; readonly names: Array<K>; readonly numberOf: Map<K, number> } => {
  const codes = new Int32Array(n)
  const names: Array<K> = []
  const numberOf = new Map<K, number>()
  for (let i = 0; i < n; i++) {
    const v = valueOf(i)
    let k = numberOf.get(v)
    if (k === undefined) {
      k = names.length
      numberOf.set(v, k)
      names.push(v)
    }
    codes[i] = k
  }
  return { codes, names, numberOf }
}

/** The keys of a pool (see `Keys`); `sign` −1 for `desc`, 1 for `asc`. A small function of its own so its loops are optimised whole. */
export const keysOf = (score: Float64Array, eligible: Uint8Array, sign: number): Keys => {
  const n = score.length
  const key = new Float64Array(n)
  let of = 0
  for (let i = 0; i < n; i++) {
    const s = score[i] as number
    key[i] = Number.isNaN(s) ? Infinity : sign * s
    if (eligible[i] === 1) of++
  }
  const elig = new Int32Array(of)
  for (let i = 0, c = 0; i < n; i++) if (eligible[i] === 1) elig[c++] = i
  return { key, elig }
}

/**
 * Select winners: by score (then the chain under `breakChain`, then id),
 * within the selection's cap and the per-unit seats, ties at the boundary
 * by the policy, then the fallback per unit. Reads only as much of the order as it needs.
 */
export const selectPool =
  (options: PoolOptions) =>
  (pool: Pool): Selected => {
    const { selection, ties } = options
    const { n, score, chain, width } = pool
    const desc = options.order === 'desc'
    const sign = desc ? -1 : 1
    const breakChain = ties === 'breakChain'
    const { key, elig } = pool.keys ?? keysOf(score, pool.eligible, sign)
    const of = elig.length
    const chainCmp = (a: number, b: number): number => {
      for (let k = 0; k < width; k++) {
        const u = chain(a, k)
        const v = chain(b, k)
        const uu = Number.isNaN(u) ? Infinity : u
        const vv = Number.isNaN(v) ? Infinity : v
        if (uu !== vv) return uu < vv ? -1 : 1
      }
      return 0
    }
    const idCmp = (a: number, b: number): number => {
      const x = pool.subject(a)
      const y = pool.subject(b)
      return x < y ? -1 : x > y ? 1 : 0
    }
    const compare = (a: number, b: number): number => (key[a] as number) - (key[b] as number) || (breakChain ? chainCmp(a, b) : 0) || idCmp(a, b)
    // Under breakChain the chain and then the id order each run of equal scores (the item number keeps
    // the sort total); otherwise a run is taken or left whole, so its inner (item) order decides nothing.
    const prefix = prefixOf(key, elig, breakChain ? (run) => run.sort((a, b) => chainCmp(a, b) || idCmp(a, b) || a - b) : undefined)

    const better = (s: number, min: number): boolean => (desc ? s >= min : s <= min)
    const bands = selection._tag === 'Grades' ? [...selection.bands].sort((a, b) => (desc ? b.min - a.min : a.min - b.min)) : []
    const bandOf = (i: number): number => {
      const s = score[i] as number
      if (Number.isNaN(s)) return -1
      for (let b = 0; b < bands.length; b++) if (better(s, (bands[b] as { readonly min: number }).min)) return b
      return -1
    }
    // Passing the threshold or a band is monotone in the key: those who pass are a prefix of the order.
    const passes = (i: number): boolean => {
      if (selection._tag === 'Threshold') {
        const s = score[i] as number
        return !Number.isNaN(s) && better(s, selection.min)
      }
      return selection._tag === 'Grades' ? bandOf(i) >= 0 : true
    }
    const cap = selection._tag === 'Top' ? selection.n : selection._tag === 'Threshold' ? (selection.cap ?? Infinity) : Infinity
    const unit = pool.unit
    const unitOf = (i: number): number => (unit === undefined ? 0 : (unit[i] as number))
    const seatsOf = options.seats
    const seatCache = new Map<number, number>()
    const seats = (u: number): number => {
      if (seatsOf === undefined) return Infinity
      let s = seatCache.get(u)
      if (s === undefined) {
        s = seatsOf(u)
        seatCache.set(u, s)
      }
      return s
    }

    const outcome = new Uint8Array(n)
    const reason = new Uint8Array(n).fill(UNSET)
    const touched: Array<number> = [] // every candidate given a reason while selecting
    const taken = new Map<number, number>()
    let total = 0
    let lastWonKey: number | undefined
    let broke = false
    const overUnit = new Set<number>() // admitted beyond their unit's seats: a tie that includeAll keeps
    for (let k = 0; ; ) {
      const ready = prefix.ensure(k + 1)
      if (k >= ready) break
      const order = prefix.order()
      const first = order[k] as number
      if (!passes(first)) break
      // once every seat is taken, the rest stay 'over-quota' (or 'tie-broken' if tied with the last winner: see reasonOf)
      if (total >= cap) {
        broke = true
        break
      }
      let j = k + 1
      if (!breakChain) while (j < ready && key[order[j] as number] === key[first]) j++
      const group: Array<number> = []
      for (let m = k; m < j; m++) {
        group.push(order[m] as number)
        touched.push(order[m] as number)
      }
      k = j
      // per-unit quota
      let accepted: Array<number> = []
      // flag: the tied subjects of a unit with fewer seats left than them, held for the admin; decided
      // below with the rest of the group, so the order of units in the group does not matter (issue 16)
      const flagged: Array<number> = []
      let held = 0
      if (seatsOf === undefined) accepted = group
      else {
        const byUnit = new Map<number, Array<number>>()
        for (const i of group) {
          const u = unitOf(i)
          const xs = byUnit.get(u)
          if (xs === undefined) byUnit.set(u, [i])
          else xs.push(i)
        }
        for (const [u, xs] of byUnit) {
          const left = seats(u) - (taken.get(u) ?? 0)
          if (xs.length <= left) for (const i of xs) accepted.push(i)
          else if (left > 0 && ties === 'includeAll')
            for (const i of xs) {
              accepted.push(i)
              overUnit.add(i)
            }
          else if (left <= 0) for (const i of xs) reason[i] = R.unitQuota
          else {
            // flag (breakChain groups are single subjects): the unit's seats left are held for the admin
            for (const i of xs) flagged.push(i)
            held += left
            taken.set(u, seats(u))
          }
        }
      }
      if (flagged.length > 0) {
        if (held + accepted.length > cap - total) {
          // the group overflows the category's seats too: everyone in it is tied at the boundary
          for (const i of flagged.concat(accepted)) {
            outcome[i] = PENDING
            reason[i] = R.tieFlagged
          }
          total = cap
          continue
        }
        for (const i of flagged) {
          outcome[i] = PENDING
          reason[i] = R.tieFlagged
        }
        total += held
      }
      if (accepted.length === 0) continue
      const left = cap - total
      const tied = accepted.length > left && left > 0
      if (accepted.length <= left || (tied && ties === 'includeAll')) {
        for (const i of accepted) {
          outcome[i] = WON
          reason[i] = tied || overUnit.has(i) ? R.tieIncluded : R.selected
          if (seatsOf !== undefined) taken.set(unitOf(i), (taken.get(unitOf(i)) ?? 0) + 1)
        }
        total += accepted.length
        lastWonKey = key[accepted[0] as number]
      } else if (tied) {
        for (const i of accepted) {
          outcome[i] = PENDING
          reason[i] = R.tieFlagged
        }
        total = cap
      } else {
        for (const i of accepted) reason[i] = breakChain && key[i] === lastWonKey ? R.tieBroken : R.overQuota
      }
    }
    if (options.fallback === true && selection._tag === 'Threshold') {
      // A unit where no eligible candidate reached the threshold puts forward its best eligible (all tied
      // on its best score unless breakChain), while the category's cap has seats left: the units' bests
      // in the order of the selection. A unit where someone reached it has no fallback, even when the cap
      // left that someone out.
      const reached = new Set<number>()
      const best = new Map<number, Array<number>>()
      for (let k = 0; k < of; k++) {
        const i = elig[k] as number
        const u = unitOf(i)
        if (reached.has(u)) continue
        if (passes(i)) {
          reached.add(u)
          best.delete(u)
          continue
        }
        const xs = best.get(u)
        if (xs === undefined) {
          if (seats(u) > 0) best.set(u, [i])
        } else {
          const d = compare(i, xs[0] as number)
          if (key[i] === key[xs[0] as number] && !breakChain) xs.push(i)
          else if (d < 0) best.set(u, [i])
        }
      }
      for (const xs of best.values()) xs.sort(compare)
      const groups = [...best.values()].sort((x, y) => compare(x[0] as number, y[0] as number))
      for (let g = 0; g < groups.length && total < cap; ) {
        // units whose bests tie on score are one run (under breakChain each unit stands alone): it fits
        // whole or, past a seat, goes by the tie policy, as a tie at the quota boundary does
        let h = g + 1
        if (!breakChain) while (h < groups.length && key[(groups[h] as Array<number>)[0] as number] === key[(groups[g] as Array<number>)[0] as number]) h++
        const run = groups.slice(g, h)
        g = h
        let wanted = 0
        let seatsIn = 0
        let fits = true
        for (const xs of run) {
          const s = seats(unitOf(xs[0] as number))
          wanted += xs.length
          seatsIn += Math.min(xs.length, s)
          if (xs.length > s) fits = false
        }
        if (wanted > cap - total) fits = false
        const won = fits || ties === 'includeAll'
        for (const xs of run)
          for (const i of xs) {
            if (reason[i] === UNSET) touched.push(i)
            outcome[i] = won ? WON : PENDING
            reason[i] = fits ? R.fallback : won ? R.fallbackTied : R.tieFlagged
          }
        total += won ? wanted : Math.min(seatsIn, cap - total)
      }
    }

    const reasonOf = (i: number): number => {
      const r = reason[i] as number
      if (r !== UNSET) return r
      if (pool.eligible[i] !== 1) return R.criteria
      if (!passes(i)) return selection._tag === 'Grades' ? R.belowBand : R.belowThreshold
      return breakChain && broke && key[i] === lastWonKey ? R.tieBroken : R.overQuota
    }
    const rankOf = (i: number): number => (pool.eligible[i] === 1 ? 1 + prefix.countBelow(key[i] as number) : NaN)
    const gradeOf = (i: number): number => (pool.eligible[i] === 1 && selection._tag === 'Grades' ? bandOf(i) : -1)
    const nearMisses = (k: number): Array<number> => {
      const out: Array<Array<number>> = [] // [place, candidate]; place: the run's start unless breakChain
      for (let p = 0; out.length < k; ) {
        const ready = prefix.ensure(p + 1)
        if (p >= ready) break
        const order = prefix.order()
        let q = p + 1
        if (!breakChain) while (q < ready && key[order[q] as number] === key[order[p] as number]) q++
        for (let m = p; m < q; m++) if (outcome[order[m] as number] === MISSED) out.push([breakChain ? m : p, order[m] as number])
        p = q
      }
      out.sort((x, y) => (x[0] as number) - (y[0] as number) || idCmp(x[1] as number, y[1] as number))
      return out.slice(0, Math.max(0, k)).map((x) => x[1] as number)
    }
    const ordered = (): Int32Array => {
      prefix.ensure(of)
      return prefix.order()
    }
    return {
      of,
      outcome,
      chosen: touched.filter((i) => outcome[i] !== MISSED),
      reasonOf,
      rankOf,
      gradeOf,
      grades: bands.map((b) => b.grade),
      compare,
      nearMisses,
      ordered,
      key
    }
  }
