#!/usr/bin/env node
/**
 * The `moral-bank` command: the CLI run on the process's arguments in
 * Node's environment, its output written and its exit code set.
 *
 * @module
 */
import { nodeEnv } from './node-env.js'
import { run } from './run.js'

const result = run(process.argv.slice(2), nodeEnv())
if (result.stdout !== '') process.stdout.write(result.stdout)
if (result.stderr !== '') process.stderr.write(result.stderr)
process.exitCode = result.code
