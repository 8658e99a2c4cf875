// Reading an operation log: instants as ISO text or epoch ms, every problem at its path or line:column.
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { renderProblem, type Problem } from '../../src/core/internal.js'
import { decodeBankOp, decodeBankOps, decodeBankOpsJsonl } from '../../src/bank/internal.js'

const where = (r: E.Either<ReadonlyArray<Problem>, unknown>): ReadonlyArray<string> => (E.isLeft(r) ? r.left.map((p) => renderProblem(p).split(': ')[0] as string) : [])

describe('decodeBankOp', () => {
  it('reads instants as ISO text with an offset or epoch ms', () => {
    const iso = decodeBankOp({ _tag: 'redeem', request: 'r-1', at: '2021-07-01T09:00:00+08:00', subject: 'm-1', account: 'moral', points: 5 })
    expect(iso).toEqual(E.right({ _tag: 'redeem', request: 'r-1', at: Date.UTC(2021, 6, 1, 1), subject: 'm-1', account: 'moral', points: 5 }))
    expect(decodeBankOp({ _tag: 'cancel', request: 'r-2', at: Date.UTC(2021, 6, 1), order: 'r-1' })).toEqual(E.right({ _tag: 'cancel', request: 'r-2', at: Date.UTC(2021, 6, 1), order: 'r-1' }))
  })

  it('reports each problem at its path: unknown tag, missing and unknown keys, types, nested actions and entries', () => {
    expect(where(decodeBankOp({ _tag: 'steal', request: 'r', at: 0 }))).toEqual(['$._tag'])
    expect(where(decodeBankOp({ _tag: 'redeem', request: 'r', at: '2021-07-01T09:00:00', subject: 'm-1', account: 'moral', points: 'five', extra: 1 }))).toEqual(['$.extra', '$.at', '$.points'])
    expect(where(decodeBankOp({ _tag: 'reserve', request: '', at: 0, subject: 'm-1', item: 'soap' }))).toEqual(['$.request', '$.quantity'])
    expect(where(decodeBankOp({ _tag: 'claim', request: 'r', at: 0, claim: 'c1', action: { _tag: 'approve', by: 'x' } }))).toEqual(['$.action.stage'])
    const entry = { id: 'e#r', kind: 'earn', subject: 'm-1', account: 'moral', event: 'e', eventType: 'login', rule: 'r', at: 0, day: '1970-01-01', requested: 3, granted: 2, cut: { _tag: 'Cap', scope: 'rule', per: 'day', period: '1970-01-01', max: 2 } }
    expect(E.isRight(decodeBankOp({ _tag: 'post', request: 'e#r', at: 0, entry }))).toBe(true)
    expect(where(decodeBankOp({ _tag: 'post', request: 'e#r', at: 0, entry: { ...entry, granted: 1.5, cut: { _tag: 'Cap', scope: 'team', per: 'day', period: 'x', max: 2 } } }))).toEqual(['$.entry.granted', '$.entry.cut.scope'])
  })
})

describe('operation logs', () => {
  it('an array: rejections at their index, the rest kept in order', () => {
    const b = decodeBankOps([{ _tag: 'expire', request: 'a', at: 0, subject: 'm-1', account: 'moral' }, { _tag: 'expire' }, { _tag: 'restock', request: 'c', at: 0, item: 'soap', quantity: 5 }])
    expect(b.values.map((op) => op.request)).toEqual(['a', 'c'])
    expect(b.rejections.map((r) => [r.index, r.problems.map((p) => renderProblem(p).split(': ')[0])])).toEqual([[1, ['$[1].request', '$[1].at', '$[1].subject', '$[1].account']]])
  })

  it('JSON Lines: a syntax error at file:line:column, a bad operation with its line and paths', () => {
    const text = ['{"_tag":"earn","request":"q1","at":0,"subject":"m-1","account":"moral","points":3}', '', '{"_tag":"earn",', '{"_tag":"earn","request":"q4","at":0,"subject":"m-1","account":"moral"}'].join('\r\n')
    const b = decodeBankOpsJsonl(text, 'ops.jsonl')
    expect(b.values.map((op) => op.request)).toEqual(['q1'])
    expect(b.rejections.map((r) => r.index)).toEqual([3, 4])
    expect(renderProblem(b.rejections[0]?.problems[0] as Problem)).toMatch(/^ops\.jsonl:3:\d+: /)
    expect(renderProblem(b.rejections[1]?.problems[0] as Problem)).toMatch(/^\$\.points: /)
  })
})
