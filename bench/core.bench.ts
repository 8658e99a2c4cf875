// Issue 2: day keys for 1,000,000 instants in a zone, cached calendar against Intl per instant.
import { calendar, instantOrThrow, makeCalendar, rngFromSeed, uniformInt, zone, type Instant, type Zone } from 'moral-bank/core'
import * as E from 'fp-ts/lib/Either.js'
import { fmtMs, fmtRate, measure, report } from './harness.js'
import { parseArgs } from 'node:util'
import { run as cli } from '../src/cli/run.js'

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

// Issue 14: `moral-bank check` on a programme file with N problems (N rules, each naming an unknown account),
// pretty-printed as an administrator keeps it: the whole check in process, as the command runs it (read,
// decode, locate every problem at line:column, render), at 20,000 problems and at 4x that (ratio: linear ~4).
export const runCheck = (): void => {
  console.log('core: moral-bank check on a file with many problems')
  const file = (n: number): string =>
    JSON.stringify(
      {
        version: 1,
        rules: {
          accounts: Array.from({ length: 50 }, (_, i) => ({ id: `acc-${i}` })),
          rules: Array.from({ length: n }, (_, i) => ({ id: `r${i}`, account: `nope-${i}`, on: ['login'], amount: { per: 'action', points: 1 } }))
        }
      },
      null,
      2
    )
  const time = (n: number): { readonly ms: number; readonly lines: number; readonly bytes: number } => {
    const text = file(n)
    let lines = 0
    const m = measure(() => {
      const r = cli(['check', 'p.json'], { version: '0', now: 0, parseArgs, readText: () => text })
      lines = r.stderr.split('\n').length - 1
    }, 3)
    return { ms: m.medianMs, lines, bytes: text.length }
  }
  const small = time(20_000)
  const big = time(80_000)
  for (const [n, r] of [[20_000, small], [80_000, big]] as const) {
    report({
      bench: `moral-bank check, a ${n.toLocaleString('en-US')}-problem file (${(r.bytes / 2 ** 20).toFixed(1)} MiB)`,
      figure: `${fmtMs(r.ms)} (${r.lines.toLocaleString('en-US')} problem lines)`,
      target: n === 20_000 ? '< 2 s' : 'linear: ratio to 20,000 near 4',
      met: r.lines === n && (n === 20_000 ? r.ms < 2000 : true),
      ...(n === 80_000 ? { note: `ratio 4x problems / 1x = ${(big.ms / small.ms).toFixed(2)}` } : {})
    })
  }
}

// Issue 14: `check-events` streams: a file of N lines (half accepted, half rejected, ~300 bytes a line)
// generated into os.tmpdir(), checked by the built command in a child process; wall time and peak RSS
// (from /usr/bin/time) at N/10 and N lines, and at N lines with V8's old space capped at 48 MiB.
// MORAL_BANK_STREAM_LINES sets N (default 1,000,000; the issue's figure is 10,000,000, a ~3 GB file).
export const runStream = async (): Promise<void> => {
  const { spawnSync } = await import('node:child_process')
  const { closeSync, existsSync, openSync, readFileSync, rmSync, statSync, writeSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const { bundleCli } = await import('../test/cli/cli-bundle.js')
  console.log('core: check-events on big files (streamed)')
  const N = Number(process.env['MORAL_BANK_STREAM_LINES'] ?? 1_000_000)
  if (!existsSync('/usr/bin/time')) {
    report({ bench: 'check-events streaming', figure: 'not measured: /usr/bin/time is missing', target: '< 500 MB peak RSS', met: undefined })
    return
  }
  const cli = await bundleCli(process.cwd())
  const pad = 'x'.repeat(160)
  const line = (i: number): string => {
    const at = 1625097600000 + i * 1000
    switch (i % 4) {
      case 0:
      case 1:
        return `{"id":"ev-${i}","type":"article.read","member":"m-${i % 5000}","at":${at},"attrs":{"seconds":${i % 300},"content":"art-${i % 977}","note":"${pad}"}}\n`
      case 2:
        return `{"id":"ev-${i}","type":"article.read","member":"m-${i % 5000}","at":"2021-07-01T08:00:00","attrs":{"seconds":${i % 300},"note":"${pad}"}}\n` // no offset
      default:
        return `{"id":"ev-${i}","type":"article.read","member":"m-${i % 5000}","at":${at},"attrs":{"seconds":${i % 300},"note":"${pad}"},\n` // not JSON
    }
  }
  const file = join(tmpdir(), `moral-bank-stream-${process.pid}.jsonl`)
  const stats = join(tmpdir(), `moral-bank-stream-${process.pid}.time`)
  try {
    // The last run again with the old space capped at 48 MiB: it completes only if what the check keeps
    // does not grow with the lines (peak RSS alone mostly shows how lazily V8 collects garbage).
    const runs: ReadonlyArray<readonly [number, ReadonlyArray<string>]> = [
      [Math.max(1, Math.floor(N / 10)), []],
      [N, []],
      [N, ['--max-old-space-size=48']]
    ]
    let written = -1
    for (const [n, flags] of runs) {
      if (written !== n) {
        const fd = openSync(file, 'w')
        let buf = ''
        for (let i = 0; i < n; i++) {
          buf += line(i)
          if (buf.length >= 1 << 22) {
            writeSync(fd, buf)
            buf = ''
          }
        }
        writeSync(fd, buf)
        closeSync(fd)
        written = n
      }
      const bytes = statSync(file).size
      const child = spawnSync('/usr/bin/time', ['-f', '%M %e', '-o', stats, process.execPath, ...flags, cli.main, 'check-events', file], { encoding: 'utf8', maxBuffer: 1 << 26 })
      const [kb, secs] = readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) as [number, number]
      const ok = Math.ceil(n / 4) + Math.ceil((n - 1) / 4)
      const right = child.stdout.endsWith(`  ${ok} events, ${n - ok} lines rejected\n`) && child.status === 1 && child.stderr.split('\n').length <= 103
      report({
        bench: `check-events, ${n.toLocaleString('en-US')} lines (${(bytes / 2 ** 30).toFixed(2)} GiB, half rejected)${flags.length > 0 ? `, heap capped (${flags.join(' ')})` : ''}`,
        figure: `${secs.toFixed(1)} s = ${fmtRate(n / secs)}, peak RSS ${(kb / 1024).toFixed(0)} MiB`,
        target: flags.length > 0 ? 'completes: memory kept does not grow with lines' : '< 500 MB peak RSS',
        met: right && (flags.length > 0 || kb * 1024 < 500e6),
        note: right ? 'summary and bounded output checked' : `unexpected output: ${JSON.stringify(child.stdout.slice(0, 200))} status ${child.status}`
      })
    }
  } finally {
    rmSync(file, { force: true })
    rmSync(stats, { force: true })
    cli.remove()
  }
}
