// Simulated members on loopback: each takes a practice round, answers its five questions and submits,
// again and again until the time is up (optionally paced to a total rate of submissions). Used by the
// load test and by `npm run bench -- reading-room`.
import { answerRound, percentile, submitRound } from './child.js'

export interface LoadResult {
  /** Submit latencies in ms, sorted. */
  readonly submitMs: ReadonlyArray<number>
  /** The rounds whose submission was acknowledged (200). */
  readonly acked: ReadonlyArray<string>
  readonly errors: ReadonlyArray<string>
  readonly seconds: number
  readonly p50: number
  readonly p99: number
}

const sleep = (ms: number): Promise<void> => new Promise((ok) => setTimeout(ok, ms))

/** Run `members` for `seconds`; with `rate`, submissions are paced to about that many a second in all. */
export const loadRun = async (url: string, members: ReadonlyArray<string>, seconds: number, rate?: number): Promise<LoadResult> => {
  const start = performance.now()
  const end = start + seconds * 1000
  const submitMs: Array<number> = []
  const acked: Array<string> = []
  const errors: Array<string> = []
  const every = rate === undefined ? 0 : (members.length / rate) * 1000 // each member's period between submissions
  const member = async (m: string, k: number): Promise<void> => {
    let next = start + (every * k) / members.length
    while (performance.now() < end && errors.length < 20) {
      try {
        const round = await answerRound(url, m, true)
        const wait = next - performance.now()
        if (wait > 0) await sleep(wait)
        const t0 = performance.now()
        const r = await submitRound(url, m, round.id)
        submitMs.push(performance.now() - t0)
        if (r.status === 200) acked.push(round.id)
        else errors.push(`${r.status} ${JSON.stringify(r.body)}`)
      } catch (e) {
        errors.push(String(e))
      }
      next += every
    }
  }
  await Promise.all(members.map(member))
  submitMs.sort((a, b) => a - b)
  const took = (performance.now() - start) / 1000
  return { submitMs, acked, errors, seconds: took, p50: percentile(submitMs, 50), p99: percentile(submitMs, 99) }
}

/**
 * Submissions alone at a rate: every member first answers the rounds it will submit (`rate × seconds` in
 * all), then the submissions are paced to `rate` a second; only they are timed.
 */
export const submitBurst = async (url: string, members: ReadonlyArray<string>, seconds: number, rate: number): Promise<LoadResult> => {
  const perMember = Math.ceil((rate * seconds) / members.length)
  const ready = await Promise.all(members.map(async (m) => {
    const ids: Array<string> = []
    for (let i = 0; i < perMember; i++) ids.push((await answerRound(url, m, true)).id)
    return { m, ids }
  }))
  const start = performance.now()
  const every = (members.length / rate) * 1000
  const submitMs: Array<number> = []
  const acked: Array<string> = []
  const errors: Array<string> = []
  await Promise.all(ready.map(async ({ m, ids }, k) => {
    let next = start + (every * k) / members.length
    for (const id of ids) {
      const wait = next - performance.now()
      if (wait > 0) await sleep(wait)
      const t0 = performance.now()
      const r = await submitRound(url, m, id).catch((e: unknown) => ({ status: 0, body: { error: String(e) } }))
      submitMs.push(performance.now() - t0)
      if (r.status === 200) acked.push(id)
      else errors.push(`${r.status} ${JSON.stringify(r.body)}`)
      next += every
    }
  }))
  submitMs.sort((a, b) => a - b)
  const took = (performance.now() - start) / 1000
  return { submitMs, acked, errors, seconds: took, p50: percentile(submitMs, 50), p99: percentile(submitMs, 99) }
}
