// What a quiz client (the member's page) bundles: the public view of a paper and the member's
// responses, read from JSON and checked, problems shown in the member's language, the paper drawn
// from its labels. The key, the bank and the grading stay on the server (README "Who holds what").
// The paper is read with `decodeJson` (BOM, duplicate keys, syntax at line:column), each response with
// `decodeQuizResponse` (what the server's answer() will check again against the paper).
import * as t from 'io-ts'
import { decodeJson, renderProblems } from 'moral-bank/core'
import { decodeQuizResponse, type PublicPaper, type PublicQuestion, type QuizResponse, type RichText } from 'moral-bank/quiz'

const readJson = decodeJson(t.unknown)
const readList = decodeJson(t.array(t.unknown))
const plain = (x: RichText): string => (typeof x === 'string' ? x : x.text)

/** The paper the server sent, as text the page shows (or the problems with it, in Chinese). */
export const showPaper = (json: string): ReadonlyArray<string> => {
  const parsed = readJson(json)
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

/** The member's answers as the page kept them (say, from local storage), read before sending. */
export const readResponses = (json: string): { readonly responses: ReadonlyArray<QuizResponse>; readonly problems: string } => {
  const parsed = readList(json)
  if (parsed._tag === 'Left') return { responses: [], problems: renderProblems(parsed.left, 'zh') }
  const responses: Array<QuizResponse> = []
  const problems: Array<string> = []
  for (const u of parsed.right) {
    const r = decodeQuizResponse(u)
    if (r._tag === 'Left') problems.push(renderProblems(r.left, 'zh'))
    else responses.push(r.right)
  }
  return { responses, problems: problems.join('\n') }
}
