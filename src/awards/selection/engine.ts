/**
 * The selection engine behind `selectColumns` (select.ts) and `runAwards`
 * (run.ts); internal, not exported from the package index. It composes the
 * parts, each in its own file: the selection kind (strategy.ts and one file
 * per kind), per-unit quotas (quota.ts), ties (ties.ts), the unit fallback
 * (fallback.ts), the lazily ordered prefix (prefix.ts) and the reasons (reasons.ts).
 *
 * The decisions are exactly those that sorting everyone first gives:
 * test/awards/lazy.test-prop.ts checks this engine against the eager
 * selection it replaced (kept there as eager-select.ts), and
 * test/awards/selector-oracle.test-prop.ts against the single-closure engine
 * this one restructured (kept as old-selector.ts).
 *
 * @module
 */
import { fallBack } from './fallback.js'
import { strategyOf } from './kinds.js'
import { keysOf, type Pool, type PoolOptions, type Selected } from './pool.js'
import { prefixOf, type Prefix } from './prefix.js'
import { quotaOf, splitByUnit, type Quota } from './quota.js'
import { MISSED, R, UNSET } from './reasons.js'
import type { Strategy } from './strategy.js'
import { tallyOf, type Tally } from './tally.js'
import { decideAtCap, flagHeld, placeEnd, tiesOf, type Ties } from './ties.js'

// One place of the order (a run of equal keys, or one candidate under breakChain): split by the
// units' seats, the flagged held, the accepted decided at the category's cap.
const decidePlace = (group: Array<number>, cap: number, q: Quota, t: Ties, tally: Tally): void => {
  const split = splitByUnit(group, q, t.includeAll, tally.reason)
  if (split.flagged.length > 0 && flagHeld(split, cap, tally)) return
  if (split.accepted.length > 0) decideAtCap(t, split.accepted, cap, q, tally)
}

// Place by place down the order while candidates qualify and seats are left; reads only the
// prefix of the order it reaches. Once every seat is taken, the rest stay 'over-quota' (or
// 'tie-broken' if tied with the last winner: see `reasonOf`).
const admit = (prefix: Prefix, s: Strategy, q: Quota, t: Ties, tally: Tally): void => {
  for (let k = 0; ; ) {
    const ready = prefix.ensure(k + 1)
    if (k >= ready) break
    const order = prefix.order()
    if (!s.passes(order[k] as number)) break
    if (tally.total >= s.cap) {
      tally.broke = true
      break
    }
    const j = placeEnd(t, order, k, ready)
    const group: Array<number> = []
    for (let m = k; m < j; m++) {
      group.push(order[m] as number)
      tally.touched.push(order[m] as number)
    }
    k = j
    decidePlace(group, s.cap, q, t, tally)
  }
}

// The `k` missed eligible candidates placed best: by place in the order (a run's start unless
// breakChain), then id.
const nearMissesOf = (prefix: Prefix, t: Ties, outcome: Uint8Array, k: number): Array<number> => {
  const out: Array<Array<number>> = [] // [place, candidate]
  for (let p = 0; out.length < k; ) {
    const ready = prefix.ensure(p + 1)
    if (p >= ready) break
    const order = prefix.order()
    const q = placeEnd(t, order, p, ready)
    for (let m = p; m < q; m++) if (outcome[order[m] as number] === MISSED) out.push([t.breakChain ? m : p, order[m] as number])
    p = q
  }
  out.sort((x, y) => (x[0] as number) - (y[0] as number) || t.idCmp(x[1] as number, y[1] as number))
  return out.slice(0, Math.max(0, k)).map((x) => x[1] as number)
}

// The decisions, read per candidate.
const selectedOf = (pool: Pool, elig: Int32Array, prefix: Prefix, s: Strategy, t: Ties, tally: Tally): Selected => {
  const { key } = t
  const reasonOf = (i: number): number => {
    const r = tally.reason[i] as number
    if (r !== UNSET) return r
    if (pool.eligible[i] !== 1) return R.criteria
    if (!s.passes(i)) return s.failed
    return t.breakChain && tally.broke && key[i] === tally.lastWonKey ? R['tie-broken'] : R['over-quota']
  }
  return {
    of: elig.length,
    outcome: tally.outcome,
    chosen: tally.touched.filter((i) => tally.outcome[i] !== MISSED),
    reasonOf,
    rankOf: (i) => (pool.eligible[i] === 1 ? 1 + prefix.countBelow(key[i] as number) : NaN),
    gradeOf: (i) => (pool.eligible[i] === 1 ? s.gradeOf(i) : -1),
    grades: s.grades,
    compare: t.compare,
    nearMisses: (k) => nearMissesOf(prefix, t, tally.outcome, k),
    ordered: () => {
      prefix.ensure(elig.length)
      return prefix.order()
    },
    key
  }
}

/**
 * Select winners: by score (then the chain under `breakChain`, then id),
 * within the selection's cap and the per-unit seats, ties at the boundary
 * by the policy, then the fallback per unit. Reads only as much of the order as it needs.
 */
export const selectPool =
  (options: PoolOptions) =>
  (pool: Pool): Selected => {
    const desc = options.order === 'desc'
    const { key, elig } = pool.keys ?? keysOf(pool.score, pool.eligible, desc ? -1 : 1)
    const t = tiesOf(pool, key, options.ties)
    const prefix = prefixOf(key, elig, t.refine)
    const s = strategyOf(options.selection, pool.score, desc)
    const q = quotaOf(pool.unit, options.seats)
    const tally = tallyOf(pool.n)
    admit(prefix, s, q, t, tally)
    if (options.fallback === true && s.fallback) fallBack(elig, s.passes, s.cap, q, t, tally)
    return selectedOf(pool, elig, prefix, s, t, tally)
  }
