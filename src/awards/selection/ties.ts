/**
 * Ties: the order among equal scores and the tie policy at a boundary.
 *
 * Order: by key (the score, smaller better after negation under `desc`); under
 * `breakChain` equal keys go by the tie-breaker chain (each link smaller
 * better, NaN worst) and then the subject id, so every candidate has a place
 * of its own; otherwise a run of equal keys is one place, taken or left whole.
 *
 * Policy, when a run of equal places holds more candidates than the seats
 * left: `includeAll` admits them all (`tie-included`), `flag` holds the seats
 * for an admin (`tie-flagged`, pending), and under `breakChain` the order
 * already decided (those after the last winner on its score are `tie-broken`).
 *
 * @module
 */
import type { TiePolicy } from '../model.js'
import type { Pool } from './pool.js'
import { takeSeat, type Quota, type Split } from './quota.js'
import { PENDING, R, WON } from './reasons.js'
import type { Tally } from './tally.js'

/** The order of a pool and its tie policy. */
export interface Ties {
  readonly key: Float64Array
  readonly breakChain: boolean
  readonly includeAll: boolean
  /** By subject id. */
  readonly idCmp: (a: number, b: number) => number
  /** The full order among the eligible: key, then the chain under `breakChain`, then id. */
  readonly compare: (a: number, b: number) => number
  /** What orders a run of equal keys (under `breakChain`: the chain, the id, the item number), or nothing. */
  readonly refine: ((run: Int32Array) => void) | undefined
}

/** The order and tie policy of a pool, over its keys. */
export const tiesOf = (pool: Pool, key: Float64Array, ties: TiePolicy): Ties => {
  const { chain, width } = pool
  const breakChain = ties === 'breakChain'
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
  const refine = breakChain ? (run: Int32Array) => void run.sort((a, b) => chainCmp(a, b) || idCmp(a, b) || a - b) : undefined
  return { key, breakChain, includeAll: ties === 'includeAll', idCmp, compare, refine }
}

/** The end of the place starting at `k` of `order` (`ready` places final): one candidate under `breakChain`, else the run of equal keys. */
export const placeEnd = (t: Ties, order: Int32Array, k: number, ready: number): number => {
  let j = k + 1
  if (!t.breakChain) while (j < ready && t.key[order[j] as number] === t.key[order[k] as number]) j++
  return j
}

const pend = (tally: Tally, xs: ReadonlyArray<number>): void => {
  for (const i of xs) {
    tally.outcome[i] = PENDING
    tally.reason[i] = R['tie-flagged']
  }
}

/**
 * The flagged of a split (seats of their units held for an admin) are pending; if the group then
 * overflows the category's seats too, everyone in it is tied at the boundary: all pending, the cap
 * taken, and `true` (the group is decided).
 */
export const flagHeld = (split: Split, cap: number, tally: Tally): boolean => {
  if (split.held + split.accepted.length > cap - tally.total) {
    pend(tally, split.flagged.concat(split.accepted))
    tally.total = cap
    return true
  }
  pend(tally, split.flagged)
  tally.total += split.held
  return false
}

/**
 * The accepted of a group at the category's cap: all win if they fit; a tie across the boundary
 * goes by the policy (`includeAll` all win, `flag` all pending); with no seat left they are
 * `over-quota`, or `tie-broken` when the chain placed them after winners on the same score.
 */
export const decideAtCap = (t: Ties, accepted: ReadonlyArray<number>, cap: number, q: Quota, tally: Tally): void => {
  const left = cap - tally.total
  const tied = accepted.length > left && left > 0
  if (accepted.length <= left || (tied && t.includeAll)) {
    for (const i of accepted) {
      tally.outcome[i] = WON
      tally.reason[i] = tied || q.overUnit.has(i) ? R['tie-included'] : R.selected
      takeSeat(q, i)
    }
    tally.total += accepted.length
    tally.lastWonKey = t.key[accepted[0] as number]
  } else if (tied) {
    pend(tally, accepted)
    tally.total = cap
  } else {
    for (const i of accepted) tally.reason[i] = t.breakChain && t.key[i] === tally.lastWonKey ? R['tie-broken'] : R['over-quota']
  }
}
