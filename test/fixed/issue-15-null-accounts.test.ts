// Found by the schema property (seed -1070292085): a programme whose bank says `"accounts": null` was
// read as if the key were absent (every account of the rules), while its JSON Schema refuses it.
// null is not "absent": the library now refuses it at its path, as the schema does.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { renderProblems } from '../../src/core/internal.js'
import { decodeProgramme } from '../../src/programme/internal.js'
import { dailyStudy } from '../../src/rules/internal.js'

describe('issue #15 regression: bank.accounts null', () => {
  const programme = (bank: unknown) => ({ version: 1, zone: 'Asia/Shanghai', rules: dailyStudy(), bank })
  it('is a problem at $.bank.accounts, not every account of the rules', () => {
    const r = decodeProgramme(programme({ accounts: null, items: [] }))
    expect(E.isLeft(r) && renderProblems(r.left)).toMatch(/^\$\.bank\.accounts: expected/)
  })
  it('absent still means every account of the rules', () => {
    const r = decodeProgramme(programme({ items: [] }))
    expect(E.isRight(r) && Object.keys(r.right.bank?.accounts ?? {})).toEqual(['study'])
  })
})
