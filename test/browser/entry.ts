// What the browser lane computes; Node computes the same and the two must be equal byte for byte.
import * as E from 'fp-ts/lib/Either.js'
import {
  calendar,
  decode,
  InstantC,
  instantOrThrow,
  PointsC,
  renderProblems,
  rngFromParts,
  sample,
  shuffle,
  strict,
  zone,
  type Instant,
  type Zone
} from '../../src/core/internal.js'
import { assemble, decodeQuestionBank, indexQuestionBank, publicPaper } from '../../src/quiz/internal.js'
import { compileRuleSetOrThrow, dailyStudy, decodeEvents } from '../../src/rules/internal.js'
import { allEntries, foldLedger } from '../../src/ledger/internal.js'
import { appendRun, publishedRun, runProgramme } from '../../src/programme/internal.js'
import { simulatePark } from '../../examples/park-sim.js'

export const compute = (): string => {
  const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe'].map((n) => (zone(n) as E.Right<Zone>).right)
  const start = instantOrThrow('2026-01-01T00:00:00Z')
  const keys: Array<string> = []
  for (const z of zones) {
    const cal = calendar(z)
    for (let i = 0; i < 400; i++) {
      const t = (start + i * 23 * 3_600_000 + i * 61_001) as Instant
      keys.push(`${cal.key('day', t)} ${cal.key('week', t)} ${cal.format(t)}`)
    }
  }
  const rng = rngFromParts('park-2021', 'm-001', 'round-7')
  const shuffled = shuffle(rng, Array.from({ length: 50 }, (_, i) => i))
  const sampled = sample(rng, Array.from({ length: 1000 }, (_, i) => i), 20)
  const C = strict({ at: InstantC, points: PointsC })
  const errors = decode(C)({ at: '2021-07-01T08:00:00', points: 0.5, extra: 1 })
  return JSON.stringify({ keys, shuffled, sampled, errors: E.isLeft(errors) ? renderProblems(errors.left, 'zh') : '' })
}

// The modules above core: a seeded paper and a ledger fold give the same bytes in a browser.

export const computeModules = (): string => {
  const bank = indexQuestionBank(
    decodeQuestionBank({
      version: 1,
      questions: Array.from({ length: 30 }, (_, i) => ({
        id: `q${i}`,
        type: 'single',
        stem: `第 ${i} 题`,
        tags: [i % 2 === 0 ? '党史' : '新中国史'],
        difficulty: 1 + (i % 5),
        points: 1,
        options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }, { id: 'c', text: 'C' }],
        answer: 'b'
      }))
    }).questions
  )
  const paper = assemble(bank, { id: 'p', sections: [{ id: 's', count: 10 }] } as never, { secret: 'browser-lane-secret-0123456789', seed: 'browser-paper' })
  const raw = Array.from({ length: 200 }, (_, i) => ({
    id: `e${i}`,
    type: ['login', 'article.read', 'video.watched'][i % 3],
    member: `m${i % 7}`,
    at: 1_625_097_600_000 + i * 1_234_567,
    attrs: { seconds: 20 + ((i * 37) % 400), content: `c${i % 11}` }
  }))
  const ledger = foldLedger(compileRuleSetOrThrow(dailyStudy()))(decodeEvents(raw).events)
  return JSON.stringify({ paper: E.isRight(paper) ? publicPaper(paper.right) : paper.left, entries: allEntries(ledger) })
}

// The whole programme (issue 16): the park's month through runProgramme, then a day appended, publish the same text.
export const computeProgramme = (): string => {
  const park = simulatePark('browser-lane')
  const { org, host, programme } = park
  const half = Math.floor(park.events.length / 2)
  const first = runProgramme(programme, { org, host, events: park.events.slice(0, half), period: '2021-07' })
  const both = E.isRight(first) ? appendRun(first.right, park.events.slice(half)) : first
  return JSON.stringify({ month: publishedRun(park.run), appended: E.isRight(both) ? publishedRun(both.right) : both.left })
}
