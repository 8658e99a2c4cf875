#!/usr/bin/env node
/**
 * The `moral-bank` command. The only place allowed Node built-ins, the clock
 * and process exit codes.
 *
 * @module
 */
import { createReadStream, readFileSync } from 'node:fs'
import { EVENTS, checkLines, linesArgs } from './check-lines.js'
import { run } from './run.js'

// JSON Lines files stream: 1 MiB chunks, decoded as UTF-8 by the stream (a character split between chunks is kept whole).
const CHUNK_BYTES = 1 << 20

const streamEvents = async (args: ReadonlyArray<string>): Promise<number | undefined> => {
  const parsed = linesArgs(args)
  if ('error' in parsed) return undefined // `run` prints the usage error
  try {
    const chunks = createReadStream(parsed.file, { encoding: 'utf8', highWaterMark: CHUNK_BYTES })
    const r = await checkLines(EVENTS, parsed, chunks, (s) => process.stderr.write(s))
    process.stdout.write(r.stdout)
    return r.code
  } catch (err) {
    process.stderr.write(`${parsed.lang === 'zh' ? '无法读取' : 'cannot read'} ${parsed.file}: ${String((err as Error).message ?? err)}\n`)
    return 2
  }
}

const argv = process.argv.slice(2)
const streamed = argv[0] === 'check-events' ? await streamEvents(argv.slice(1)) : undefined
if (streamed !== undefined) process.exitCode = streamed
else {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  const result = run(argv, { version: pkg.version, now: Date.now(), readText: (path) => readFileSync(path, 'utf8') })
  if (result.stdout !== '') process.stdout.write(result.stdout)
  if (result.stderr !== '') process.stderr.write(result.stderr)
  process.exitCode = result.code
}
