// Issue 5: 1,000,000 events over 10,000 members and 90 days, daily-study preset,
// folded into balances and statements; peer: the same capped daily totals in SQLite (SQL; reading and
// viewing time summed per day, 1 point per full minute of the sum: issue #13).
import Database from 'better-sqlite3'
import { calendar, customPeriod, instantOrThrow, rngFromSeed, uniformInt, type EventId, type Instant, type Period } from 'moral-bank/core'
import { compileRuleSetOrThrow, dailyStudy, type ActivityEvent, type AttrValue, type SubjectId } from 'moral-bank/rules'
import { foldLedger, statementOrThrow, type Ledger } from 'moral-bank/ledger'
import * as E from 'fp-ts/lib/Either.js'
import { fmtMs, fmtRate, measure, peakRssMiB, report } from './harness.js'

const N = 1_000_000
const MEMBERS = 10_000
const DAYS = 90
const ACTIVE_DAYS = 12

/**
 * Deterministic events from a seed, in (instant, id) order as a host reading its log would get them
 * (built in that order too, so objects sit in memory as a parsed log's would).
 */
export const generate = (seed: string, n = N, members = MEMBERS): Array<ActivityEvent> => {
  const rng = rngFromSeed(seed)
  const start = instantOrThrow('2021-07-01T00:00:00+08:00')
  const memberIds = Array.from({ length: members }, (_, m) => `m-${String(m).padStart(5, '0')}` as SubjectId)
  const activeDays: Array<Array<number>> = Array.from({ length: members }, () => Array.from({ length: ACTIVE_DAYS }, () => uniformInt(rng, DAYS)))
  const raw: Array<{ readonly at: number; readonly m: number; readonly k: number; readonly x: number; readonly y: number }> = []
  for (let i = 0; i < n; i++) {
    const m = uniformInt(rng, members)
    const day = (activeDays[m] as Array<number>)[uniformInt(rng, ACTIVE_DAYS)] as number
    const at = start + day * 86_400_000 + 6 * 3_600_000 + uniformInt(rng, 17 * 3_600_000)
    raw.push({ at, m, k: uniformInt(rng, 100), x: uniformInt(rng, 400), y: uniformInt(rng, 3000) })
  }
  raw.sort((a, b) => a.at - b.at)
  const out: Array<ActivityEvent> = []
  for (let i = 0; i < n; i++) {
    const { at, m, k, x, y } = raw[i] as (typeof raw)[number]
    let type: string
    let attrs: Record<string, AttrValue>
    if (k < 15) {
      type = 'login'
      attrs = {}
    } else if (k < 50) {
      type = 'article.read'
      attrs = { seconds: x % 300, content: `art-${y}` }
    } else if (k < 75) {
      type = k < 65 ? 'video.watched' : 'audio.listened'
      attrs = { seconds: x, content: `vid-${y}` }
    } else {
      const mode = k < 88 ? 'daily' : k < 94 ? 'weekly' : 'special'
      attrs = { kind: mode, correct: x % 11, total: 10, quiz: `${mode}-${y % 300}` }
      type = 'quiz.completed'
    }
    out.push({ id: `ev-${String(i).padStart(7, '0')}` as EventId, type, member: memberIds[m] as SubjectId, at: at as Instant, attrs })
  }
  return out
}

const SQL = `
WITH base AS (
  SELECT id, member, at, type, seconds, content, mode, correct, quiz, (at + 28800000) / 86400000 AS day FROM ev
), req AS (
  SELECT member, 'login' AS rule, day, 1 AS pts, at, id, NULL AS content FROM base WHERE type = 'login'
  UNION ALL SELECT member, 'article', day, 1, at, id, content FROM base WHERE type = 'article.read' AND seconds >= 30
  UNION ALL SELECT member, 'article-time', day, seconds, at, id, NULL FROM base WHERE type = 'article.read'
  UNION ALL SELECT member, 'video', day, 1, at, id, content FROM base WHERE type IN ('video.watched', 'audio.listened') AND seconds >= 30
  UNION ALL SELECT member, 'video-time', day, seconds, at, id, NULL FROM base WHERE type IN ('video.watched', 'audio.listened')
  UNION ALL SELECT member, 'daily-quiz', day, correct, at, id, NULL FROM base WHERE type = 'quiz.completed' AND mode = 'daily'
  UNION ALL SELECT member, 'weekly-quiz', day, correct, at, id, quiz FROM base WHERE type = 'quiz.completed' AND mode = 'weekly'
  UNION ALL SELECT member, 'special-quiz', day, correct, at, id, quiz FROM base WHERE type = 'quiz.completed' AND mode = 'special'
), once_per_content AS (
  SELECT *, CASE WHEN content IS NULL THEN 1 ELSE ROW_NUMBER() OVER (PARTITION BY member, rule, content ORDER BY at, id) END AS rn FROM req
), first_n AS (
  SELECT *, CASE WHEN rule = 'special-quiz' THEN ROW_NUMBER() OVER (PARTITION BY member, rule, day ORDER BY at, id) ELSE 1 END AS dn
  FROM once_per_content WHERE rn = 1
)
SELECT member, rule, day,
  MIN(CASE WHEN rule IN ('article-time', 'video-time') THEN SUM(pts) / 60 ELSE SUM(pts) END, CASE rule WHEN 'login' THEN 1 WHEN 'daily-quiz' THEN 5 WHEN 'weekly-quiz' THEN 5 WHEN 'special-quiz' THEN 1e15 ELSE 6 END) AS total
FROM first_n WHERE dn = 1 GROUP BY member, rule, day HAVING total > 0`

export const run = (): void => {
  console.log('ledger: daily-study preset, 1,000,000 events / 10,000 members / 90 days')
  const events = generate('bench-ledger')
  const rs = compileRuleSetOrThrow(dailyStudy())
  const period = (E.getOrElseW(() => undefined)(customPeriod('2021-07-01', '2021-09-29')) as Period)
  let ledger: Ledger | undefined
  let closing = 0
  const foldAll = (): void => {
    ledger = undefined
    ledger = foldLedger(rs)(events)
    closing = 0
    for (const s of ledger.subjects.keys()) closing += statementOrThrow(ledger, s, period).closing
  }
  // One cold fold first: the peak memory it needs (with the events it reads); then timed runs.
  foldAll()
  const rssFold = peakRssMiB()
  const ours = measure(foldAll, 3, 0)
  const rate = N / (ours.medianMs / 1000)

  // Our granted points per (member, rule, local day), to check against SQL's totals.
  const cal = calendar(rs.zone)
  const oursTotals = new Map<string, number>()
  let sumBalances = 0
  const subjects = (ledger as Ledger).subjects.size
  for (const s of (ledger as Ledger).subjects.values()) {
    sumBalances += s.balances['study'] ?? 0
    for (const e of s.entries) {
      const k = `${e.subject}|${e.rule}|${cal.dayNumber(e.at)}`
      oursTotals.set(k, (oursTotals.get(k) ?? 0) + e.granted)
    }
  }
  for (const [k, v] of oursTotals) if (v === 0) oursTotals.delete(k)
  ledger = undefined

  // Peer: SQLite in memory, the same capped daily totals in one SQL query.
  const db = new Database(':memory:')
  db.exec('CREATE TABLE ev (id TEXT, member TEXT, at INTEGER, type TEXT, seconds INTEGER, content TEXT, mode TEXT, correct INTEGER, quiz TEXT)')
  const ins = db.prepare('INSERT INTO ev VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const t0 = process.hrtime.bigint()
  db.transaction(() => {
    for (const e of events) {
      const a = e.attrs
      ins.run(e.id, e.member, e.at, e.type, a['seconds'] ?? null, a['content'] ?? null, a['kind'] ?? null, a['correct'] ?? null, a['quiz'] ?? null)
    }
  })()
  const insertMs = Number(process.hrtime.bigint() - t0) / 1e6
  let rows: Array<{ member: string; rule: string; day: number; total: number }> = []
  const stmt = db.prepare(SQL)
  const peer = measure(() => {
    rows = stmt.all() as typeof rows
  }, 3, 0)
  db.close()
  const peerRate = N / (peer.medianMs / 1000)

  let agree = 0
  for (const r of rows) if (oursTotals.get(`${r.member}|${r.rule}|${r.day}`) === r.total) agree++
  const allAgree = agree === rows.length && rows.length === oursTotals.size && closing === sumBalances
  report({
    bench: 'fold 1,000,000 events into balances + 10,000 statements',
    figure: `${fmtMs(ours.medianMs)} = ${fmtRate(rate)}; SQLite query ${fmtMs(peer.medianMs)} = ${fmtRate(peerRate)} (+ ${fmtMs(insertMs)} to insert); ratio ${(rate / peerRate).toFixed(1)}x`,
    target: '≥ 1 M events/s',
    met: rate >= 1e6,
    note: `${allAgree ? 'SQLite agrees' : 'SQLITE DISAGREES'} on ${agree}/${rows.length} capped daily totals (ours ${oursTotals.size}); ${subjects} subjects, total ${sumBalances} points`
  })
  const rss = peakRssMiB()
  report({
    bench: 'peak RSS after one fold (1M events held + ledger + statements)',
    figure: `${rssFold.toFixed(0)} MiB`,
    target: '< 1024 MiB',
    met: rssFold < 1024,
    note: `whole process after 3 more timed folds (garbage not yet collected) and the SQLite peer: ${rss.toFixed(0)} MiB`
  })
}
