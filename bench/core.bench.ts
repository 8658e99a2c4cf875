// Issue 2: day keys for 1,000,000 instants in a zone, cached calendar against Intl per instant.
import { calendar, instantOrThrow, makeCalendar, rngFromSeed, uniformInt, zone, type Instant, type Zone } from 'moral-bank/core'
import * as E from 'fp-ts/lib/Either.js'
import { fmtMs, fmtRate, measure, report } from './harness.js'

export const run = (): void => {
  console.log('core: calendar day keys')
  const rng = rngFromSeed('bench-core')
  const from = instantOrThrow('2021-01-01T00:00:00+08:00')
  const span = 90 * 86_400_000
  const N = 1_000_000
  const ts: Array<Instant> = Array.from({ length: N }, () => (from + uniformInt(rng, span)) as Instant)
  for (const name of ['Asia/Shanghai', 'America/New_York']) {
    const z = (zone(name) as E.Right<Zone>).right
    const cal = makeCalendar(z)
    let sink = 0
    const ours = measure(() => {
      for (let i = 0; i < N; i++) sink += cal.key('day', ts[i] as Instant).length
    }, 7)
    // The peer: one reused Intl.DateTimeFormat, formatting each instant (no cache).
    const dtf = new Intl.DateTimeFormat('en-CA', { timeZone: name, year: 'numeric', month: '2-digit', day: '2-digit' })
    const M = 200_000
    const intl = measure(() => {
      for (let i = 0; i < M; i++) sink += dtf.format(ts[i] as Instant).length
    }, 3)
    let agree = 0
    for (let i = 0; i < M; i += 97) if (dtf.format(ts[i] as Instant) === calendar(z).key('day', ts[i] as Instant)) agree++
    const oursRate = N / (ours.medianMs / 1000)
    const intlRate = M / (intl.medianMs / 1000)
    report({
      bench: `day keys, ${name}, 1,000,000 instants over 90 days`,
      figure: `${fmtMs(ours.medianMs)} = ${fmtRate(oursRate)}; Intl.DateTimeFormat per instant ${fmtRate(intlRate)}; ratio ${(oursRate / intlRate).toFixed(1)}x`,
      target: '≥ 5 M/s',
      met: oursRate >= 5e6,
      note: `agree on ${agree}/${Math.ceil(M / 97)} sampled (sink ${sink % 10})`
    })
  }
}
