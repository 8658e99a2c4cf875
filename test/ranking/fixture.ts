// A small park for the ranking tests: park → branch b1 (groups g1, g2) and enterprise e1 (group g3, empty group g4).
import * as E from 'fp-ts/lib/Either.js'
import { decodeOrg, instantOrThrow, renderProblems, type OrgTree } from '../../src/core/internal.js'
import { type EntryLike, type EventLike } from '../../src/ranking/internal.js'

export const org: OrgTree = (() => {
  const r = decodeOrg({
    units: [
      { id: 'park', label: '园区', kind: 'park' },
      { id: 'b1', label: '一支部', kind: 'branch', parent: 'park' },
      { id: 'e1', label: '企业一', kind: 'enterprise', parent: 'park' },
      { id: 'g1', label: '一组', kind: 'group', parent: 'b1' },
      { id: 'g2', label: '二组', kind: 'group', parent: 'b1' },
      { id: 'g3', label: '三组', kind: 'group', parent: 'e1' },
      { id: 'g4', label: '四组', kind: 'group', parent: 'e1' }
    ],
    members: [
      { id: 'm1', unit: 'g1', label: '张三' },
      { id: 'm2', unit: 'g1' },
      { id: 'm3', unit: 'g2' },
      { id: 'm4', unit: 'g2' },
      { id: 'm5', unit: 'g3' },
      { id: 'm6', unit: 'g3' }
    ]
  })
  if (E.isLeft(r)) throw new Error(renderProblems(r.left))
  return r.right
})()

/** Epoch ms of a Shanghai local time on a July 2021 day. */
export const july = (day: number, hour = 10): number => instantOrThrow(`2021-07-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`)

export const entry = (subject: string, granted: number, day: number, account = 'study', eventType = 'article.read'): EntryLike => ({
  subject,
  account,
  at: july(day),
  granted,
  eventType
})

let n = 0
export const quiz = (member: string, correct: number, total: number, day: number): EventLike => ({
  id: `q${n++}`,
  type: 'quiz.completed',
  member,
  at: july(day),
  attrs: { correct, total, score: correct * 10, maxScore: total * 10, accuracy: correct / total }
})

export const event = (member: string, type: string, day: number): EventLike => ({ id: `e${n++}`, type, member, at: july(day) })
