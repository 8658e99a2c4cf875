// A small park for the awards tests: park → branches b1 (groups g1, g2) and b2 (group g3); Q3 2021 in Shanghai.
import * as E from 'fp-ts/lib/Either.js'
import { decodeOrg, instantOrThrow, renderProblems, type Instant, type OrgTree } from '../../src/core/internal.js'
import { decodeAwardProgramme, type AwardProgramme } from '../../src/awards/internal.js'
import type { EntryLike, EventLike } from '../../src/ranking/internal.js'

export const orgOf = (input: unknown): OrgTree => {
  const r = decodeOrg(input)
  if (E.isLeft(r)) throw new Error(renderProblems(r.left))
  return r.right
}

export const org: OrgTree = orgOf({
  units: [
    { id: 'park', label: '园区', kind: 'park' },
    { id: 'b1', label: '一支部', kind: 'branch', parent: 'park' },
    { id: 'b2', label: '二支部', kind: 'branch', parent: 'park' },
    { id: 'g1', label: '一组', kind: 'group', parent: 'b1' },
    { id: 'g2', label: '二组', kind: 'group', parent: 'b1' },
    { id: 'g3', label: '三组', kind: 'group', parent: 'b2' }
  ],
  members: [
    { id: 'm1', unit: 'g1', label: '张三', partyMember: true, joined: '2015-03-01' },
    { id: 'm2', unit: 'g1', label: '李四', joined: '2021-02-10' },
    { id: 'm3', unit: 'g2', label: '王五', partyMember: true, roles: ['senior-leader'], joined: '2010-01-01' },
    { id: 'm4', unit: 'g2', label: '赵六', tags: ['post-expert'], joined: '2021-06-01' },
    { id: 'm5', unit: 'g3', label: '钱七', partyMember: true, cadre: true, joined: '2018-05-05' },
    { id: 'm6', unit: 'g3', label: '孙八', joined: '2019-09-09' }
  ]
})

/** Epoch ms of a Shanghai local time in 2021. */
export const day = (date: string, hour = 10): Instant => instantOrThrow(`2021-${date}T${String(hour).padStart(2, '0')}:00:00+08:00`)

export const entry = (subject: string, granted: number, date: string, hour = 10, eventType = 'article.read', account = 'study'): EntryLike => ({
  subject,
  account,
  at: day(date, hour),
  granted,
  eventType
})

let n = 0
export const event = (member: string, type: string, date: string, attrs?: Readonly<Record<string, number | string | boolean>>): EventLike => ({
  id: `e${n++}`,
  type,
  member,
  at: day(date),
  ...(attrs === undefined ? {} : { attrs })
})

/** The run instant used throughout: inside Q3 2021. */
export const RUN_AT = day('09-30', 12)

export const programmeOf = (json: unknown): AwardProgramme => {
  const r = decodeAwardProgramme(json)
  if (E.isLeft(r)) throw new Error(renderProblems(r.left))
  return r.right
}

/** A one-award programme around a category's JSON (label and period filled in). */
export const one = (award: Record<string, unknown>, extra: Record<string, unknown> = {}): AwardProgramme =>
  programmeOf({ ...extra, awards: [{ label: { en: 'Award', zh: '奖' }, subjects: 'members', period: 'quarter', ...award }] })
