/**
 * Milestone and streak badges: granted once, the moment they are reached,
 * and never revoked (a later reversal does not take a badge back). Granting
 * is a fold: the grants so far plus the entries give the grants now.
 *
 * @module
 */
import { calendar, DEFAULT_ZONE, type Instant, type Zone } from '../core/internal.js'
import type { EntryLike } from '../ranking/internal.js'
import type { BadgeSpec } from './model.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A badge granted to a subject: which badge, the level for a milestone, and when it was reached.
 *
 * @category model
 * @example
 * const g: BadgeGrant = { badge: 'study-milestone', subject: 'm1', level: 100, at: 1625106600000 as Instant }
 */
export interface BadgeGrant {
  readonly badge: string
  readonly subject: string
  readonly level?: number
  readonly at: Instant
}

/**
 * All grants (earlier ones kept, in the order given, then the new ones) and the new ones alone.
 *
 * @category model
 * @example
 * grantBadges(badges)([], entries).added.length // => 3
 */
export interface BadgeGrants {
  readonly grants: ReadonlyArray<BadgeGrant>
  readonly added: ReadonlyArray<BadgeGrant>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const keyOf = (g: { readonly badge: string; readonly subject: string; readonly level?: number }): string => JSON.stringify([g.badge, g.subject, g.level ?? null])

/**
 * Grant badges from entries: a milestone level when a subject's cumulative
 * points in the account first reach it; a streak when `days` consecutive local
 * days each reach `min` points (default 1). Grants already held are kept and
 * never granted twice. New grants are ordered by instant, badge, subject, level.
 *
 * @category constructors
 * @example
 * const { added } = grantBadges([{ _tag: 'Milestone', id: 'pts', label, account: 'study', levels: [10] }])([], entries)
 * added // => [{ badge: 'pts', subject: 'm1', level: 10, at: 1625106600000 }]
 */
export const grantBadges =
  (badges: ReadonlyArray<BadgeSpec>, zone: Zone = DEFAULT_ZONE) =>
  (previous: ReadonlyArray<BadgeGrant>, entries: ReadonlyArray<EntryLike>): BadgeGrants => {
    const held = new Set(previous.map(keyOf))
    const cal = calendar(zone)
    const accounts = new Set(badges.map((b) => b.account))
    // per account, per subject: entries sorted by instant
    const bySubject = new Map<string, Map<string, Array<EntryLike>>>()
    for (const e of entries) {
      if (!accounts.has(e.account)) continue
      let m = bySubject.get(e.account)
      if (m === undefined) bySubject.set(e.account, (m = new Map()))
      const xs = m.get(e.subject)
      if (xs === undefined) m.set(e.subject, [e])
      else xs.push(e)
    }
    const added: Array<BadgeGrant> = []
    const add = (g: BadgeGrant): void => {
      const k = keyOf(g)
      if (held.has(k)) return
      held.add(k)
      added.push(g)
    }
    for (const b of badges) {
      for (const [subject, raw] of bySubject.get(b.account) ?? []) {
        const xs = [...raw].sort((x, y) => x.at - y.at)
        if (b._tag === 'Milestone') {
          let sum = 0
          let next = 0
          for (const e of xs) {
            sum += e.granted
            while (next < b.levels.length && sum >= (b.levels[next] as number)) {
              add({ badge: b.id, subject, level: b.levels[next] as number, at: e.at as Instant })
              next++
            }
          }
        } else {
          const min = b.min ?? 1
          const days = new Map<number, { total: number; reached?: number }>()
          for (const e of xs) {
            const d = cal.dayNumber(e.at as Instant)
            const cur = days.get(d) ?? { total: 0 }
            cur.total += e.granted
            if (cur.total >= min && cur.reached === undefined) cur.reached = e.at
            days.set(d, cur)
          }
          let run = 0
          let last = NaN
          for (const d of [...days.keys()].sort((x, y) => x - y)) {
            const v = days.get(d) as { total: number; reached?: number }
            if (v.total < min || v.reached === undefined) {
              run = 0
              continue
            }
            run = d === last + 1 ? run + 1 : 1
            last = d
            if (run >= b.days) {
              add({ badge: b.id, subject, at: v.reached as Instant })
              break
            }
          }
        }
      }
    }
    added.sort((x, y) => x.at - y.at || cmp(x.badge, y.badge) || cmp(x.subject, y.subject) || (x.level ?? 0) - (y.level ?? 0))
    return { grants: [...previous, ...added], added }
  }

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
