/**
 * `moral-bank/quiz`: question banks, blueprints and seeded paper assembly,
 * public views without the key, rounds as plain data with pure transitions,
 * exact scoring, the `quiz.completed` ledger event and the wrong-answer notebook.
 *
 * @module
 */
export * as rationals from './rational.js'
export {
  type Rational
} from './rational.js'
export {
  type Accepted,
  type Blank,
  type ChoiceOption,
  DEFAULT_DIFFICULTY,
  DEFAULT_POINTS,
  type Difficulty,
  type Essay,
  type FillBlank,
  type Item,
  type Judge,
  type Matching,
  type MultipleChoice,
  type MultipleScoring,
  type Numerical,
  type NumericAnswer,
  type OptionId,
  type Ordering,
  type OrderingScoring,
  type Pair,
  type Question,
  QUESTION_TYPES,
  type QuestionCommon,
  type QuestionType,
  type RichText,
  type SingleChoice,
  type TextFormat,
  textOf
} from './question.js'
export {
  decodeQuestion,
  validateQuestion
} from './validate.js'
export {
  type QuestionBankIndex,
  type QuestionBankReport,
  decodeQuestionBank,
  decodeQuestionBankJson,
  indexQuestionBank,
  type Rejected
} from './bank.js'
export {
  normaliseAnswer
} from './normalise.js'
export {
  type Blueprint,
  decodeBlueprint,
  type Section,
  type SectionOrder,
  type TagFilter
} from './blueprint.js'
export {
  type Paper,
  type PaperQuestion,
  type PublicChoice,
  publicPaper,
  type PublicPaper,
  publicQuestion,
  type PublicQuestion
} from './paper.js'
export {
  assemble,
  type AssembleOptions,
  fixedPaper,
  type FixedPaperOptions,
  type Shortfall
} from './assemble.js'
export {
  checkResponse,
  type QuizResponse
} from './response.js'
export {
  type Graded,
  gradeQuestion,
  type GradeStatus
} from './grade.js'
export {
  answer,
  deadline,
  type EndReason,
  applyTimeout,
  type TimeoutPolicy,
  gradeManual,
  inGrace,
  isSealed,
  type Limits,
  type Mode,
  openQuestion,
  type Round,
  type RoundError,
  type RoundErrorReason,
  type RoundStatus,
  type Slot,
  type StartParams,
  startRound,
  submit,
  verifyRound
} from './round.js'
export {
  decodePaper,
  decodeRound,
  decodeRoundJson
} from './stored.js'
export {
  type AttemptPolicy,
  attemptsScore,
  type Feedback,
  keyAnswer,
  type KeyAnswer,
  questionFeedback,
  type QuizCompletedEvent,
  roundResult,
  type RoundResult
} from './result.js'
export {
  dailySeed,
  dueItems,
  emptyBook,
  type Quality,
  recordResult,
  type ReviewBook,
  reviewItem,
  type ReviewItem,
  reviewPaper,
  sm2Step
} from './review.js'
