// The ledger fold as it was before entries were stored in columns: one Entry or Skip object made as each
// decision is taken, through the engine's public `evaluateEvent`. The property tests check that the
// columns, read back as `entries` and `skips`, give exactly these objects (same keys in the same order).
import { evaluateEvent, initialState, type ActivityEvent, type CompiledRuleSet, type Decision, type SubjectId } from '../../src/rules/internal.js'
import type { Entry, Skip } from '../../src/ledger/internal.js'
import type { Points } from '../../src/core/internal.js'

const byInstantThenId = (a: ActivityEvent, b: ActivityEvent): number => (a.at !== b.at ? a.at - b.at : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** One subject's entries and skips, its events (ids unique) taken in (instant, id) order. */
export const eagerFold = (rs: CompiledRuleSet, subject: SubjectId, events: ReadonlyArray<ActivityEvent>): { entries: Array<Entry>; skips: Array<Skip> } => {
  const st = initialState(rs)
  const entries: Array<Entry> = []
  const skips: Array<Skip> = []
  for (const e of [...events].sort(byInstantThenId)) {
    const day = rs.calendar.dayNumber(e.at)
    const decisions: Array<Decision> = []
    evaluateEvent(rs, st, e, day, {}, (d) => decisions.push(d))
    const base = { event: e.id, eventType: e.type, subject, at: e.at }
    if (!decisions.some((d) => d._tag === 'Scored')) {
      for (const d of decisions) {
        if (d._tag !== 'Skipped') continue
        skips.push(d.rule === undefined ? { ...base, reason: d.reason } : { ...base, rule: d.rule.id, reason: d.reason })
      }
      continue
    }
    for (const d of decisions) {
      if (d._tag !== 'Scored') continue
      const entry: Entry = {
        id: `${e.id}#${d.rule.id}`,
        kind: d.requested < 0 ? 'deduct' : 'earn',
        subject,
        account: d.rule.account.id,
        event: e.id,
        eventType: e.type,
        rule: d.rule.id,
        at: e.at,
        day: rs.calendar.keyOfDay('day', day),
        requested: d.requested as Points,
        granted: d.granted as Points
      }
      entries.push(d.cut === undefined ? entry : { ...entry, cut: d.cut })
    }
  }
  return { entries, skips }
}
