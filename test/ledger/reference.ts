// A reference model of the daily-study preset: plain loops and string-keyed maps, written from the rules'
// documentation, not from the engine. Gives granted points per "subject|rule|YYYY-MM-DD" (Asia/Shanghai, UTC+8, no DST).
import type { ActivityEvent } from '../../src/rules/internal.js'

const localDay = (at: number): string => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10)

interface RefRule {
  readonly id: string
  readonly types: ReadonlyArray<string>
  readonly mode?: string
  readonly minSeconds?: boolean
  readonly content?: string
  readonly onePerDay?: boolean
  readonly dailyCap?: number
  /** Seconds summed over the day, 1 point per full minute of the sum (issue #13: "累计满 1 分钟积 1 分"). */
  readonly dailyMinutes?: boolean
  readonly points: (e: ActivityEvent) => number
}

const num = (e: ActivityEvent, k: string): number => e.attrs[k] as number
const MEDIA = ['video.watched', 'audio.listened']

const RULES: ReadonlyArray<RefRule> = [
  { id: 'login', types: ['login'], dailyCap: 1, points: () => 1 },
  { id: 'article', types: ['article.read'], minSeconds: true, content: 'content', dailyCap: 6, points: () => 1 },
  { id: 'article-time', types: ['article.read'], dailyMinutes: true, dailyCap: 6, points: (e) => num(e, 'seconds') },
  { id: 'video', types: MEDIA, minSeconds: true, content: 'content', dailyCap: 6, points: () => 1 },
  { id: 'video-time', types: MEDIA, dailyMinutes: true, dailyCap: 6, points: (e) => num(e, 'seconds') },
  { id: 'daily-quiz', types: ['quiz.completed'], mode: 'daily', dailyCap: 5, points: (e) => Math.floor(num(e, 'correct')) },
  { id: 'weekly-quiz', types: ['quiz.completed'], mode: 'weekly', content: 'quiz', dailyCap: 5, points: (e) => Math.floor(num(e, 'correct')) },
  { id: 'special-quiz', types: ['quiz.completed'], mode: 'special', content: 'quiz', onePerDay: true, points: (e) => Math.floor(num(e, 'correct')) }
]

/** Granted points per subject|rule|day for well-formed preset events with unique ids. */
export const referenceDailyTotals = (events: ReadonlyArray<ActivityEvent>): Map<string, number> => {
  const sorted = [...events].sort((a, b) => (a.at !== b.at ? a.at - b.at : a.id < b.id ? -1 : 1))
  const seen = new Set<string>()
  const perDayCount = new Map<string, number>()
  const totals = new Map<string, number>()
  const seconds = new Map<string, number>()
  for (const e of sorted) {
    for (const r of RULES) {
      if (!r.types.includes(e.type)) continue
      if (r.mode !== undefined && e.attrs['kind'] !== r.mode) continue
      if (r.minSeconds === true && !(num(e, 'seconds') >= 30)) continue
      const day = localDay(e.at)
      if (r.content !== undefined) {
        const k = `${e.member}|${r.id}|${String(e.attrs[r.content])}`
        if (seen.has(k)) continue
        seen.add(k)
      }
      const key = `${e.member}|${r.id}|${day}`
      if (r.onePerDay === true) {
        const n = perDayCount.get(key) ?? 0
        perDayCount.set(key, n + 1)
        if (n >= 1) continue
      }
      const sofar = totals.get(key) ?? 0
      let want = r.points(e)
      if (r.dailyMinutes === true) {
        const was = seconds.get(key) ?? 0
        seconds.set(key, was + want)
        want = Math.floor((was + want) / 60) - Math.floor(was / 60)
      }
      totals.set(key, r.dailyCap === undefined ? sofar + want : Math.min(r.dailyCap, sofar + want))
    }
  }
  for (const [k, v] of totals) if (v === 0) totals.delete(k)
  return totals
}
