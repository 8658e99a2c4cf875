/**
 * Per-unit quotas: each quota unit (by number) has its seats, counted as
 * winners take them. A tied group meeting a unit with fewer seats left than
 * its members is split by unit: those that fit are accepted, a unit already
 * full leaves its members out (`unit-quota`), and otherwise the tie policy
 * decides: `includeAll` admits them beyond the unit's seats, `flag` holds the
 * unit's seats left for an admin (decided with the rest of the group by
 * ties.ts `flagHeld`, so the order of units in the group does not matter).
 *
 * @module
 */
import { R } from './reasons.js'

/** The quota units and their seats. */
export interface Quota {
  /** Whether seats are counted per unit (false: only the category's cap counts). */
  readonly perUnit: boolean
  readonly unitOf: (i: number) => number
  /** Seats of a unit (Infinity without per-unit quotas), asked once per unit. */
  readonly seats: (u: number) => number
  /** Seats taken per unit. */
  readonly taken: Map<number, number>
  /** Candidates admitted beyond their unit's seats: a tie that `includeAll` keeps. */
  readonly overUnit: Set<number>
}

/** The quota of a pool: `unit` the candidates' unit numbers, `seatsOf` the seats of a unit (absent: none per unit). */
export const quotaOf = (unit: Int32Array | undefined, seatsOf: ((u: number) => number) | undefined): Quota => {
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
  return { perUnit: seatsOf !== undefined, unitOf: (i) => (unit === undefined ? 0 : (unit[i] as number)), seats, taken: new Map(), overUnit: new Set() }
}

/** A group split by its units' seats: the accepted, and the flagged with the seats held for them. */
export interface Split {
  readonly accepted: Array<number>
  readonly flagged: Array<number>
  readonly held: number
}

/** A winner takes a seat of its unit. */
export const takeSeat = (q: Quota, i: number): void => {
  if (q.perUnit) q.taken.set(q.unitOf(i), (q.taken.get(q.unitOf(i)) ?? 0) + 1)
}

/**
 * Split a group of equal places by its units' seats left (see the module note); members of a full
 * unit get `unit-quota` in `reason`. Without per-unit quotas the whole group is accepted.
 */
export const splitByUnit = (group: Array<number>, q: Quota, includeAll: boolean, reason: Uint8Array): Split => {
  if (!q.perUnit) return { accepted: group, flagged: [], held: 0 }
  const byUnit = new Map<number, Array<number>>()
  for (const i of group) {
    const u = q.unitOf(i)
    const xs = byUnit.get(u)
    if (xs === undefined) byUnit.set(u, [i])
    else xs.push(i)
  }
  const accepted: Array<number> = []
  const flagged: Array<number> = []
  let held = 0
  for (const [u, xs] of byUnit) {
    const left = q.seats(u) - (q.taken.get(u) ?? 0)
    if (xs.length <= left) for (const i of xs) accepted.push(i)
    else if (left > 0 && includeAll)
      for (const i of xs) {
        accepted.push(i)
        q.overUnit.add(i)
      }
    else if (left <= 0) for (const i of xs) reason[i] = R['unit-quota']
    else {
      // flag (breakChain groups are single subjects): the unit's seats left are held for the admin
      for (const i of xs) flagged.push(i)
      held += left
      q.taken.set(u, q.seats(u))
    }
  }
  return { accepted, flagged, held }
}
