// A small benchmark harness: medians of repeated runs, rates and ratios, printed as one table.
// The machine is shared and noisy, so read ratios and medians, not single timings.

export interface Measure {
  /** Median wall time of one run, in milliseconds. */
  readonly medianMs: number
  readonly runs: number
}

/** Run `fn` `runs` times after `warmup` runs and return the median time. */
export const measure = (fn: () => unknown, runs = 5, warmup = 1): Measure => {
  for (let i = 0; i < warmup; i++) fn()
  const times: Array<number> = []
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint()
    fn()
    times.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  times.sort((a, b) => a - b)
  return { medianMs: times[Math.floor(times.length / 2)] as number, runs }
}

export interface Row {
  readonly bench: string
  readonly figure: string
  readonly target: string
  readonly met: boolean | undefined
  readonly note?: string
}

const rows: Array<Row> = []

/** Record a row for the final table and print it at once. */
export const report = (row: Row): void => {
  rows.push(row)
  const met = row.met === undefined ? '' : row.met ? '  [target met]' : '  [TARGET MISSED]'
  console.log(`  ${row.bench}: ${row.figure} (target ${row.target})${met}${row.note === undefined ? '' : ` — ${row.note}`}`)
}

export const allRows = (): ReadonlyArray<Row> => rows

export const fmtRate = (perSecond: number): string =>
  perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M/s` : perSecond >= 1e3 ? `${(perSecond / 1e3).toFixed(1)} k/s` : `${perSecond.toFixed(0)}/s`

export const fmtMs = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 3 : 1)} ms`)

/** Peak resident memory so far, in MiB. */
export const peakRssMiB = (): number => process.resourceUsage().maxRSS / 1024
