// Every program of the README and docs/*.md type-checks under `--strict` with Node's module resolution,
// `moral-bank` mapped to src/ by tsconfig paths: the fast check for developers. The smoke lane runs the same
// check against the packed package. On failure, each error is listed at its file and line
// (`docs/points.md:40: …`); `npx tsc -p` on the folder repeats it.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root } from './readme.js'
import { readmeTypeErrors } from './readme-types.js'

const dir = join(root, 'node_modules', '.cache', 'moral-bank-readme-types')

describe('README and docs examples', () => {
  it('type-check as user code under --strict, against the sources', () => {
    expect(readmeTypeErrors({ dir, paths: true }).join('\n')).toBe('')
  }, 120_000)
})
