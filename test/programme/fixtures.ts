// A whole programme as an administrator writes it: the daily-study rules plus a moral account with a
// good-deed rule and a deduction, the bank's shop and deed claims, a board and two awards.
import { dailyStudy } from '../../src/rules/internal.js'

type Spec = { readonly accounts: ReadonlyArray<unknown>; readonly rules: ReadonlyArray<unknown>; readonly groups?: ReadonlyArray<unknown> }

/** A fresh copy each call (tests edit it). */
export const programmeJson = () => programmeOf(JSON.parse(JSON.stringify(dailyStudy())) as Spec)

const programmeOf = (study: Spec) => ({
  version: 1,
  title: { en: 'Park study programme 2021', zh: '园区 2021 学习方案' },
  zone: 'Asia/Shanghai',
  rules: {
    accounts: [...study.accounts, { id: 'moral', label: { en: 'Moral points', zh: '道德积分' }, floor: null }],
    rules: [
      ...study.rules,
      { id: 'deed', account: 'moral', on: ['deed.approved'], amount: { per: 'action', points: 5 } },
      { id: 'absent', account: 'moral', on: ['violation.recorded'], amount: { per: 'action', points: -3 } }
    ],
    groups: study.groups ?? []
  },
  bank: {
    accounts: [{ id: 'moral', expiryMonths: 12 }],
    items: [{ id: 'soap', label: { en: 'Soap', zh: '肥皂' }, account: 'moral', price: 5, stock: 40 }],
    claims: [{ id: 'deed', eventType: 'deed.approved', stages: [{ kind: 'review', id: 'review' }, { kind: 'notice', id: 'notice', days: 3 }] }]
  },
  awards: {
    boards: { study: { subjects: 'members', metric: { kind: 'points', account: 'study' }, lists: { red: { count: 3 } } } },
    awards: [
      { id: 'star', label: { en: 'Learning Star', zh: '学习之星' }, subjects: 'members', period: 'quarter', by: 'points:study', selection: { kind: 'top', n: 2 },
        tieBreakers: [{ figure: 'reachedAt:study', order: 'asc' }] },
      { id: 'moral-model', label: { en: 'Moral Model', zh: '道德模范' }, subjects: 'members', period: 'year', by: 'points:moral', selection: { kind: 'top', n: 1 },
        criteria: { all: [{ redList: 'study' }, { figure: 'points:moral', op: 'gte', value: 10 }] } }
    ],
    badges: [{ kind: 'milestone', id: 'points', label: { en: 'Points', zh: '积分里程碑' }, account: 'study', levels: [100, 500] }]
  }
})
