/**
 * The "daily study" preset, modelled on the public study-app rules of
 * 2022-23, so a host can start with one line.
 *
 * @module
 */
import { pipe } from 'fp-ts/lib/function.js'
import { attrIs } from './condition.js'
import {
  accumulate,
  account,
  atLeast,
  capPer,
  firstN,
  fromScore,
  labelled,
  perAction,
  perContent,
  perUnit,
  ruleSet,
  when,
  type RuleSetSpec
} from './rule.js'

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The daily-study rule set (account `study`, zone Asia/Shanghai unless given):
 * - `login` 1 a day;
 * - `article` 1 per `article.read` with `seconds` ≥ 30, each `content` once, cap 6 a day;
 * - `article-time` 1 per full minute of reading accumulated over the day (the `seconds` of every
 *   `article.read` of the day summed: 90 + 90 + 45 s make 3 minutes), cap 6 a day;
 * - `video` and `video-time` the same for `video.watched` and `audio.listened`;
 * - `daily-quiz` 1 per `correct` answer of a `quiz.completed` with `kind` `daily`, cap 5 a day;
 * - `weekly-quiz` the same for `kind` `weekly`, each `quiz` set once;
 * - `special-quiz` 1 per correct answer for `kind` `special`: one set a day, never the same `quiz` set twice.
 *
 * `correct` is a whole count; a fractional value is rounded down (`linear`, floor).
 * Daily maximum without special practice: 1 + 6 + 6 + 6 + 6 + 5 + 5 = 35.
 *
 * @category constructors
 * @example
 * const book = foldLedger(compileRuleSetOrThrow(dailyStudy()))(events)
 */
export const dailyStudy = (options: { readonly zone?: string; readonly account?: string } = {}): RuleSetSpec => {
  const acc = options.account ?? 'study'
  const inAcc = (r: ReturnType<typeof perAction>) => ({ ...r, account: acc })
  const media = ['video.watched', 'audio.listened']
  const quiz = (id: string, kind: string) => pipe(fromScore(id, 'quiz.completed', 'correct', 1, { round: 'floor' }), when(attrIs('kind', 'eq', kind)))
  return ruleSet(
    [account(acc, { label: { en: 'Study score', zh: '学习积分' } })],
    [
      pipe(perAction('login', 'login', 1), capPer('day', 1), labelled({ en: 'Login', zh: '登录' })),
      pipe(perAction('article', 'article.read', 1), atLeast('seconds', 30), perContent('content'), capPer('day', 6), labelled({ en: 'Articles read', zh: '阅读文章' })),
      pipe(perUnit('article-time', 'article.read', 'seconds', 60, 1), accumulate('day'), capPer('day', 6), labelled({ en: 'Reading time', zh: '文章学习时长' })),
      pipe(perAction('video', media, 1), atLeast('seconds', 30), perContent('content'), capPer('day', 6), labelled({ en: 'Audio and video', zh: '视听学习' })),
      pipe(perUnit('video-time', media, 'seconds', 60, 1), accumulate('day'), capPer('day', 6), labelled({ en: 'Audio and video time', zh: '视听学习时长' })),
      pipe(quiz('daily-quiz', 'daily'), capPer('day', 5), labelled({ en: 'Daily quiz', zh: '每日答题' })),
      pipe(quiz('weekly-quiz', 'weekly'), perContent('quiz'), capPer('day', 5), labelled({ en: 'Weekly quiz', zh: '每周答题' })),
      pipe(quiz('special-quiz', 'special'), perContent('quiz'), firstN(1, 'day'), labelled({ en: 'Special practice', zh: '专项答题' }))
    ].map(inAcc),
    [],
    options.zone ?? 'Asia/Shanghai'
  )
}
