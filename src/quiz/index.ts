/**
 * `moral-bank/quiz`: question banks, blueprints and seeded paper assembly,
 * public views without the key, rounds as plain data with pure transitions,
 * exact scoring, the `quiz.completed` ledger event and the wrong-answer notebook.
 *
 * @module
 */
export * as rationals from './rational.js'
export type {
  Rational
} from './rational.js'
export {
  DEFAULT_DIFFICULTY,
  DEFAULT_POINTS,
  QUESTION_TYPES,
  textOf
} from './question.js'
export type {
  Accepted,
  Blank,
  ChoiceOption,
  Difficulty,
  Essay,
  FillBlank,
  Item,
  Judge,
  Matching,
  MultipleChoice,
  MultipleScoring,
  Numerical,
  NumericAnswer,
  OptionId,
  Ordering,
  OrderingScoring,
  Pair,
  Question,
  QuestionCommon,
  QuestionType,
  RichText,
  SingleChoice,
  TextFormat
} from './question.js'
export {
  decodeQuestion,
  validateQuestion
} from './validate.js'
export {
  decodeQuestionBank,
  decodeQuestionBankJson,
  indexQuestionBank
} from './bank.js'
export type {
  QuestionBankIndex,
  QuestionBankReport,
  Rejected
} from './bank.js'
export {
  normaliseAnswer
} from './normalise.js'
export {
  decodeBlueprint
} from './blueprint.js'
export type {
  Blueprint,
  Section,
  SectionOrder,
  TagFilter
} from './blueprint.js'
export {
  publicPaper,
  publicQuestion
} from './paper.js'
export type {
  Paper,
  PaperQuestion,
  PublicChoice,
  PublicPaper,
  PublicQuestion
} from './paper.js'
export {
  assemble,
  fixedPaper
} from './assemble.js'
export type {
  AssembleOptions,
  FixedPaperOptions,
  Shortfall
} from './assemble.js'
export {
  checkResponse,
  decodeQuizResponse,
  decodeQuizResponseJson
} from './response.js'
export type {
  QuizResponse
} from './response.js'
export {
  gradeQuestion
} from './grade.js'
export type {
  Graded,
  GradeStatus
} from './grade.js'
export {
  answer,
  applyTimeout,
  deadline,
  gradeManual,
  inGrace,
  isSealed,
  openQuestion,
  startRound,
  submit,
  verifyRound
} from './round.js'
export type {
  EndReason,
  Limits,
  Mode,
  Round,
  RoundError,
  RoundErrorReason,
  RoundStatus,
  Slot,
  StartParams,
  TimeoutPolicy
} from './round.js'
export {
  decodePaper,
  decodeRound,
  decodeRoundJson
} from './stored.js'
export {
  attemptsScore,
  keyAnswer,
  questionFeedback,
  roundResult
} from './result.js'
export type {
  AttemptPolicy,
  Feedback,
  KeyAnswer,
  QuizCompletedEvent,
  RoundResult
} from './result.js'
export {
  dailySeed,
  dueItems,
  emptyBook,
  recordResult,
  reviewItem,
  reviewPaper,
  sm2Step
} from './review.js'
export type {
  Quality,
  ReviewBook,
  ReviewItem
} from './review.js'
