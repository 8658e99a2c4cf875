/**
 * Looking up a rule set's account by id, as an error value: a balance,
 * statement or board on an account the rules do not define is a problem
 * naming it and the accounts that exist, never a silent 0.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, listText, problem, text, type PathSegment, type Problem, type Text } from '../core/internal.js'
import type { Account, CompiledRuleSet } from './model.js'

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * How many names `expectedOneOf` lists before it says how many more there are.
 *
 * @category utilities
 * @example
 * LISTED_NAMES // => 10
 */
export const LISTED_NAMES = 10

/**
 * "one of the accounts a, b, c": an expectation naming at most `LISTED_NAMES`
 * names, then how many more (so a problem stays short whatever the list).
 *
 * @category utilities
 * @example
 * expectedOneOf(['study', 'moral'], 'accounts', '账户').en // => 'one of the accounts study, moral'
 * expectedOneOf([], 'accounts', '账户').en // => 'one of the accounts (none defined)'
 */
export const expectedOneOf = (names: ReadonlyArray<string>, what: string, zh: string, max: number = LISTED_NAMES): Text => {
  if (names.length === 0) return text(`one of the ${what} (none defined)`, `已声明的${zh}（未声明任何${zh}）`)
  const l = listText(names, max, names.length)
  return text(`one of the ${what} ${l.en}`, `已声明的${zh}：${l.zh}`)
}

/**
 * The rule set's account with this id (its first account when `id` is
 * omitted), or a `reference` problem at `path` naming the id and the
 * accounts that exist.
 *
 * @category utilities
 * @example
 * const rs = compileRuleSetOrThrow(dailyStudy())
 * E.isRight(findAccount(rs, 'study')) // => true
 * renderProblems(E.swap(findAccount(rs, 'moarl')).right)
 * // => '$.account: expected one of the accounts study, got "moarl"'
 */
export const findAccount = (
  rs: CompiledRuleSet,
  id?: string,
  path: ReadonlyArray<PathSegment> = ['account']
): E.Either<ReadonlyArray<Problem>, Account> => {
  const found = id === undefined ? rs.accounts[0] : rs.accounts.find((a) => a.id === id)
  if (found !== undefined) return E.right(found)
  const known = rs.accounts.map((a) => a.id as string)
  return E.left([problem('reference', at(path), expectedOneOf(known, 'accounts', '账户'), id ?? '(no account)')])
}
