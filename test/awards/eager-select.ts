// The selection as it was before it became lazy (src/awards/selector.ts, now src/awards/selection/): every eligible candidate
// sorted first, every column filled. Kept verbatim as the reference the lazy engine must agree with.
/**
 * Selection: from scored candidates to winners, under a selection (top N,
 * threshold with cap, grades, everyone), quotas per unit with a fallback,
 * and a stated policy for ties at a quota boundary. Never an arbitrary pick:
 * every order is by score, then (under `breakChain`) the tie-breaker chain,
 * then subject id, so the result does not depend on input order.
 *
 * @module
 */
import type { SelectionColumns, SelectionOptions, SelectionResultColumns } from '../../src/awards/select.js'

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const ascending = (idx: ReadonlyArray<number>): boolean => {
  for (let k = 1; k < idx.length; k++) if ((idx[k] as number) <= (idx[k - 1] as number)) return false
  return true
}

// Sort indices by a numeric key (smaller first) with native numeric sorts only:
// number the distinct keys, pack (key number × n + index) into one double, sort.
const sortByKey = (idx: Array<number>, key: Float64Array): void => {
  const m = idx.length
  if (m < 2) return
  const n = key.length
  // Integer keys in a small range (points): the key itself numbers the run; Infinity (no score) goes last.
  let lowest = Infinity
  let highest = -Infinity
  let integers = true
  for (let k = 0; k < m; k++) {
    const v = key[idx[k] as number] as number
    if (v === Infinity) continue
    if (!Number.isInteger(v)) {
      integers = false
      break
    }
    if (v < lowest) lowest = v
    if (v > highest) highest = v
  }
  if (integers && (lowest === Infinity || (highest - lowest + 2) * n <= Number.MAX_SAFE_INTEGER)) {
    const top = lowest === Infinity ? 0 : highest - lowest + 1
    // Few distinct integer keys (points, 0-100 scores): a counting sort, O(m + range), gives
    // the same (key, index) order as the packed sort below when the indices come ascending.
    if (top <= 4 * m + 1024 && ascending(idx)) {
      const start = new Int32Array(top + 2)
      for (let k = 0; k < m; k++) {
        const v = key[idx[k] as number] as number
        const b = (v === Infinity ? top : v - lowest) + 1
        start[b] = (start[b] as number) + 1
      }
      for (let b = 1; b < top + 2; b++) start[b] = (start[b] as number) + (start[b - 1] as number)
      const out = new Int32Array(m)
      for (let k = 0; k < m; k++) {
        const i = idx[k] as number
        const v = key[i] as number
        const b = v === Infinity ? top : v - lowest
        out[start[b] as number] = i
        start[b] = (start[b] as number) + 1
      }
      for (let k = 0; k < m; k++) idx[k] = out[k] as number
      return
    }
    const packed = new Float64Array(m)
    for (let k = 0; k < m; k++) {
      const i = idx[k] as number
      const v = key[i] as number
      packed[k] = (v === Infinity ? top : v - lowest) * n + i
    }
    packed.sort()
    for (let k = 0; k < m; k++) {
      const p = packed[k] as number
      idx[k] = p - Math.floor(p / n) * n
    }
    return
  }
  const ks = new Float64Array(m)
  for (let k = 0; k < m; k++) ks[k] = key[idx[k] as number] as number
  ks.sort()
  const distinct = new Float64Array(m)
  let d = 0
  for (let k = 0; k < m; k++) if (k === 0 || ks[k] !== ks[k - 1]) distinct[d++] = ks[k] as number
  const packed = new Float64Array(m)
  for (let k = 0; k < m; k++) {
    const i = idx[k] as number
    const v = key[i] as number
    let lo = 0
    let hi = d - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((distinct[mid] as number) < v) lo = mid + 1
      else hi = mid
    }
    packed[k] = lo * n + i
  }
  packed.sort()
  for (let k = 0; k < m; k++) {
    const p = packed[k] as number
    idx[k] = p - Math.floor(p / n) * n
  }
}

const R = { criteria: 0, overQuota: 1, selected: 2, tieIncluded: 3, fallback: 4, tieFlagged: 5, tieBroken: 6, unitQuota: 7, belowThreshold: 8, belowBand: 9, fallbackTied: 10 } as const
const WON = 1
const PENDING = 2

/**
 * Select winners among candidates given column by column (see `selectCandidates`, which it powers).
 *
 * @category constructors
 * @example
 * const out = selectColumns({ selection: { _tag: 'Top', n: 1 }, order: 'desc', ties: 'flag' })(cols)
 * out.outcome // => Uint8Array [1, 0]
 */
export const selectColumns =
  (options: SelectionOptions) =>
  (cols: SelectionColumns): SelectionResultColumns => {
    const { selection, ties } = options
    const { n, score, chains, width } = cols
    const sign = options.order === 'desc' ? -1 : 1
    const key = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      const s = score[i] as number
      key[i] = Number.isNaN(s) ? Infinity : sign * s
    }
    const chainCmp = (a: number, b: number): number => {
      for (let k = 0; k < width; k++) {
        const u = chains[a * width + k] as number
        const v = chains[b * width + k] as number
        const uu = Number.isNaN(u) ? Infinity : u
        const vv = Number.isNaN(v) ? Infinity : v
        if (uu !== vv) return uu < vv ? -1 : 1
      }
      return 0
    }
    const idCmp = (a: number, b: number): number => {
      const x = cols.subject(a)
      const y = cols.subject(b)
      return x < y ? -1 : x > y ? 1 : 0
    }
    const full = (a: number, b: number): number => (key[a] as number) - (key[b] as number) || (ties === 'breakChain' ? chainCmp(a, b) : 0) || idCmp(a, b)
    const sameGroup = (a: number, b: number): boolean => (ties === 'breakChain' ? full(a, b) === 0 : key[a] === key[b])
    const unitOf = (i: number): string => cols.quotaUnit(i) ?? ''

    const outcome = new Uint8Array(n)
    const reason = new Uint8Array(n) // 0: criteria
    const rank = new Float64Array(n).fill(NaN)
    const position = new Float64Array(n).fill(NaN)
    const grade = new Int32Array(n).fill(-1)
    const eligible: Array<number> = []
    for (let i = 0; i < n; i++) if (cols.eligible[i] === 1) eligible.push(i)
    sortByKey(eligible, key)
    const of = eligible.length
    // Under breakChain the chain and then the id order each run of equal scores;
    // otherwise a run is taken or left whole, so its inner order decides nothing.
    if (ties === 'breakChain') {
      for (let k = 0; k < of; ) {
        let j = k + 1
        while (j < of && key[eligible[j] as number] === key[eligible[k] as number]) j++
        if (j - k > 1) {
          // equal keys within a run: the chain, then the id, decide
          const run = eligible.slice(k, j).sort((a, b) => chainCmp(a, b) || idCmp(a, b))
          for (let m = k; m < j; m++) eligible[m] = run[m - k] as number
        }
        k = j
      }
    }
    // competition ranks by score; position: the place in that order (the start of the run when runs are whole)
    for (let k = 0; k < of; k++) {
      const i = eligible[k] as number
      const prev = k > 0 ? (eligible[k - 1] as number) : -1
      const r = prev >= 0 && key[prev] === key[i] ? (rank[prev] as number) : k + 1
      rank[i] = r
      position[i] = ties === 'breakChain' ? k : r - 1
      reason[i] = R.overQuota
    }
    const better = (s: number, min: number): boolean => (options.order === 'desc' ? s >= min : s <= min)
    const bands = selection._tag === 'Grades' ? [...selection.bands].sort((a, b) => (options.order === 'desc' ? b.min - a.min : a.min - b.min)) : []
    const passes: Array<number> = []
    for (const i of eligible) {
      const s = score[i] as number
      if (selection._tag === 'Threshold' && !(!Number.isNaN(s) && better(s, selection.min))) reason[i] = R.belowThreshold
      else if (selection._tag === 'Grades') {
        const band = Number.isNaN(s) ? -1 : bands.findIndex((b) => better(s, b.min))
        if (band < 0) reason[i] = R.belowBand
        else {
          grade[i] = band
          passes.push(i)
        }
      } else passes.push(i)
    }
    const cap = selection._tag === 'Top' ? selection.n : selection._tag === 'Threshold' ? (selection.cap ?? Infinity) : Infinity
    const unitQuota = options.unitQuota
    const taken = new Map<string, number>()
    const seats = (u: string): number => (unitQuota === undefined ? Infinity : unitQuota(u))
    let total = 0
    let lastWonKey: number | undefined
    const overUnit = new Set<number>() // issue #13: admitted beyond the unit's seats by a tie includeAll keeps
    for (let k = 0; k < passes.length; ) {
      // once every seat is taken, the rest stay 'over-quota' (or 'tie-broken' if tied with the last winner)
      if (total >= cap) {
        for (let m = k; m < passes.length && key[passes[m] as number] === lastWonKey && ties === 'breakChain'; m++) {
          if (reason[passes[m] as number] === R.overQuota) reason[passes[m] as number] = R.tieBroken
        }
        break
      }
      let j = k + 1
      while (j < passes.length && sameGroup(passes[k] as number, passes[j] as number)) j++
      const group = j === k + 1 ? [passes[k] as number] : passes.slice(k, j)
      k = j
      // per-unit quota
      let accepted: Array<number> = []
      const flagged: Array<number> = []
      let held = 0
      if (unitQuota === undefined) accepted = group
      else {
        const byUnit = new Map<string, Array<number>>()
        if (group.length === 1) byUnit.set(unitOf(group[0] as number), group)
        else
          for (const i of group) {
            const u = unitOf(i)
            const xs = byUnit.get(u)
            if (xs === undefined) byUnit.set(u, [i])
            else xs.push(i)
          }
        for (const [u, xs] of byUnit) {
          const left = seats(u) - (taken.get(u) ?? 0)
          if (xs.length <= left) accepted.push(...xs)
          else if (left <= 0) for (const i of xs) reason[i] = R.unitQuota
          else if (ties === 'includeAll')
            for (const i of xs) {
              accepted.push(i)
              overUnit.add(i)
            }
          else {
            // flag (breakChain groups are single subjects): the unit's seats left are held for the admin,
            // decided with the whole group (issue 16: the unit met first used to take the last seat)
            flagged.push(...xs)
            held += left
            taken.set(u, seats(u))
          }
        }
      }
      if (flagged.length > 0) {
        const all = held + accepted.length > cap - total
        for (const i of all ? flagged.concat(accepted) : flagged) {
          outcome[i] = PENDING
          reason[i] = R.tieFlagged
        }
        total = all ? cap : total + held
        if (all) continue
      }
      if (accepted.length === 0) continue
      const left = cap - total
      const tied = accepted.length > left && left > 0
      if (accepted.length <= left || (tied && ties === 'includeAll')) {
        for (const i of accepted) {
          outcome[i] = WON
          reason[i] = tied || overUnit.has(i) ? R.tieIncluded : R.selected
          if (unitQuota !== undefined) taken.set(unitOf(i), (taken.get(unitOf(i)) ?? 0) + 1)
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
        for (const i of accepted) reason[i] = ties === 'breakChain' && key[i] === lastWonKey ? R.tieBroken : R.overQuota
      }
    }
    if (options.fallback === true && selection._tag === 'Threshold') {
      // issue #13: only a unit where no eligible candidate reached the threshold has a fallback, and
      // fallbacks take seats under the cap (units by their best, in the order of the selection)
      const reached = new Set<string>()
      for (const i of eligible) if (reason[i] !== R.belowThreshold) reached.add(unitOf(i))
      const best = new Map<string, Array<number>>()
      for (const i of eligible) {
        const u = unitOf(i)
        // a unit already in `best` was checked with seats and nobody reaching the threshold when it went in
        const xs = best.get(u)
        if (xs !== undefined) {
          if (sameGroup(xs[0] as number, i)) xs.push(i)
          continue
        }
        if (reached.has(u) || seats(u) <= 0) continue
        best.set(u, [i])
      }
      // units by their best (ids decide among equal keys when runs are whole), and units whose bests
      // tie on score as one run that fits whole or goes by the tie policy
      const groups = [...best.values()].map((xs) => [...xs].sort(full)).sort((x, y) => full(x[0] as number, y[0] as number))
      for (let g = 0; g < groups.length && total < cap; ) {
        let h = g + 1
        while (h < groups.length && ties !== 'breakChain' && key[(groups[h] as Array<number>)[0] as number] === key[(groups[g] as Array<number>)[0] as number]) h++
        const run = groups.slice(g, h)
        g = h
        const wanted = run.reduce((t, xs) => t + xs.length, 0)
        const seatsIn = run.reduce((t, xs) => t + Math.min(xs.length, seats(unitOf(xs[0] as number))), 0)
        const fits = wanted <= cap - total && run.every((xs) => xs.length <= seats(unitOf(xs[0] as number)))
        const won = fits || ties === 'includeAll'
        for (const i of run.flat()) {
          outcome[i] = won ? WON : PENDING
          reason[i] = fits ? R.fallback : won ? R.fallbackTied : R.tieFlagged
        }
        total += won ? wanted : Math.min(seatsIn, cap - total)
      }
    }
    return { outcome, reason, rank, position, grade, grades: bands.map((b) => b.grade), of }
  }
