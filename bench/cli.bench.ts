// Issue 16: the moral-bank command on big files, as a user runs it: `check` and `run` over generated
// events files of 1,000,000 and 10,000,000 lines (10,000 members, July 2021, a few lines broken), each
// in a child process of the built command measured with /usr/bin/time (wall time, peak RSS).
// Targets: 1 M lines in under 3 s; 10 M lines in under 30 s and 500 MB.
// MORAL_BANK_CLI_LINES=1000000 runs the 1 M files only (the 10 M events file is about 1.6 GB).
import { spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { benchOrgJson, benchProgrammeJson } from './programme.bench.js'
import { bundleCli } from '../test/cli/cli-bundle.js'
import { fmtRate, report } from './harness.js'

const MEMBERS = 10_000

// The organisation and the programme of bench/programme.bench.ts, as files.
export const orgJson = (): unknown => benchOrgJson(MEMBERS)
export const programmeJson = (): unknown => benchProgrammeJson()

export const hostJson = (): unknown => {
  const table = (k: number): Record<string, number> => Object.fromEntries(Array.from({ length: MEMBERS }, (_, m) => [`m-${String(m).padStart(5, '0')}`, 60 + ((m * 7919 + k) % 400) / 10]))
  return { skills: table(1), conduct: table(2), performance: table(3) }
}

// `n` events in time order over July 2021 (epoch ms and ISO 8601 instants), one line in 100,000 broken.
export const writeEvents = (file: string, n: number): number => {
  const fd = openSync(file, 'w')
  const start = Date.UTC(2021, 5, 30, 16) // 2021-07-01T00:00:00+08:00
  const span = 31 * 86_400_000
  let x = 12345
  let buf = ''
  let bad = 0
  for (let i = 0; i < n; i++) {
    // xorshift32: members and kinds spread evenly
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    const m = `m-${String(x % MEMBERS).padStart(5, '0')}`
    const at = start + Math.floor((i / n) * span)
    const k = (x >>> 16) % 100
    const id = `ev-${i}`
    if (i % 100_000 === 99_999) {
      buf += `{"id":"${id}","type":"login","member":"${m}","at":"2021-07-15T08:00:00"}\n` // no offset: rejected
      bad++
    } else if (k < 20) buf += `{"id":"${id}","type":"login","member":"${m}","at":${at}}\n`
    else if (k < 55) buf += `{"id":"${id}","type":"article.read","member":"${m}","at":"${new Date(at + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00","attrs":{"seconds":${x % 300},"content":"art-${x % 3000}"}}\n`
    else if (k < 80) buf += `{"id":"${id}","type":"video.watched","member":"${m}","at":${at},"attrs":{"seconds":${x % 400},"content":"vid-${x % 3000}"}}\n`
    else buf += `{"id":"${id}","type":"quiz.completed","member":"${m}","at":${at},"attrs":{"kind":"daily","correct":${x % 11},"total":10,"quiz":"daily-${x % 300}"}}\n`
    if (buf.length >= 1 << 22) {
      writeSync(fd, buf)
      buf = ''
    }
  }
  writeSync(fd, buf)
  closeSync(fd)
  return bad
}

export const run = async (): Promise<void> => {
  console.log('cli: moral-bank check and run on big events files (built command, /usr/bin/time)')
  if (!existsSync('/usr/bin/time')) {
    report({ bench: 'moral-bank on big files', figure: 'not measured: /usr/bin/time is missing', target: '1 M < 3 s; 10 M < 30 s and 500 MB', met: undefined })
    return
  }
  const sizes = process.env['MORAL_BANK_CLI_LINES'] === undefined ? [1_000_000, 10_000_000] : [Number(process.env['MORAL_BANK_CLI_LINES'])]
  const cli = await bundleCli(process.cwd())
  const dir = mkdtempSync(join(tmpdir(), 'moral-bank-cli-bench-'))
  const stats = join(dir, 'time')
  try {
    writeFileSync(join(dir, 'programme.json'), JSON.stringify(programmeJson(), null, 2))
    writeFileSync(join(dir, 'org.json'), JSON.stringify(orgJson(), null, 2))
    writeFileSync(join(dir, 'host.json'), JSON.stringify(hostJson()))
    for (const n of sizes) {
      const events = join(dir, 'events.jsonl')
      const bad = writeEvents(events, n)
      const gib = statSync(events).size / 2 ** 30
      const time = (args: ReadonlyArray<string>): { readonly secs: number; readonly mib: number; readonly stdout: string; readonly stderr: string; readonly status: number | null } => {
        const child = spawnSync('/usr/bin/time', ['-f', '%M %e', '-o', stats, process.execPath, cli.main, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 })
        const [kb, secs] = readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) as [number, number]
        return { secs, mib: kb / 1024, stdout: child.stdout, stderr: child.stderr, status: child.status }
      }
      const lines = `${n.toLocaleString('en-US')} lines (${gib.toFixed(2)} GiB)`
      const target = n <= 1_000_000 ? '< 3 s' : '< 30 s and < 500 MB'
      const met = (secs: number, mib: number): boolean => (n <= 1_000_000 ? secs < 3 : secs < 30 && mib * 2 ** 20 < 500e6)

      const c = time(['check', 'events.jsonl'])
      const checked = c.status === 1 && c.stdout.includes(`${n - bad} events, ${bad} lines rejected`) && c.stderr.split('\n').length === bad + 1
      report({
        bench: `moral-bank check, ${lines}, ${bad} rejected`,
        figure: `${c.secs.toFixed(1)} s = ${fmtRate(n / c.secs)}, peak RSS ${c.mib.toFixed(0)} MiB`,
        target,
        met: checked && met(c.secs, c.mib),
        note: checked ? 'summary and each rejected line checked' : `unexpected output (status ${c.status}): ${JSON.stringify((c.stdout + c.stderr).slice(0, 300))}`
      })

      const r = time(['run', 'programme.json', '--org', 'org.json', '--host', 'host.json', '--events', 'events.jsonl', '--period', '2021-07', '--format', 'json'])
      const ran = r.status === 1 && r.stderr.split('\n').length === bad + 1 && r.stdout.includes('"id": "study"')
      report({
        bench: `moral-bank run (4 boards + previous month, lists, composite, 8 awards, roll), ${lines}`,
        figure: `${r.secs.toFixed(1)} s = ${fmtRate(n / r.secs)}, peak RSS ${r.mib.toFixed(0)} MiB`,
        target,
        met: ran && met(r.secs, r.mib),
        note: ran ? 'ran; each rejected line reported' : `did not complete (status ${r.status}, ${r.stderr.split('\n').length - 1} lines on stderr): ${JSON.stringify(r.stderr.slice(-300))}`
      })
      rmSync(events, { force: true })
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
    cli.remove()
  }
}
