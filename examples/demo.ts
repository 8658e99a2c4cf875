// `npm run demo`: the library's main job, end to end. For now it shows the core:
// calendar periods in the programme's zone, seeded draws, and errors as values.
import * as E from 'fp-ts/lib/Either.js'
import { calendar, decode, instantOrThrow, periodDays, PointsC, renderProblems, rngFromParts, sample, strict, InstantC } from 'moral-bank/core'

const cal = calendar() // Asia/Shanghai
const t = instantOrThrow('2021-06-30T16:30:00Z')
console.log(`An event at 2021-06-30T16:30:00Z is local ${cal.format(t)} in ${cal.zone}:`)
for (const kind of ['day', 'week', 'month', 'quarter', 'half', 'year'] as const) console.log(`  ${kind.padEnd(8)} ${cal.key(kind, t)}`)
console.log(`  its ISO week runs ${periodDays(cal.period('week', t)).join(', ')}`)

const members = Array.from({ length: 283 }, (_, i) => `m-${String(i + 1).padStart(3, '0')}`)
const drawn = sample(rngFromParts('park-2021', 'spot-check', '2021-07'), members, 5)
console.log(`\nFive members drawn for the July spot check (seed park-2021): ${drawn.join(', ')}`)

const Deposit = strict({ member: PointsC, at: InstantC })
const bad = decode(Deposit)({ member: 2.5, at: '2021-07-01 08:00', memo: 'x' })
if (E.isLeft(bad)) {
  console.log('\nA bad deposit is refused with every problem, in English and Chinese:')
  console.log(renderProblems(bad.left).replace(/^/gm, '  '))
  console.log(renderProblems(bad.left, 'zh').replace(/^/gm, '  '))
}
