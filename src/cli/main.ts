#!/usr/bin/env node
/**
 * The `moral-bank` command. The only place allowed Node built-ins, the clock
 * and process exit codes.
 *
 * @module
 */
import { readFileSync } from 'node:fs'
import { run } from './run.js'

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
const result = run(process.argv.slice(2), { version: pkg.version, now: Date.now(), readText: (path) => readFileSync(path, 'utf8') })
if (result.stdout !== '') process.stdout.write(result.stdout)
if (result.stderr !== '') process.stderr.write(result.stderr)
process.exitCode = result.code
