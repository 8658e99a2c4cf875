import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { applyOps, checkBankConfigOrThrow, claimOf, emptyBank, noticeEnd, stepClaim, submitClaim, type Claim, type ClaimAction, type ClaimProcess } from '../../src/bank/internal.js'
import { DEFAULT_ZONE, instantOrThrow, renderProblem, type Instant } from '../../src/core/internal.js'
import { balanceOfOrThrow, foldLedger } from '../../src/ledger/internal.js'
import { account, compileRuleSetOrThrow, inAccount, perAction, ruleSet, type SubjectId } from '../../src/rules/internal.js'
import { DEED_CLAIM } from './arbitrary.js'

const deed: ClaimProcess = DEED_CLAIM
const T = (s: string): Instant => instantOrThrow(s)
const M1 = 'm-1' as SubjectId
const step = stepClaim(deed, DEFAULT_ZONE)

/** Run actions that must succeed. */
const go = (c: Claim, ...acts: ReadonlyArray<readonly [ClaimAction, Instant]>): Claim =>
  acts.reduce((claim, [a, now]) => {
    const r = step(claim, a, now)
    if (E.isLeft(r)) throw new Error(renderProblem(r.left))
    return r.right.claim
  }, c)
const err = (c: Claim, a: ClaimAction, now: Instant): string => {
  const r = step(c, a, now)
  return E.isLeft(r) ? renderProblem(r.left) : 'accepted'
}

const submitted = (() => {
  const r = submitClaim(deed, { id: 'c1', member: M1, beneficiary: 'grandma-li', attrs: { points: 5, evidence: 'photo-17' } }, T('2021-07-05T10:00:00+08:00'))
  if (E.isLeft(r)) throw new Error('submit')
  return r.right
})()
const helped: readonly [ClaimAction, Instant] = [{ _tag: 'approve', stage: 'helped', by: 'grandma-li' }, T('2021-07-05T11:00:00+08:00')]
const reviewed: readonly [ClaimAction, Instant] = [{ _tag: 'approve', stage: 'review', by: 'reviewer-wang' }, T('2021-07-05T15:00:00+08:00')]
const onNotice = go(submitted, helped, reviewed)

describe('claims: a pure state machine driven by now', () => {
  it('passes confirmation and review, then a 3-day public notice, then is approved with an event', () => {
    expect(submitted).toMatchObject({ status: 'open', stage: 0 })
    expect(onNotice.status).toBe('notice')
    // Posted Monday 15:00 with 3 days: Tuesday, Wednesday and Thursday in full; ends Friday 00:00.
    expect(onNotice.noticeEnds).toBe(T('2021-07-09T00:00:00+08:00'))
    expect(noticeEnd(T('2021-07-05T15:00:00+08:00'), 3, DEFAULT_ZONE)).toBe(T('2021-07-09T00:00:00+08:00'))
    expect(err(onNotice, { _tag: 'settle' }, T('2021-07-08T23:59:59+08:00'))).toBe(
      '$.at: expected an instant at or after the notice\'s end 2021-07-09T00:00:00.000+08:00, got "2021-07-08T23:59:59.000+08:00"'
    )
    const r = step(onNotice, { _tag: 'settle' }, T('2021-07-09T00:00:00+08:00'))
    expect(E.isRight(r) && r.right.claim.status).toBe('approved')
    expect(E.isRight(r) && r.right.event).toEqual({
      id: 'claim:c1',
      type: 'deed.approved',
      member: M1,
      at: T('2021-07-09T00:00:00+08:00'),
      attrs: { points: 5, evidence: 'photo-17', claim: 'c1', process: 'deed' }
    })
    expect(E.isRight(r) && r.right.claim.history.map((h) => [h.action, h.by ?? null, h.stage ?? null])).toEqual([
      ['submit', 'm-1', null],
      ['approve', 'grandma-li', 'helped'],
      ['approve', 'reviewer-wang', 'review'],
      ['settle', null, 'notice']
    ])
  })

  it('the approval event earns points through the ledger', () => {
    const r = step(onNotice, { _tag: 'settle' }, T('2021-07-09T00:00:00+08:00'))
    const rs = compileRuleSetOrThrow(ruleSet([account('moral')], [inAccount('moral')(perAction('deed', 'deed.approved', 5))]))
    const book = foldLedger(rs)(E.isRight(r) && r.right.event !== undefined ? [r.right.event] : [])
    expect(balanceOfOrThrow(book, M1)).toBe(5)
  })

  it('refuses approving twice, a stage out of turn, the wrong confirmer, and self-review', () => {
    const afterHelped = go(submitted, helped)
    expect(err(afterHelped, helped[0], helped[1])).toBe('$.action.stage: expected the current stage review (stage helped was already approved), got "helped"')
    expect(err(submitted, reviewed[0], reviewed[1])).toBe('$.action.stage: expected the current stage helped, got "review"')
    expect(err(submitted, { _tag: 'approve', stage: 'helped', by: 'm-1' }, helped[1])).toBe('$.action.by: expected the person helped, grandma-li, got "m-1"')
    expect(err(afterHelped, { _tag: 'approve', stage: 'review', by: 'm-1' }, reviewed[1])).toBe(
      '$.action.by: expected a reviewer other than the claimant, got "m-1"'
    )
  })

  it('objections only during the notice; a disputed claim needs a decision', () => {
    const during = T('2021-07-07T12:00:00+08:00')
    const disputed = go(onNotice, [{ _tag: 'object', by: 'neighbour-zhao', reason: 'I did the shopping' }, during])
    expect(disputed.status).toBe('disputed')
    expect(disputed.objections).toEqual([{ by: 'neighbour-zhao', at: during, reason: 'I did the shopping' }])
    expect(err(disputed, { _tag: 'settle' }, T('2021-07-10T00:00:00+08:00'))).toBe('$.action: expected a decision on the objections (approve or reject) before settling, got 1')
    const upheld = go(disputed, [{ _tag: 'reject', by: 'reviewer-wang', reasons: ['objection upheld'] }, T('2021-07-10T09:00:00+08:00')])
    expect(upheld).toMatchObject({ status: 'rejected', reasons: ['objection upheld'] })
    const dismissed = step(disputed, { _tag: 'approve', stage: 'notice', by: 'reviewer-wang' }, T('2021-07-10T09:00:00+08:00'))
    expect(E.isRight(dismissed) && [dismissed.right.claim.status, dismissed.right.event?.type]).toEqual(['approved', 'deed.approved'])
    expect(err(onNotice, { _tag: 'object', by: 'x', reason: 'late' }, T('2021-07-09T00:00:00+08:00'))).toBe(
      '$.at: expected an objection before the notice ends at 2021-07-09T00:00:00.000+08:00, got "2021-07-09T00:00:00.000+08:00"'
    )
    expect(err(submitted, { _tag: 'object', by: 'x', reason: 'early' }, helped[1])).toBe('$.action: expected an objection only during the public notice, got "open"')
  })

  it('refuses approving after the notice window, acting on a finished claim, and a rejection without reasons', () => {
    expect(err(onNotice, { _tag: 'approve', stage: 'notice', by: 'reviewer-wang' }, T('2021-07-09T08:00:00+08:00'))).toBe(
      '$.at: expected an approval before the notice ended at 2021-07-09T00:00:00.000+08:00 (settle it instead), got "2021-07-09T08:00:00.000+08:00"'
    )
    const done = go(onNotice, [{ _tag: 'settle' }, T('2021-07-09T00:00:00+08:00')])
    expect(err(done, { _tag: 'approve', stage: 'notice', by: 'r' }, T('2021-07-09T01:00:00+08:00'))).toBe(
      '$.claim: expected a claim still in progress (claim c1 is already approved), got "approve"'
    )
    expect(err(submitted, { _tag: 'reject', by: 'r', reasons: [] }, helped[1])).toBe('$.action.reasons: expected at least one non-empty reason, got []')
    expect(err(submitted, { _tag: 'reject', by: 'r', reasons: [' '] }, helped[1])).toBe('$.action.reasons: expected at least one non-empty reason, got [" "]')
  })
})

describe('claims in the bank', () => {
  const cfg = checkBankConfigOrThrow({ accounts: [{ id: 'moral' }], claims: [deed] })

  it('runs a claim through bank operations, idempotent by request id, yielding the event in the receipt', () => {
    const { bank, results } = applyOps(emptyBank(cfg), [
      { _tag: 'submit', request: 's1', at: T('2021-07-05T10:00:00+08:00'), claim: 'c1', process: 'deed', member: M1, beneficiary: 'grandma-li' },
      { _tag: 'claim', request: 'a1', at: helped[1], claim: 'c1', action: helped[0] },
      { _tag: 'claim', request: 'a1', at: helped[1], claim: 'c1', action: helped[0] }, // a retry: same receipt
      { _tag: 'claim', request: 'a2', at: helped[1], claim: 'c1', action: helped[0] }, // approving twice: refused
      { _tag: 'claim', request: 'a3', at: reviewed[1], claim: 'c1', action: reviewed[0] },
      { _tag: 'claim', request: 'a4', at: T('2021-07-09T00:00:00+08:00'), claim: 'c1', action: { _tag: 'settle' } },
      { _tag: 'submit', request: 's2', at: T('2021-07-09T00:00:00+08:00'), claim: 'c1', process: 'deed', member: M1 },
      { _tag: 'submit', request: 's3', at: T('2021-07-09T00:00:00+08:00'), claim: 'c2', process: 'essay', member: M1 }
    ])
    expect(results.map((r) => (E.isRight(r) ? 'ok' : r.left.code))).toEqual(['ok', 'ok', 'ok', 'state', 'ok', 'ok', 'duplicate', 'reference'])
    expect(results[2]).toEqual(results[1])
    const settled = results[5]
    expect(settled !== undefined && E.isRight(settled) && settled.right.event?.id).toBe('claim:c1')
    expect(claimOf(bank, 'c1')?.status).toBe('approved')
  })
})
