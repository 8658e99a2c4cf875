import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { instantOrThrow, text } from '../../src/core/internal.js'
import { grantBadges, honorRoll, honorRollCsv, honorRollJson, honorRollMarkdown, runAwards, type AwardRun, type BadgeSpec, type HonorRoll } from '../../src/awards/internal.js'
import { entry, one, org, RUN_AT } from './fixture.js'

const label = text('Badge', '徽章')

describe('milestone and streak badges', () => {
  const milestone: BadgeSpec = { _tag: 'Milestone', id: 'pts', label, account: 'study', levels: [10, 50, 100] }
  const streak: BadgeSpec = { _tag: 'Streak', id: 'three', label, account: 'study', days: 3 }

  it('a milestone level is granted when the cumulative total first reaches it, at that instant', () => {
    const es = [entry('m1', 8, '07-01'), entry('m1', 5, '07-02'), entry('m1', 40, '07-03'), entry('m2', 9, '07-01')]
    const { added } = grantBadges([milestone])([], es)
    expect(added).toEqual([
      { badge: 'pts', subject: 'm1', level: 10, at: es[1]?.at },
      { badge: 'pts', subject: 'm1', level: 50, at: es[2]?.at }
    ])
  })

  it('granted once and never revoked: a later reversal keeps the badge; a second pass adds nothing', () => {
    const es = [entry('m1', 12, '07-01')]
    const first = grantBadges([milestone])([], es)
    const again = grantBadges([milestone])(first.grants, [...es, entry('m1', -12, '07-02', 10, 'reversal')])
    expect(again.grants).toEqual(first.grants)
    expect(again.added).toEqual([])
    const more = grantBadges([milestone])(first.grants, [...es, entry('m1', 40, '07-05')])
    expect(more.added.map((g) => g.level)).toEqual([50])
    expect(more.grants).toHaveLength(2)
  })

  it('a streak needs consecutive local days (Asia/Shanghai), each with points', () => {
    // 07-02 23:30 Shanghai is still 07-02 locally (15:30 UTC)
    const run = [entry('m1', 1, '07-01'), entry('m1', 1, '07-02', 23), entry('m1', 1, '07-03', 7)]
    expect(grantBadges([streak])([], run).added).toEqual([{ badge: 'three', subject: 'm1', at: run[2]?.at }])
    const gap = [entry('m2', 1, '07-01'), entry('m2', 1, '07-02'), entry('m2', 1, '07-04'), entry('m2', 1, '07-05')]
    expect(grantBadges([streak])([], gap).added).toEqual([])
    const zeroDay = [entry('m3', 1, '07-01'), entry('m3', 1, '07-02'), entry('m3', 1, '07-03'), entry('m3', -1, '07-03', 12)]
    expect(grantBadges([streak])([], zeroDay).added).toEqual([])
  })
})

describe('honor roll', () => {
  const es = [entry('m1', 50, '07-01'), entry('m2', 40, '07-02'), entry('m4', 40, '07-03'), entry('m5', 10, '07-04')]
  const runWith = (entries = es, ties = 'flag'): AwardRun => {
    const p = one({ id: 'star', label: { en: 'Learning Star', zh: '学习之星' }, by: 'points:study', selection: { kind: 'top', n: 2 }, ties })
    const r = runAwards(p)({ org, entries, at: RUN_AT })
    if (E.isLeft(r)) throw new Error('run')
    return r.right
  }
  const notice = { from: instantOrThrow('2021-10-08T00:00:00+08:00'), to: instantOrThrow('2021-10-15T00:00:00+08:00') }
  const rollOf = (run: AwardRun, previous?: HonorRoll): HonorRoll => {
    const r = honorRoll(run, notice, previous === undefined ? {} : { previous })
    if (E.isLeft(r)) throw new Error('roll')
    return r.right
  }

  it('lists winners and pending ties per category, with changes against the previous roll', () => {
    const before = rollOf(runWith([entry('m5', 90, '07-01'), entry('m1', 50, '07-01')], 'includeAll'))
    expect(before.categories[0]?.entries.map((e) => [e.subject, e.status])).toEqual([['m5', 'won'], ['m1', 'won']])
    const now = rollOf(runWith(), before)
    const c = now.categories[0]
    expect(c?.entries.map((e) => [e.subject, e.status])).toEqual([['m1', 'won'], ['m2', 'pending'], ['m4', 'pending']])
    expect([c?.added, c?.removed, c?.kept]).toEqual([[], ['m5'], ['m1']])
  })

  it('a notice window that does not end after it starts is refused', () => {
    const r = honorRoll(runWith(), { from: notice.to, to: notice.from })
    expect(E.isLeft(r) && r.left[0]?.at).toEqual({ _tag: 'JsonPath', segments: ['notice', 'to'] })
  })

  it('renders as JSON that reads back', () => {
    const roll = rollOf(runWith())
    expect(JSON.parse(honorRollJson(roll))).toEqual(JSON.parse(JSON.stringify(roll)))
  })

  it('renders as Markdown in Chinese and English', () => {
    const roll = rollOf(runWith(), rollOf(runWith([entry('m5', 90, '07-01')])))
    const zh = honorRollMarkdown(roll)
    expect(zh.split('\n').slice(0, 5)).toEqual(['# 光荣榜', '', '公示期：2021-10-08 至 2021-10-14', '', '## 学习之星（2021-Q3）'])
    expect(zh).toContain('| 1 | 张三 (m1) | 入选 | 入选：第 1 名（共 6 名），points:study = 50 |')
    expect(zh).toContain('| 2 | 李四 (m2) | 待定 | 名额边界并列：待管理员决定：第 2 名（共 6 名），points:study = 40 |')
    expect(zh).toContain('新增：张三 (m1)；不再上榜：钱七 (m5)')
    const en = honorRollMarkdown(roll, 'en')
    expect(en).toContain('## Learning Star (2021-Q3)')
    expect(en).toContain('Notice period: 2021-10-08 to 2021-10-14')
    expect(en).toContain('new: 张三 (m1); no longer listed: 钱七 (m5)')
  })

  it('renders as CSV with quoting, formula guards and removed rows', () => {
    const roll = rollOf(runWith(), rollOf(runWith([entry('m5', 90, '07-01')])))
    const lines = honorRollCsv(roll).split('\r\n')
    expect(lines[0]).toBe('award,award_zh,award_en,period,subject,label,status,change,rank,score,grade,why_en,why_zh')
    expect(lines[1]).toBe('star,学习之星,Learning Star,2021-Q3,m1,张三,won,new,1,50,,"selected: rank 1 of 6, points:study = 50",入选：第 1 名（共 6 名），points:study = 50')
    expect(lines[4]).toBe('star,学习之星,Learning Star,2021-Q3,m5,钱七,removed,removed,,,,,')
    expect(lines[5]).toBe('')
    const tricky: HonorRoll = { ...roll, categories: [{ ...(roll.categories[0] as HonorRoll['categories'][number]), entries: [{ subject: '=cmd', label: 'a "b", c', status: 'won', text: text('x', 'y') }], removed: [] }] }
    expect(honorRollCsv(tricky).split('\r\n')[1]).toBe(`star,学习之星,Learning Star,2021-Q3,'=cmd,"a ""b"", c",won,kept,,,,x,y`)
  })
})
