/**
 * GIFT export: a bank written in Moodle's GIFT syntax, each question preceded
 * by a `// [id:…] [tag:…]` comment so that importing the file again gives the
 * same bank. Whatever GIFT cannot carry is reported at the question's JSON path.
 *
 * @module
 */
import { at, problem, text, type PathSegment, type Problem } from '../core/internal.js'
import {
  DEFAULT_DIFFICULTY,
  DEFAULT_POINTS,
  formatOf,
  textOf,
  type NumericAnswer,
  type Question,
  type RichText,
  type TextFormat
} from '../quiz/internal.js'
import { BLANK_MARK, fractionToPercent, type ExportResult } from './source.js'
import { giftEscape, startsWithMarker, startsWithWeight } from './gift-text.js'

// -------------------------------------------------------------------------------------
// export
// -------------------------------------------------------------------------------------

const lost = (path: ReadonlyArray<PathSegment>, en: string, zh: string, value: unknown): Problem =>
  problem('unsupported', at(path), text(en, zh), value)

/**
 * Write questions as GIFT. Questions GIFT cannot express (ordering, several
 * blanks, a one-option single choice) are left out and reported; parts it
 * cannot carry (explanation, rubric, a non-fraction scoring, …) are reported
 * and the rest written.
 *
 * @category export
 * @example
 * exportGift([{ id: 'q1', type: 'judge', stem: '1921 年中共一大召开。', tags: ['党史'], difficulty: 3, points: 1, answer: true }]).text
 * // => '// [id:q1] [tag:党史]\n1921 年中共一大召开。{TRUE}\n'
 */
export const exportGift = (questions: ReadonlyArray<Question>): ExportResult => {
  const problems: Array<Problem> = []
  const blocks: Array<string> = []
  questions.forEach((q, i) => {
    const out = writeQuestion(q, [i], problems)
    if (out !== undefined) blocks.push(out)
  })
  return { text: blocks.join('\n'), problems }
}

const writeQuestion = (q: Question, p: ReadonlyArray<PathSegment>, problems: Array<Problem>): string | undefined => {
  const Q: TextFormat = formatOf(q.stem, q.format ?? 'plain')
  /** A text in this question: its marker when its format differs from the question's, or when it would be misread. */
  const rich = (r: RichText, path: ReadonlyArray<PathSegment>, guardWeight = false): string => {
    const t = textOf(r)
    const f = formatOf(r, Q)
    if (guardWeight && startsWithWeight(t)) {
      problems.push(lost(path, 'a text not starting like a %n% weight (it would be read as one)', '不以 %n% 权重形式开头的文本（否则会被读作权重）', t))
    }
    const marker = f !== Q || startsWithMarker(t) ? `[${f}]` : ''
    return `${marker}${giftEscape(t)}`
  }
  const meta: Array<string> = []
  if (q.id.includes(']') || q.id.trim() !== q.id) {
    problems.push(lost([...p, 'id'], 'an id without "]" or surrounding spaces (GIFT writes it as [id:…])', '不含 "]" 或首尾空白的标识（GIFT 写作 [id:…]）', q.id))
  }
  else meta.push(`[id:${q.id}]`)
  q.tags.forEach((t, k) => {
    if (t.includes(']') || t.includes('\n') || t.trim() !== t) {
      problems.push(lost([...p, 'tags', k], 'a tag without "]", line breaks or surrounding spaces', '不含 "]"、换行或首尾空白的标签', t))
    } else meta.push(`[tag:${t}]`)
  })
  if (q.difficulty !== DEFAULT_DIFFICULTY) meta.push(`[difficulty:${q.difficulty}]`)
  if (q.points !== DEFAULT_POINTS) meta.push(`[points:${q.points}]`)
  if (q.explanation !== undefined) problems.push(lost([...p, 'explanation'], 'no explanation (GIFT has no place for it; use feedback)', '无解析（GIFT 无此字段；可用反馈）', textOf(q.explanation)))
  if (q.source !== undefined) problems.push(lost([...p, 'source'], 'no source (GIFT has no place for it)', '无来源（GIFT 无此字段）', q.source))

  const title = q.title === undefined || q.title.trim() === '' ? '' : `::${giftEscape(q.title)}::`
  if (q.title !== undefined && q.title.trim() !== q.title) problems.push(lost([...p, 'title'], 'a title without surrounding spaces', '首尾无空白的标题', q.title))
  const stemText = textOf(q.stem)
  if (stemText.trim() !== stemText) problems.push(lost([...p, 'stem'], 'a stem without surrounding spaces (GIFT trims them)', '首尾无空白的题干（GIFT 会去掉）', stemText))
  const stemMarker =
    q.format !== undefined || Q !== 'plain' ? `[${Q}]` : startsWithMarker(stemText) || stemText.startsWith('//') ? '[moodle]' : ''
  const cut = stemText.indexOf(BLANK_MARK)
  const afterRaw = cut === -1 ? '' : stemText.slice(cut + BLANK_MARK.length)
  const split = cut !== -1 && afterRaw.trim() !== ''
  const before = split ? stemText.slice(0, cut) : stemText
  const after = split ? giftEscape(afterRaw) : ''
  const head = `${meta.length === 0 ? '' : `// ${meta.join(' ')}\n`}${title}${stemMarker}${giftEscape(before)}`
  const fb = (r: RichText | undefined): string => (r === undefined ? '' : `#${rich(r, p)}`)
  const general = q.feedback === undefined ? '' : `\n\t####${rich(q.feedback, [...p, 'feedback'])}`
  const block = (lines: ReadonlyArray<string>): string => `${head}{\n${lines.map((l) => `\t${l}`).join('\n')}${general}\n}${after}\n`

  switch (q.type) {
    case 'single':
    case 'multiple': {
      if (q.options.length < 2) {
        problems.push(lost([...p, 'options'], 'at least two options (one alone reads as a short answer)', '至少两个选项（只有一个会被读作填空）', q.options.length))
        return undefined
      }
      const correct = new Set<string>(q.type === 'single' ? [q.answer] : q.answer)
      const k = Math.max(1, correct.size)
      if (q.type === 'multiple' && (q.scoring ?? 'all-or-nothing') !== 'fractions') {
        problems.push(
          lost([...p, 'scoring'], 'fractions scoring (GIFT multiple-answer questions score by fractions)', 'fractions 计分（GIFT 多选题按权重计分）', q.scoring ?? 'all-or-nothing')
        )
      }
      const lines = q.options.map((o, n) => {
        const path = [...p, 'options', n]
        const body = `${rich(o.text, [...path, 'text'], o.fraction === undefined && q.type === 'single')}${fb(o.feedback)}`
        if (q.type === 'single') {
          const sign = o.id === q.answer ? '=' : '~'
          return `${sign}${o.fraction === undefined ? '' : `%${fractionToPercent(o.fraction)}%`}${body}`
        }
        const f = o.fraction ?? (correct.has(o.id) ? 1 / k : -1 / k)
        return `~%${fractionToPercent(f)}%${body}`
      })
      return block(lines)
    }
    case 'judge': {
      const right = q.answer ? q.trueFeedback : q.falseFeedback
      const wrong = q.answer ? q.falseFeedback : q.trueFeedback
      const fbs = right !== undefined ? `#${wrong === undefined ? '' : rich(wrong, p)}#${rich(right, p)}` : wrong !== undefined ? `#${rich(wrong, p)}` : ''
      const g = q.feedback === undefined ? '' : `####${rich(q.feedback, [...p, 'feedback'])}`
      return `${head}{${q.answer ? 'TRUE' : 'FALSE'}${fbs}${g}}${after}\n`
    }
    case 'blank': {
      const b = q.blanks[0]
      if (q.blanks.length !== 1 || b === undefined) {
        problems.push(lost([...p, 'blanks'], 'exactly one blank (GIFT has one answer block per question)', '恰好一个空（GIFT 每题一个答案块）', q.blanks.length))
        return undefined
      }
      if (q.caseSensitive === true) problems.push(lost([...p, 'caseSensitive'], 'case-insensitive answers (GIFT cannot say otherwise)', '不区分大小写（GIFT 无法表达）', true))
      const lines = b.accept.map((a, n) => {
        if (a.text.includes('->')) problems.push(lost([...p, 'blanks', 0, 'accept', n, 'text'], 'an answer without "->" (it would read as matching)', '不含 "->" 的答案（否则会被读作匹配题）', a.text))
        const t = startsWithMarker(a.text) ? `[plain]${giftEscape(a.text)}` : giftEscape(a.text)
        if (a.fraction === undefined && startsWithWeight(a.text)) {
          problems.push(lost([...p, 'blanks', 0, 'accept', n, 'text'], 'a text not starting like a %n% weight', '不以 %n% 权重形式开头的文本', a.text))
        }
        return `=${a.fraction === undefined ? '' : `%${fractionToPercent(a.fraction)}%`}${t}${fb(a.feedback)}`
      })
      return block(lines)
    }
    case 'matching': {
      const lines = q.pairs.map((pair, n) => {
        const path = [...p, 'pairs', n]
        const left = textOf(pair.left)
        if (left.includes('->') || left.trim() === '') {
          problems.push(lost([...path, 'left'], 'a non-empty left item without "->"', '非空且不含 "->" 的左项', left))
        }
        if (formatOf(pair.right, Q) !== 'plain') problems.push(lost([...path, 'right'], 'a plain-text right item', '纯文本右项', pair.right))
        return `=${rich(pair.left, [...path, 'left'])} -> ${giftEscape(textOf(pair.right))}`
      })
      ;(q.distractors ?? []).forEach((d, n) => {
        if (formatOf(d, Q) !== 'plain') problems.push(lost([...p, 'distractors', n], 'a plain-text right item', '纯文本右项', d))
        lines.push(`= -> ${giftEscape(textOf(d))}`)
      })
      return block(lines)
    }
    case 'numerical': {
      const spec = (a: NumericAnswer): string =>
        a.kind === 'exact' ? `${String(a.value)}${a.tolerance === undefined ? '' : `:${String(a.tolerance)}`}` : `${String(a.min)}..${String(a.max)}`
      const only = q.answers[0]
      if (q.answers.length === 1 && only !== undefined && only.fraction === undefined && only.feedback === undefined && q.feedback === undefined) {
        return `${head}{#${spec(only)}}${after}\n`
      }
      const lines = q.answers.map((a) => `=${a.fraction === undefined ? '' : `%${fractionToPercent(a.fraction)}%`}${spec(a)}${fb(a.feedback)}`)
      return `${head}{#\n${lines.map((l) => `\t${l}`).join('\n')}${general}\n}${after}\n`
    }
    case 'essay': {
      if (q.rubric !== undefined) problems.push(lost([...p, 'rubric'], 'no rubric (GIFT has no place for it)', '无评分要点（GIFT 无此字段）', textOf(q.rubric)))
      if (q.minLength !== undefined) problems.push(lost([...p, 'minLength'], 'no minimum length (GIFT has no place for it)', '无最小长度（GIFT 无此字段）', q.minLength))
      if (q.maxLength !== undefined) problems.push(lost([...p, 'maxLength'], 'no maximum length (GIFT has no place for it)', '无最大长度（GIFT 无此字段）', q.maxLength))
      const g = q.feedback === undefined ? '' : `####${rich(q.feedback, [...p, 'feedback'])}`
      return `${head}{${g}}${after}\n`
    }
    case 'ordering':
      problems.push(lost([...p, 'type'], 'a question type GIFT can express (ordering has no GIFT form); the question was left out', 'GIFT 能表达的题型（排序题没有 GIFT 形式），该题未导出', q.type))
      return undefined
  }
}
