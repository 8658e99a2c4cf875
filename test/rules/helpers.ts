import {
  compileRuleSetOrThrow,
  evaluateEvent,
  initialState,
  type ActivityEvent,
  type AttrValue,
  type RuleSetSpec,
  type SubjectAttrs,
  type SubjectId
} from '../../src/rules/internal.js'
import { instantOrThrow, type EventId } from '../../src/core/internal.js'

/** An event from readable parts (times with offsets). */
export const ev = (id: string, type: string, member: string, at: string, attrs: Record<string, AttrValue> = {}): ActivityEvent => ({
  id: id as EventId,
  type,
  member: member as SubjectId,
  at: instantOrThrow(at),
  attrs
})

export interface Outcome {
  readonly event: string
  readonly rule: string | undefined
  readonly result: string | number
  readonly requested?: number
  readonly cut?: string
}

/** Run a rule set's engine over events in the given order; one line per decision. */
export const runRules = (spec: RuleSetSpec, events: ReadonlyArray<ActivityEvent>, subject: SubjectAttrs = {}): Array<Outcome> => {
  const rs = compileRuleSetOrThrow(spec)
  const st = initialState(rs)
  const out: Array<Outcome> = []
  for (const e of events) {
    evaluateEvent(rs, st, e, rs.calendar.dayNumber(e.at), subject, (d) => {
      if (d._tag === 'Skipped') out.push({ event: e.id, rule: d.rule?.id, result: d.reason })
      else
        out.push(
          d.cut === undefined
            ? { event: e.id, rule: d.rule.id, result: d.granted, requested: d.requested }
            : { event: e.id, rule: d.rule.id, result: d.granted, requested: d.requested, cut: d.cut._tag === 'Cap' ? `${d.cut.scope}:${d.cut.per}:${d.cut.period}:${d.cut.max}` : `floor:${d.cut.floor}` }
        )
    })
  }
  return out
}

/** Granted points only, as [event, granted-or-reason]. */
export const results = (spec: RuleSetSpec, events: ReadonlyArray<ActivityEvent>, subject: SubjectAttrs = {}): Array<[string, string | number]> =>
  runRules(spec, events, subject).map((o) => [o.event, o.result])
