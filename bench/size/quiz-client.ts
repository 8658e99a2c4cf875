// What a quiz client (the member's page) bundles: the public view of a paper and the member's
// responses, read from JSON and checked, problems shown in the member's language, the paper drawn
// from its labels. The key, the bank and the grading stay on the server (README "Who holds what").
import { decode, parseJson, renderProblems, type Problem } from 'moral-bank/core'
import { QuizResponseC, type PublicPaper, type PublicQuestion, type QuizResponse, type RichText } from 'moral-bank/quiz'

const plain = (t: RichText): string => (typeof t === 'string' ? t : t.text)

/** The paper the server sent, as text the page shows (or the problems with it, in Chinese). */
export const showPaper = (json: string): ReadonlyArray<string> => {
  const parsed = parseJson(json)
  if (parsed._tag === 'Left') return [renderProblems(parsed.left, 'zh')]
  const paper = parsed.right as PublicPaper
  return paper.questions.map((q: PublicQuestion) => {
    const head = `${q.index + 1}. ${plain(q.stem)}（${q.points} 分）`
    switch (q.type) {
      case 'single':
      case 'multiple':
        return [head, ...q.options.map((o) => `${o.id}. ${plain(o.text)}`)].join('\n')
      case 'ordering':
        return [head, ...q.items.map((o) => `${o.id}. ${plain(o.text)}`)].join('\n')
      case 'matching':
        return [head, ...q.left.map((o) => `${o.id}. ${plain(o.text)}`), ...q.right.map((o) => `${o.id}. ${plain(o.text)}`)].join('\n')
      case 'blank':
        return [head, ...q.blanks.map((b) => `${b}. ____`)].join('\n')
      default:
        return head
    }
  })
}

const readResponse = decode(QuizResponseC)

/** The member's answers as the page kept them (say, from local storage), checked before sending. */
export const readResponses = (json: string): { readonly responses: ReadonlyArray<QuizResponse>; readonly problems: string } => {
  const parsed = parseJson(json)
  if (parsed._tag === 'Left') return { responses: [], problems: renderProblems(parsed.left, 'zh') }
  const items: ReadonlyArray<unknown> = Array.isArray(parsed.right) ? parsed.right : []
  const responses: Array<QuizResponse> = []
  const problems: Array<Problem> = []
  items.forEach((u, i) => {
    const r = decode(QuizResponseC, [i])(u)
    if (r._tag === 'Right') responses.push(r.right)
    else problems.push(...r.left)
  })
  return { responses, problems: renderProblems(problems, 'zh') }
}

export { readResponse }
