/**
 * `moral-bank period [INSTANT]`: the day, week, month, quarter, half and
 * year keys of an instant in a zone, and its local time.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { CALENDAR_KINDS, calendar, instant, kindsInWords, renderProblem, zone } from '../core/internal.js'
import { optionProblem, str } from './args.js'
import { EXIT, UsageError } from './command.js'
import { col, renderReport } from './format.js'
import type { Command } from './help.js'

// Every calendar kind of core's table of periods, in its order, with its words.
const KINDS = CALENDAR_KINDS
const WORDS = kindsInWords(KINDS)

/** `moral-bank period` */
export const period: Command = {
  name: 'period',
  options: { zone: { type: 'string' } },
  maxPositionals: 1,
  help: {
    usage: 'moral-bank period [INSTANT|now] [--zone Z]',
    summary: { en: `the ${WORDS.en} keys of an instant`, zh: `某一时刻所在的${WORDS.zh}的键` },
    description: {
      en: 'INSTANT is ISO 8601 text with an offset or Z, or epoch milliseconds; "now" (the default) is the\nclock. The zone is Asia/Shanghai unless --zone names another IANA zone.',
      zh: 'INSTANT 为带时区偏移或 Z 的 ISO 8601 时刻，或纪元毫秒数；默认 now（当前时间）。时区默认 Asia/Shanghai，可用 --zone 指定其他 IANA 时区。'
    },
    options: [['--zone Z', { en: 'an IANA zone (default Asia/Shanghai)', zh: 'IANA 时区（默认 Asia/Shanghai）' }]],
    examples: [
      ['moral-bank period 2021-06-30T16:30:00Z', { en: 'day 2021-07-01, week 2021-W26, month 2021-07, … in Shanghai', zh: '上海时间：日 2021-07-01、周 2021-W26、月 2021-07……' }],
      ['moral-bank period now --zone UTC --format json', { en: 'the keys of now in UTC, as JSON', zh: '当前时刻在 UTC 下的键，JSON 输出' }]
    ]
  },
  run: (p, { io, format }) => {
    const z = zone(str(p, 'zone') ?? 'Asia/Shanghai')
    if (E.isLeft(z)) throw new UsageError(optionProblem('--zone', z.left, io.lang))
    const arg = p.positionals[0]
    const raw = arg === undefined || arg === 'now' ? io.env.now : /^-?\d+$/.test(arg) ? Number(arg) : arg
    const t = instant(raw, ['instant'])
    if (E.isLeft(t)) throw new UsageError(renderProblem(t.left, io.lang))
    const cal = calendar(z.right)
    const rows = [...KINDS.map((k) => ({ kind: k, key: cal.key(k, t.right) })), { kind: 'local', key: cal.format(t.right) }]
    const json = Object.fromEntries(rows.map((r) => [r.kind, r.key]))
    io.out(renderReport({ table: { columns: [col('kind', 'PERIOD', '周期'), col('key', 'KEY', '键')], rows }, json }, format, io.lang))
    return EXIT.ok
  }
}
