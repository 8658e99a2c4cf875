/**
 * The CLI's environment on Node: files, terminals, the clock, randomness and
 * the argument parser. The only module (with main.ts) that touches the machine.
 *
 * @module
 */
import { randomBytes } from 'node:crypto'
import { closeSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import type { CliEnv } from './command.js'

// Files stream in 1 MiB chunks (bytes: the line splitter decodes UTF-8 across chunk ends).
const CHUNK_BYTES = 1 << 20

/** A file's bytes in chunks, read synchronously; each chunk is valid until the next is asked for. */
export function* fileChunks(path: string): Generator<Uint8Array, void, undefined> {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.allocUnsafe(CHUNK_BYTES)
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK_BYTES, null)
      if (n === 0) return
      yield n === CHUNK_BYTES ? buf : buf.subarray(0, n)
    }
  } finally {
    closeSync(fd)
  }
}

/** The environment of the `moral-bank` process. */
export const nodeEnv = (): CliEnv => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { readonly version: string }
  return {
    version: pkg.version,
    now: Date.now(),
    parseArgs,
    readText: (path) => readFileSync(path, 'utf8'),
    readChunks: fileChunks,
    writeText: (path, text) => {
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, text)
    },
    stderrIsTTY: process.stderr.isTTY === true,
    stderr: (s) => {
      process.stderr.write(s)
    },
    randomSecret: () => randomBytes(16).toString('hex')
  }
}
