/**
 * The claims' steps: submit a claim to a process, and step it through its
 * review stages (claims.ts holds the state machine; here it is kept in the
 * store, with each step's outcome for its receipt).
 *
 * @module
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'
import { text } from '../core/internal.js'
import type { SubjectId } from '../rules/internal.js'
import { type Handler } from './checks.js'
import { stepClaim, submitClaim } from './claims.js'
import { actionProblem, attrsProblem } from './opcheck.js'
import { AT, fail, said, where } from './outcome.js'

const NEW_CLAIM_ID = said('a claim id not used before', '未使用过的申报标识')
const A_CLAIM = said('the id of a submitted claim', '已提交申报的标识')
const A_CLAIM_OF_PROCESS = said('a claim of a configured process', '已配置流程的申报')
const A_PROCESS_NAME = said('the id of a claim process (string)', '申报流程标识（字符串）')
const A_CLAIM_ID = said('a claim id (string)', '申报标识（字符串）')
const A_NAME = said('a non-empty string', '非空字符串')

// -------------------------------------------------------------------------------------
// steps
// -------------------------------------------------------------------------------------

export const submit: Handler<'submit'> = (st, op, log, _request, t, who) => {
  const name = op.process
  if (typeof name !== 'string') return fail('type', AT.process, A_PROCESS_NAME, name)
  // An own key only: `toString` is no claim process.
  const process = Object.prototype.hasOwnProperty.call(st.config.processes, name) ? st.config.processes[name] : undefined
  if (process === undefined) {
    const known = Object.keys(st.config.processes).join(', ')
    return fail('reference', AT.process, text(`one of the claim processes ${known}`, `已配置的申报流程：${known}`), op.process)
  }
  const id = op.claim
  if (typeof id !== 'string') return fail('type', AT.claim, A_CLAIM_ID, id)
  if (st.claims.get(id) !== undefined) return fail('duplicate', AT.claim, NEW_CLAIM_ID, id)
  const beneficiary = op.beneficiary
  if (beneficiary !== undefined && (typeof beneficiary !== 'string' || beneficiary.length === 0)) return fail('type', where('beneficiary'), A_NAME, beneficiary)
  const attrs = op.attrs
  const badAttrs = attrsProblem(attrs)
  if (badAttrs !== undefined) return badAttrs
  const input = { id, member: who as SubjectId, ...(beneficiary === undefined ? {} : { beneficiary }), ...(attrs === undefined ? {} : { attrs }) }
  const c = submitClaim(process, input, t)
  if (E.isLeft(c)) return c.left
  st.claims.set(c.right.id, c.right)
  st.claimOut.set(log, { claim: c.right })
  return undefined
}

export const claim: Handler<'claim'> = (st, op, log, _request, t) => {
  const id = op.claim
  const c = typeof id === 'string' ? st.claims.get(id) : undefined
  if (c === undefined) return fail('reference', AT.claim, A_CLAIM, id)
  const action = op.action
  const badAction = actionProblem(action)
  if (badAction !== undefined) return badAction
  const process = st.config.processes[c.process]
  if (process === undefined) return fail('reference', AT.claim, A_CLAIM_OF_PROCESS, c.process)
  let stepper = st.steppers.get(c.process)
  if (stepper === undefined) {
    stepper = stepClaim(process, st.config.zone)
    st.steppers.set(c.process, stepper)
  }
  const r = stepper(c, action, t)
  if (E.isLeft(r)) return r.left
  st.claims.set(c.id, r.right.claim)
  st.claimOut.set(log, r.right)
  return undefined
}
