// `npm run demo`: the source park's month, as the reading room would post it.
// Deterministic per seed: `npm run demo -- <seed>`.
import * as E from 'fp-ts/lib/Either.js'
import { parsePeriodKey, type Period } from 'moral-bank/core'
import { computeBoard, redBlack } from 'moral-bank/ranking'
import { allEntries, balanceOf } from 'moral-bank/ledger'
import type { SubjectId } from 'moral-bank/rules'
import { simulatePark } from './park-sim.js'

const seed = process.argv[2] ?? 'yantan-2021'
const park = simulatePark(seed)
const july = (parsePeriodKey('2021-07') as E.Right<Period>).right
const entries = allEntries(park.ledger)
const label = (id: string): string => park.org.memberById.get(id as never)?.label ?? park.org.unitById.get(id as never)?.label ?? id

console.log(`沿滩高新区 · 2021 年 7 月 (seed ${seed})`)
console.log(`${park.org.units.filter((u) => u.kind === 'enterprise').length} enterprises, ${park.org.units.filter((u) => u.kind === 'group').length} work groups, ${park.org.members.length} members; ${park.events.length} activity events, ${park.rounds} quiz rounds, ${entries.length} ledger entries\n`)

const board = computeBoard({ subjects: 'members', metric: { kind: 'points', account: 'study' }, period: july })({ org: park.org, entries })
if (E.isLeft(board)) throw new Error('board')
console.log('学习积分榜 Study-score board, top 10')
for (const r of board.right.rows.slice(0, 10)) console.log(`  ${String(r.rank).padStart(3)}  ${label(r.subject).padEnd(10)} ${String(r.score).padStart(5)}${r.tie === undefined ? '' : '  (tied)'}`)

const groups = computeBoard({ subjects: 'units', unitKind: 'group', aggregate: 'perCapita', metric: { kind: 'points', account: 'study' }, period: july })({ org: park.org, entries })
if (E.isLeft(groups)) throw new Error('groups')
const lists = redBlack({ red: { count: 3 }, black: { count: 3 } })(groups.right)
if (E.isLeft(lists)) throw new Error('lists')
console.log('\n红黑榜 Work groups by per-capita study points')
for (const e of lists.right.red) console.log(`  红榜 red    ${label(e.subject).padEnd(14)} ${e.score.toFixed(1)} per member (rank ${e.rank})`)
for (const e of lists.right.black) console.log(`  黑榜 black  ${label(e.subject).padEnd(14)} ${e.score.toFixed(1)} per member (rank ${e.rank})`)

const moral = park.org.members
  .map((m) => ({ id: m.id, points: balanceOf(park.ledger, m.id as unknown as SubjectId, 'moral' as never) }))
  .filter((m) => m.points !== 0)
  .sort((a, b) => b.points - a.points || (a.id < b.id ? -1 : 1))
console.log(`\n道德银行 Moral Bank: ${moral.length} members with moral points; top 5`)
for (const m of moral.slice(0, 5)) console.log(`  ${label(m.id).padEnd(10)} ${m.points}`)
