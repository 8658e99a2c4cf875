// What the server sends: plain JSON views of a round, a result, a member's points, the boards and the
// honor roll. Before submission a member gets the public paper (opaque handles, labels A, B, …, no key)
// and their own answers; the key, the explanations and the feedback come only with the result.
import { type Instant, type Text } from 'moral-bank/core'
import { deadline, keyAnswer, publicPaper, rationals, textOf, type KeyAnswer, type Paper, type PaperQuestion, type PublicPaper, type QuizResponse, type Round, type RoundResult } from 'moral-bank/quiz'
import { dailyProgress, type DailyProgress, type Statement } from 'moral-bank/ledger'
import { bankStatement } from 'moral-bank/bank'
import type { ProgrammeRun } from 'moral-bank/programme'
import type { HonorRoll } from 'moral-bank/awards'
import type { Calendar, OrgTree } from 'moral-bank/core'
import type { RedBlack } from 'moral-bank/ranking'

/** A round as its member sees it before submission. */
export interface RoundView {
  readonly id: string
  readonly status: Round['status']
  readonly startedAt: number
  readonly deadline?: number
  /** The server's clock when the view was made (the page's timer counts from it). */
  readonly now: number
  readonly paper: PublicPaper
  /** The member's own answers so far, by question handle (a round taken up again after a reload). */
  readonly given: Readonly<Record<string, QuizResponse>>
}

/** What an answer gets back: it is kept (the round's step), nothing more. */
export interface AnswerAck {
  readonly id: string
  readonly question: string
  readonly step: number
  readonly status: Round['status']
}

/** One question after submission: what was answered, the right answer, the grade and why. */
export interface QuestionResult {
  readonly handle: string
  readonly answered?: QuizResponse
  readonly right: KeyAnswer
  readonly fraction: number
  readonly score: number
  readonly points: number
  readonly explanation?: string
}

/** A submitted round: the score, the right answers and the explanations. */
export interface ResultView {
  readonly id: string
  readonly status: Round['status']
  readonly score: number
  readonly maxScore: number
  readonly correct: number
  readonly total: number
  readonly paper: PublicPaper
  readonly questions: ReadonlyArray<QuestionResult>
}

export const roundView = (paper: Paper, round: Round, now: number): RoundView => {
  const given: Record<string, QuizResponse> = {}
  paper.questions.forEach((pq, i) => {
    const r = round.slots[i]?.response
    if (r !== undefined) given[pq.handle] = r
  })
  const end = deadline(round)
  const base = { id: round.id, status: round.status, startedAt: round.startedAt, now, paper: publicPaper(paper), given }
  return end === undefined ? base : { ...base, deadline: end }
}

// The question's explanation and general feedback, as questionFeedback gives them after submission (read
// from the server's paper directly: the round was verified once when it was graded).
const explanationOf = (pq: PaperQuestion): string | undefined => {
  const parts = [pq.question.explanation, pq.question.feedback].filter((x) => x !== undefined).map(textOf)
  return parts.length === 0 ? undefined : parts.join(' ')
}

export const resultView = (paper: Paper, round: Round, result: RoundResult): ResultView => ({
  id: round.id,
  status: round.status,
  score: rationals.toNumber(result.score),
  maxScore: result.maxScore,
  correct: result.correct,
  total: result.total,
  paper: publicPaper(paper),
  questions: paper.questions.map((pq, i): QuestionResult => {
    const g = result.questions[i]
    const answered = round.slots[i]?.response
    const explanation = explanationOf(pq)
    return {
      handle: pq.handle,
      ...(answered === undefined ? {} : { answered }),
      right: keyAnswer(pq),
      fraction: g === undefined ? 0 : rationals.toNumber(g.fraction),
      score: g === undefined ? 0 : rationals.toNumber(g.score),
      points: pq.points,
      ...(explanation === undefined ? {} : { explanation })
    }
  })
})

// -------------------------------------------------------------------------------------
// the run's views
// -------------------------------------------------------------------------------------

/** A member's points today (earned / cap per task) and their Moral Bank passbook for the month. */
export interface PointsView {
  readonly member: string
  readonly label: string
  readonly day: string
  readonly today: DailyProgress
  readonly balances: Readonly<Record<string, number>>
  readonly passbook?: Statement
}

export const pointsView = (run: ProgrammeRun, cal: Calendar, member: string, now: number): PointsView => {
  const day = cal.key('day', now as Instant)
  const balances = run.ledger.subjects.get(member)?.balances ?? {}
  const base = { member, label: run.org.memberById.get(member)?.label ?? member, day, today: dailyProgress(run.ledger, member, day), balances }
  return run.bank === undefined ? base : { ...base, passbook: bankStatement(run.bank, member, 'moral', run.period) }
}

/** One row of a board, named. */
export interface RowView {
  readonly subject: string
  readonly name: string
  readonly unit?: string
  readonly rank: number
  readonly score: number
}

export interface BoardView {
  readonly id: string
  readonly label: Text
  readonly rows: ReadonlyArray<RowView>
  readonly red?: ReadonlyArray<RowView>
  readonly black?: ReadonlyArray<RowView>
}

/** The boards the reading room posts: the study board (top 20) and the work groups' boards with their red/black lists. */
export interface BoardsView {
  readonly period: string
  readonly boards: ReadonlyArray<BoardView>
}

const nameOf = (org: OrgTree, subject: string): { readonly name: string; readonly unit?: string } => {
  const m = org.memberById.get(subject)
  if (m !== undefined) {
    const unit = org.unitById.get(m.unit)?.label
    return unit === undefined ? { name: m.label ?? m.id } : { name: m.label ?? m.id, unit }
  }
  return { name: org.unitById.get(subject)?.label ?? subject }
}

const rowOf = (org: OrgTree) => (r: { readonly subject: string; readonly rank: number; readonly score: number }): RowView => ({
  subject: r.subject, ...nameOf(org, r.subject), rank: r.rank, score: Math.round(r.score * 100) / 100
})

const listsOf = (org: OrgTree, lists: RedBlack | undefined): Pick<BoardView, 'red' | 'black'> =>
  lists === undefined ? {} : { red: lists.red.map(rowOf(org)), black: lists.black.map(rowOf(org)) }

export const boardsView = (run: ProgrammeRun, top = 20): BoardsView => ({
  period: run.period.key,
  boards: [
    ...run.boards.map((b): BoardView => ({
      id: b.id, label: b.label, rows: b.board.rows.filter((r) => r.score !== 0).slice(0, top).map(rowOf(run.org)), ...listsOf(run.org, b.lists)
    })),
    ...run.composites.map((c): BoardView => ({
      id: c.id, label: c.label, rows: c.composite.rows.slice(0, top).map(rowOf(run.org)), ...listsOf(run.org, c.lists)
    }))
  ]
})

/** The honor roll as posted: title, notice window, every category with every reason. */
export const rollView = (run: ProgrammeRun): HonorRoll | { readonly vacant: true } => run.roll ?? { vacant: true }
