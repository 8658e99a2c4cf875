/**
 * What the selection engine reads and what it answers: candidates column by
 * column (`Pool`), the options of a category (`PoolOptions`) and the
 * decisions read per candidate (`Selected`); with the two column builders
 * callers share (`keysOf`, `numberDistinct`).
 *
 * @module
 */
import type { AwardSelection, TiePolicy } from '../model.js'

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
