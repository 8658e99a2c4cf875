// `npm run demo`: the source park's month, as the reading room would post it:
// the programme it ran under, the study-score board, the work groups' red and
// black lists, the Moral Bank and its love supermarket, and the honor roll with
// the reason for every award. Deterministic per seed: `npm run demo -- <seed>`.
//
// It also writes the month's files (programme, organisation, events, host tables, the supermarket's
// operations) to a folder (`--out DIR`, demo-out/<seed> by default) and prints the `moral-bank run`
// command that posts the same honor roll from them.
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { balanceOfOrThrow } from 'moral-bank/ledger'
import { honorRollMarkdown } from 'moral-bank/awards'
import { allOrders, bankBalance, stockOf } from 'moral-bank/bank'
import { simulatePark } from './park-sim.js'
import { writeParkFiles } from './park-files.js'

const args = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } })
const seed = args.positionals[0] ?? 'yantan-2021'
const park = simulatePark(seed)
const dir = args.values.out ?? join('demo-out', seed)

writeParkFiles(park, dir)
const label = (id: string): string => park.org.memberById.get(id)?.label ?? park.org.unitById.get(id)?.label ?? id
const unitOf = (id: string): string => label(park.org.memberById.get(id)?.unit ?? '')

console.log(`# 沿滩高新区 · 2021 年 7 月 (seed ${seed})\n`)
console.log(
  `${park.org.units.filter((u) => u.kind === 'enterprise').length} enterprises, ${park.org.units.filter((u) => u.kind === 'branch').length} party branches, ` +
    `${park.org.units.filter((u) => u.kind === 'group').length} work groups, ${park.org.members.length} members; ` +
    `${park.events.length} activity events, ${park.rounds} quiz rounds played\n`
)

const p = park.programme
console.log(
  `Programme: ${p.title?.zh ?? ''} (${p.zone}): ${p.rules.accounts.length} accounts, ${p.rules.rules.length} point rules, ` +
    `${p.bank?.spec.items?.length ?? 0} shop items, ${p.awards?.awards.length ?? 0} award categories, all checked before the month ran\n`
)

console.log('## 学习积分榜 Study-score board, top 10\n')
for (const r of park.board.rows.slice(0, 10)) {
  console.log(`${String(r.rank).padStart(3)}  ${label(r.subject)}（${unitOf(r.subject)}） ${r.score} 分${r.tie === undefined ? '' : '（并列 tied）'}`)
}

console.log('\n## 红黑榜 Work groups by per-capita study points\n')
for (const e of park.groupLists.red) console.log(`红榜  ${label(e.subject)}  人均 ${e.score.toFixed(1)} 分（第 ${e.rank} 名）`)
for (const e of park.groupLists.black) console.log(`黑榜  ${label(e.subject)}  人均 ${e.score.toFixed(1)} 分（第 ${e.rank} 名）`)

const moral = park.org.members
  .map((m) => ({ id: m.id, earned: balanceOfOrThrow(park.ledger, m.id, 'moral'), left: bankBalance(park.bank, m.id, 'moral') }))
  .filter((m) => m.earned !== 0)
  .sort((a, b) => b.earned - a.earned || (a.id < b.id ? -1 : 1))
console.log(`\n## 道德银行 Moral Bank: ${moral.length} members earned moral points; the top 5 (earned → left after shopping)\n`)
for (const m of moral.slice(0, 5)) console.log(`${label(m.id)}（${unitOf(m.id)}） ${m.earned} → ${m.left} 分`)
const handed = allOrders(park.bank).filter((o) => o.status === 'confirmed')
const spent = handed.reduce((s, o) => s + o.amount, 0)
console.log(`\n爱心超市 Love supermarket, 2021-08-07: ${handed.length} orders handed over, ${spent} points spent; stock left: ` +
  ['soap', 'towel', 'rice'].map((i) => `${i} ${stockOf(park.bank, i) ?? 0}`).join(', '))

console.log(`\n${honorRollMarkdown(park.roll, 'zh').replace(/^# /, '## ')}`)

const f = (name: string): string => join(dir, name)
console.log(`\nThe month's files are in ${dir}/. The same honor roll from them, with the command line (after npm run build):\n`)
console.log(`  node dist/cli/main.js roll ${f('programme.json')} --org ${f('org.json')} --events ${f('events.jsonl')} --host ${f('host.json')} --ops ${f('ops.jsonl')} --period 2021-07 --format md --lang zh`)
console.log(`  node dist/cli/main.js run ${f('programme.json')} --org ${f('org.json')} --events ${f('events.jsonl')} --host ${f('host.json')} --ops ${f('ops.jsonl')} --period 2021-07 --out ${f('published')}`)
