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
} from '../../src/core/index.js'

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
