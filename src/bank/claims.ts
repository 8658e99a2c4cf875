/**
 * Claims as a pure state machine driven by `now`: a member claims a good
 * deed, an essay or an externally reported score; the claim passes its
 * process's stages (the person helped confirms, a reviewer approves, then a
 * public notice of N days during which anyone may object) and ends approved
 * (yielding an activity event for the ledger) or rejected with reasons.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, calendar, eventId, memberId, problem, text, type EventId, type Instant, type Problem, type Zone } from '../core/internal.js'
import type { ActivityEvent, AttrValue, SubjectId } from '../rules/internal.js'
import type { ClaimProcess, ClaimStage } from './config.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Where a claim is: at a confirmation or review stage (`open`), in its
 * public notice (`notice`), in its notice with objections to decide
 * (`disputed`), or done.
 *
 * @category model
 * @example
 * claimOf(bank, 'c1')?.status // => 'notice'
 */
export type ClaimStatus = 'open' | 'notice' | 'disputed' | 'approved' | 'rejected'

/**
 * One step of a claim's history (the audit trail: nothing is edited away).
 *
 * @category model
 * @example
 * // { action: 'approve', at: 1625468400000, by: 'grandma-li', stage: 'helped' }
 */
export interface ClaimStep {
  readonly action: 'submit' | 'approve' | 'reject' | 'object' | 'settle'
  readonly at: Instant
  readonly by?: string
  /** The stage the action was taken at. */
  readonly stage?: string
  readonly note?: string
}

/**
 * A claim and its progress.
 *
 * @category model
 * @example
 * claimOf(bank, 'c1')?.history.map((h) => h.action) // => ['submit', 'approve', 'approve']
 */
export interface Claim {
  readonly id: string
  readonly process: string
  readonly member: SubjectId
  /** The person helped, who must make any confirmation (anyone may, if absent). */
  readonly beneficiary?: string
  /** Evidence and details, passed on to the approval event's attributes. */
  readonly attrs: Readonly<Record<string, AttrValue>>
  readonly status: ClaimStatus
  /** Index of the current stage (equals the number of stages once approved). */
  readonly stage: number
  /** When the public notice ends (exclusive), while in notice. */
  readonly noticeEnds?: Instant
  readonly objections: ReadonlyArray<{ readonly by: string; readonly at: Instant; readonly reason: string }>
  /** Why it was rejected. */
  readonly reasons?: ReadonlyArray<string>
  readonly history: ReadonlyArray<ClaimStep>
}

/**
 * What can happen to a claim. `approve` names the stage approved (so a
 * repeated approval is caught); during a dispute it dismisses the
 * objections. `settle` ends a notice whose window has passed.
 *
 * @category model
 * @example
 * const a: ClaimAction = { _tag: 'object', by: 'neighbour-zhao', reason: 'I did the shopping' }
 */
export type ClaimAction =
  | { readonly _tag: 'approve'; readonly stage: string; readonly by: string; readonly note?: string }
  | { readonly _tag: 'reject'; readonly by: string; readonly reasons: ReadonlyArray<string> }
  | { readonly _tag: 'object'; readonly by: string; readonly reason: string }
  | { readonly _tag: 'settle' }

/**
 * A claim after an action, and the event its approval yields.
 *
 * @category model
 * @example
 * E.isRight(r) && r.right.event?.type // => 'deed.approved' once the notice is settled
 */
export interface ClaimOutcome {
  readonly claim: Claim
  readonly event?: ActivityEvent
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Submit a claim for a process at `now`.
 *
 * @category constructors
 * @example
 * const c = submitClaim(deed, { id: 'c1', member: 'm-1', beneficiary: 'grandma-li' }, now)
 * E.isRight(c) && c.right.status // => 'open'
 */
export const submitClaim = (
  process: ClaimProcess,
  input: {
    readonly id: string
    readonly member: string
    readonly beneficiary?: string
    readonly attrs?: Readonly<Record<string, AttrValue>>
  },
  now: Instant
): E.Either<Problem, Claim> => {
  const ev = eventId(`claim:${input.id}`, ['claim'])
  if (E.isLeft(ev)) return E.left(problem('format', at(['claim']), text('a claim id of at most 194 characters, no control characters', '不超过 194 个字符、不含控制字符的申报标识'), input.id))
  const who = memberId(input.member, ['member'])
  if (E.isLeft(who)) return who
  const member: SubjectId = who.right
  const base = {
    id: input.id,
    process: process.id,
    member,
    attrs: input.attrs ?? {},
    status: 'open' as const,
    stage: 0,
    objections: [],
    history: [{ action: 'submit' as const, at: now, by: member }]
  }
  return E.right(input.beneficiary === undefined ? base : { ...base, beneficiary: input.beneficiary })
}

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

const stateError = (path: ReadonlyArray<string>, expected: string, zh: string, got: unknown): Problem =>
  problem('state', at(path), text(expected, zh), got)

const approved = (process: ClaimProcess, claim: Claim, now: Instant, step: ClaimStep): ClaimOutcome => {
  const done: Claim = { ...claim, status: 'approved', stage: process.stages.length, history: [...claim.history, step] }
  const event: ActivityEvent = {
    id: `claim:${claim.id}` as EventId,
    type: process.eventType,
    member: claim.member,
    at: now,
    attrs: { ...claim.attrs, claim: claim.id, process: process.id }
  }
  return { claim: done, event }
}

/**
 * When a notice posted at `now` ends: `days` full local days after the day
 * it was posted (posted on Monday afternoon with 3 days, it ends at Friday 00:00).
 *
 * @category utilities
 * @example
 * noticeEnd(instantOrThrow('2021-07-05T15:00:00+08:00'), 3, DEFAULT_ZONE) // => instant of 2021-07-09T00:00:00+08:00
 */
export const noticeEnd = (now: Instant, days: number, zone: Zone): Instant => {
  const cal = calendar(zone)
  return cal.startOfDay(cal.dayNumber(now) + days + 1)
}

/**
 * Apply an action to a claim at `now`. Errors (approving twice, a stage out
 * of turn, an objection after the notice window, acting on a finished
 * claim, ...) are values; the claim is then unchanged.
 *
 * @category combinators
 * @example
 * const r = stepClaim(deed, DEFAULT_ZONE)(claim, { _tag: 'approve', stage: 'helped', by: 'grandma-li' }, now)
 * E.isRight(r) && r.right.claim.stage // => 1
 */
export const stepClaim =
  (process: ClaimProcess, zone: Zone) =>
  (claim: Claim, action: ClaimAction, now: Instant): E.Either<Problem, ClaimOutcome> => {
    if (claim.status === 'approved' || claim.status === 'rejected') {
      return E.left(stateError(['claim'], `a claim still in progress (claim ${claim.id} is already ${claim.status})`, `仍在进行中的申报（申报 ${claim.id} 已${claim.status === 'approved' ? '通过' : '驳回'}）`, action._tag))
    }
    const inNotice = claim.status === 'notice' || claim.status === 'disputed'
    const ends = claim.noticeEnds
    const windowClosed = inNotice && ends !== undefined && now >= ends
    const stage = process.stages[claim.stage] as ClaimStage
    switch (action._tag) {
      case 'settle': {
        if (!inNotice || ends === undefined) return E.left(stateError(['action'], 'a claim in its public notice', '处于公示期的申报', claim.status))
        if (!windowClosed) return E.left(stateError(['at'], `an instant at or after the notice's end ${calendar(zone).format(ends)}`, `公示结束（${calendar(zone).format(ends)}）之后的时刻`, calendar(zone).format(now)))
        if (claim.status === 'disputed') {
          return E.left(stateError(['action'], 'a decision on the objections (approve or reject) before settling', '先对异议作出决定（通过或驳回）', claim.objections.length))
        }
        return E.right(approved(process, claim, now, { action: 'settle', at: now, stage: stage.id }))
      }
      case 'object': {
        if (!inNotice || ends === undefined) return E.left(stateError(['action'], 'an objection only during the public notice', '仅在公示期内提出异议', claim.status))
        if (windowClosed) return E.left(stateError(['at'], `an objection before the notice ends at ${calendar(zone).format(ends)}`, `公示结束（${calendar(zone).format(ends)}）之前的异议`, calendar(zone).format(now)))
        if (action.reason.trim() === '') return E.left(problem('range', at(['action', 'reason']), text('a reason for the objection', '异议理由'), action.reason))
        return E.right({
          claim: {
            ...claim,
            status: 'disputed',
            objections: [...claim.objections, { by: action.by, at: now, reason: action.reason }],
            history: [...claim.history, { action: 'object', at: now, by: action.by, stage: stage.id, note: action.reason }]
          }
        })
      }
      case 'reject': {
        if (action.reasons.length === 0 || action.reasons.some((r) => r.trim() === '')) {
          return E.left(problem('range', at(['action', 'reasons']), text('at least one non-empty reason', '至少一条非空理由'), action.reasons))
        }
        if (claim.status === 'notice' && windowClosed) {
          return E.left(stateError(['at'], `a rejection before the notice ends at ${calendar(zone).format(ends as Instant)} (no objection was made)`, `公示结束前的驳回（无人提出异议）`, calendar(zone).format(now)))
        }
        return E.right({
          claim: {
            ...claim,
            status: 'rejected',
            reasons: action.reasons,
            history: [...claim.history, { action: 'reject', at: now, by: action.by, stage: stage.id, note: action.reasons.join('; ') }]
          }
        })
      }
      case 'approve': {
        const step: ClaimStep = action.note === undefined ? { action: 'approve', at: now, by: action.by, stage: action.stage } : { action: 'approve', at: now, by: action.by, stage: action.stage, note: action.note }
        if (action.stage !== stage.id) {
          const passed = process.stages.findIndex((s) => s.id === action.stage)
          return E.left(
            passed >= 0 && passed < claim.stage
              ? stateError(['action', 'stage'], `the current stage ${stage.id} (stage ${action.stage} was already approved)`, `当前阶段 ${stage.id}（阶段 ${action.stage} 已通过）`, action.stage)
              : problem('reference', at(['action', 'stage']), text(`the current stage ${stage.id}`, `当前阶段 ${stage.id}`), action.stage)
          )
        }
        if (stage.kind === 'notice') {
          if (claim.status !== 'disputed') {
            return E.left(
              windowClosed
                ? stateError(['at'], `an approval before the notice ended at ${calendar(zone).format(ends as Instant)} (settle it instead)`, `公示结束前的审批（请改为结算）`, calendar(zone).format(now))
                : stateError(['action'], 'no approval during an undisputed notice: it ends by itself', '无异议的公示期无需审批，到期自动通过', stage.id)
            )
          }
          // Objections dismissed: the claim is approved.
          return E.right(approved(process, claim, now, step))
        }
        if (stage.kind === 'confirmation' && claim.beneficiary !== undefined && action.by !== claim.beneficiary) {
          return E.left(problem('reference', at(['action', 'by']), text(`the person helped, ${claim.beneficiary}`, `受助人 ${claim.beneficiary}`), action.by))
        }
        if (stage.kind === 'review' && action.by === claim.member) {
          return E.left(problem('conflict', at(['action', 'by']), text('a reviewer other than the claimant', '申报人以外的审核人'), action.by))
        }
        const next = process.stages[claim.stage + 1]
        if (next === undefined) return E.right(approved(process, claim, now, step))
        const advanced: Claim = { ...claim, stage: claim.stage + 1, history: [...claim.history, step] }
        return E.right({
          claim: next.kind === 'notice' ? { ...advanced, status: 'notice', noticeEnds: noticeEnd(now, next.days, zone) } : advanced
        })
      }
    }
  }
