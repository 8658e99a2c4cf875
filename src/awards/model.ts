/**
 * The award model: categories (who competes, over which period, what makes
 * them eligible, how winners are selected, quotas and tie policy), criteria
 * as composable predicates over a subject's figures, and the explained
 * results. Plain readonly data; the JSON forms live in `codec.ts`.
 *
 * @module
 */
import type { CalendarKind, Instant, OrgTree, Text, UnitId, UnitKind } from '../core/internal.js'
import type { BoardSpec, EntryLike, EventLike, HostMetrics, RedBlackSpec } from '../ranking/internal.js'
import type { BoardFigures, FigureTable } from './figures.js'

// -------------------------------------------------------------------------------------
// criteria
// -------------------------------------------------------------------------------------

/**
 * A comparison between a figure and a number.
 *
 * @category model
 * @example
 * const op: AwardOp = 'gte'
 */
export type AwardOp = 'gte' | 'gt' | 'lte' | 'lt' | 'eq' | 'ne'

/**
 * An eligibility criterion: `All`, `Any` and `Not` compose; `Compare` tests a
 * figure (see `AwardFigure` names such as `points:study`, `rank:board-id`,
 * `tenureMonths`); `Flag` tests a member's `partyMember` or `cadre`; `Tag`,
 * `Role` and `InUnit` test the member's record; `WinnerOf` asks whether the
 * subject won another award in the same run (tiered titles).
 *
 * @category model
 * @example
 * const c: AwardCriterion = { _tag: 'All', of: [{ _tag: 'Compare', figure: 'points:study', op: 'gte', value: 500 }, { _tag: 'Flag', attr: 'partyMember', value: true }] }
 */
export type AwardCriterion =
  | { readonly _tag: 'All'; readonly of: ReadonlyArray<AwardCriterion> }
  | { readonly _tag: 'Any'; readonly of: ReadonlyArray<AwardCriterion> }
  | { readonly _tag: 'Not'; readonly criterion: AwardCriterion }
  | { readonly _tag: 'Compare'; readonly figure: string; readonly op: AwardOp; readonly value: number }
  | { readonly _tag: 'Flag'; readonly attr: 'partyMember' | 'cadre'; readonly value: boolean }
  | { readonly _tag: 'Tag'; readonly tag: string }
  | { readonly _tag: 'Role'; readonly role: string }
  | { readonly _tag: 'InUnit'; readonly unit: UnitId }
  | { readonly _tag: 'WinnerOf'; readonly award: string }

// -------------------------------------------------------------------------------------
// selection
// -------------------------------------------------------------------------------------

/**
 * A score band of a graded award: everyone eligible scoring at least `min` gets `grade` (the highest band met).
 *
 * @category model
 * @example
 * const b: GradeBand = { min: 99, grade: '★★★' }
 */
export interface GradeBand {
  readonly min: number
  readonly grade: string
}

/**
 * How winners are chosen among the eligible: the best `n` (`Top`), everyone
 * scoring at least `min` with an optional `cap` (`Threshold`), a grade by
 * score band (`Grades`), or everyone eligible (`Everyone`).
 *
 * @category model
 * @example
 * const s: AwardSelection = { _tag: 'Threshold', min: 500, cap: 11 }
 */
export type AwardSelection =
  | { readonly _tag: 'Top'; readonly n: number }
  | { readonly _tag: 'Threshold'; readonly min: number; readonly cap?: number }
  | { readonly _tag: 'Grades'; readonly bands: ReadonlyArray<GradeBand> }
  | { readonly _tag: 'Everyone' }

/**
 * One weighted figure of the score that orders candidates (a single figure has weight 1).
 *
 * @category model
 * @example
 * const w: ScoreTerm = { figure: 'host:skills', weight: 0.5 }
 */
export interface ScoreTerm {
  readonly figure: string
  readonly weight: number
}

/**
 * A link of the tie-breaker chain: a figure and which way is better
 * (`reachedAt:study` ascending is "earlier achievement"); subject id always ends the chain.
 *
 * @category model
 * @example
 * const tb: AwardTieBreaker = { figure: 'reachedAt:study', order: 'asc' }
 */
export interface AwardTieBreaker {
  readonly figure: string
  readonly order: 'asc' | 'desc'
}

/**
 * What happens to subjects tied on score across a quota boundary:
 * `includeAll` (all tied win; the quota is exceeded by exactly that tie),
 * `breakChain` (the tie-breaker chain, then subject id, decides),
 * `flag` (the tied subjects are left `pending` for an admin's decision and their seats stay open).
 *
 * @category model
 * @example
 * const p: TiePolicy = 'flag'
 */
export type TiePolicy = 'includeAll' | 'breakChain' | 'flag'

/**
 * Quotas per unit: members are counted against their nearest unit of `unitKind`
 * (themselves or an ancestor); at most `max`, or `percent`% of the unit's
 * members (rounded down, at least 1). With `fallback`, a unit with no winner
 * puts forward its best eligible member even below the threshold.
 *
 * @category model
 * @example
 * const q: PerUnitQuota = { unitKind: 'branch', percent: 5, fallback: true }
 */
export interface PerUnitQuota {
  readonly unitKind: UnitKind
  readonly max?: number
  readonly percent?: number
  readonly fallback?: boolean
}

/**
 * An award category. `period` is a calendar kind (the period holding the
 * run's instant) or a fixed period key; `cutoff` is the instant after which
 * events no longer count; `excludeRoles` keeps members with any of those
 * roles out; `nearMisses` is how many runners-up are explained (default 3).
 *
 * @category model
 * @example
 * const star: AwardCategory = { id: 'learning-star', label: { en: 'Learning Star', zh: '学习之星' }, subjects: 'members', period: 'quarter',
 *   criteria: { _tag: 'All', of: [] }, by: [{ figure: 'points:study', weight: 1 }], selection: { _tag: 'Top', n: 2 } }
 */
export interface AwardCategory {
  readonly id: string
  readonly label: Text
  readonly subjects: 'members' | 'units'
  /** For unit awards: the kind of unit that competes. */
  readonly unitKind?: UnitKind
  readonly scope?: UnitId
  readonly period: CalendarKind | { readonly key: string }
  readonly cutoff?: Instant
  readonly criteria: AwardCriterion
  readonly by: ReadonlyArray<ScoreTerm>
  readonly order?: 'desc' | 'asc'
  readonly selection: AwardSelection
  readonly perUnit?: PerUnitQuota
  readonly tieBreakers?: ReadonlyArray<AwardTieBreaker>
  readonly ties?: TiePolicy
  readonly excludeRoles?: ReadonlyArray<string>
  readonly nearMisses?: number
}

/**
 * A board an award criterion can name (`rank:<id>`, `score:<id>`, `red:<id>`,
 * `black:<id>`); without a `period` of its own it follows the award's period.
 *
 * @category model
 * @example
 * const b: AwardBoard = { spec: { subjects: 'members', metric: { kind: 'points', account: 'study' }, period: allTime() }, followsAward: true, lists: { red: { count: 10 } } }
 */
export interface AwardBoard {
  readonly spec: BoardSpec
  readonly followsAward: boolean
  readonly lists?: RedBlackSpec
}

/**
 * A milestone badge (levels at cumulative points in an account) or a streak
 * badge (`days` consecutive local days with at least `min` points, default 1).
 * Badges are granted once and never revoked.
 *
 * @category model
 * @example
 * const b: BadgeSpec = { _tag: 'Milestone', id: 'points', label: { en: 'Points', zh: '积分里程碑' }, account: 'study', levels: [100, 500, 1000] }
 */
export type BadgeSpec =
  | { readonly _tag: 'Milestone'; readonly id: string; readonly label: Text; readonly account: string; readonly levels: ReadonlyArray<number> }
  | { readonly _tag: 'Streak'; readonly id: string; readonly label: Text; readonly account: string; readonly days: number; readonly min?: number }

/**
 * An account the figures of an awards programme may read, with the label
 * reasons show for it (the rules' label: `学习积分`, not `points:study`).
 *
 * @category model
 * @example
 * const a: AwardAccount = { id: 'study', label: { en: 'Study points', zh: '学习积分' } }
 */
export interface AwardAccount {
  readonly id: string
  readonly label?: Text
}

/**
 * An awards programme: boards the criteria name, host metrics supplied,
 * exclusivity groups (earlier award has priority; a subject is listed only
 * under the first it wins), categories and badges. `accounts`, when given
 * (`decodeProgramme` gives the rules' accounts), are the only accounts a
 * figure may read: any other is a problem, not a column of zeros.
 *
 * @category model
 * @example
 * const p: AwardProgramme = { _tag: 'AwardProgramme', zone: DEFAULT_ZONE, boards: {}, hostMetrics: [], exclusive: [['learning-star', 'learning-model']], awards: [star, model], badges: [] }
 */
export interface AwardProgramme {
  readonly _tag: 'AwardProgramme'
  readonly zone: string
  readonly boards: Readonly<Record<string, AwardBoard>>
  readonly hostMetrics: ReadonlyArray<string>
  /** Labels of host metrics, for reasons (`技能`, not `host:skills`), from `{"id","label"}` entries of `hostMetrics`. */
  readonly metricLabels?: ReadonlyArray<AwardAccount>
  readonly accounts?: ReadonlyArray<AwardAccount>
  readonly violationTypes?: ReadonlyArray<string>
  readonly exclusive: ReadonlyArray<ReadonlyArray<string>>
  readonly awards: ReadonlyArray<AwardCategory>
  readonly badges: ReadonlyArray<BadgeSpec>
}

// -------------------------------------------------------------------------------------
// results
// -------------------------------------------------------------------------------------

/**
 * How one criterion came out for one subject, with the figure it read.
 *
 * @category model
 * @example
 * // { passed: true, text: { en: 'points:study 540 ≥ 500', zh: 'points:study 540 ≥ 500' }, figure: 'points:study', value: 540 }
 */
export interface CriterionOutcome {
  readonly passed: boolean
  readonly text: Text
  readonly figure?: string
  /** The figure read; `null` when the subject has none. */
  readonly value?: number | null
  readonly children?: ReadonlyArray<CriterionOutcome>
}

/**
 * Why a subject won, is pending or missed.
 *
 * @category model
 * @example
 * const r: DecisionReason = 'tie-flagged' // tied at the quota boundary, awaiting an admin
 */
export type DecisionReason =
  | 'selected'
  | 'tie-included'
  | 'fallback'
  | 'fallback-tied'
  | 'tie-flagged'
  | 'tie-broken'
  | 'over-quota'
  | 'unit-quota'
  | 'below-threshold'
  | 'below-band'
  | 'criteria'
  | 'exclusive'

/**
 * One explained decision: outcome, reason, the rank by score among the
 * eligible that decided it (`rank` of `of`), the score, grade, quota unit,
 * and how every criterion came out.
 *
 * @category model
 * @example
 * // { subject: 'm7', outcome: 'won', reason: 'selected', rank: 1, of: 120, score: 812, criteria: {...}, text: {...} }
 */
export interface AwardDecision {
  readonly subject: string
  readonly label?: string
  readonly outcome: 'won' | 'pending' | 'missed'
  readonly reason: DecisionReason
  readonly rank?: number
  readonly of?: number
  readonly score?: number
  readonly grade?: string
  readonly quotaUnit?: string
  readonly criteria: CriterionOutcome
  readonly text: Text
}

/**
 * The result of one award category for one period: winners, pending ties and explained near misses.
 *
 * @category model
 * @example
 * result.winners.map((w) => [w.subject, w.text.en]) // => [['m7', 'selected: rank 1 of 120, points:study = 812']]
 */
export interface AwardResult {
  readonly _tag: 'AwardResult'
  readonly award: string
  readonly label: Text
  readonly period: string
  readonly subjects: 'members' | 'units'
  readonly candidates: number
  readonly eligible: number
  readonly winners: ReadonlyArray<AwardDecision>
  readonly pending: ReadonlyArray<AwardDecision>
  readonly nearMisses: ReadonlyArray<AwardDecision>
}

/**
 * All categories of a programme for one run, in programme order.
 *
 * @category model
 * @example
 * run.results.map((r) => r.award) // => ['learning-star', 'learning-model']
 */
export interface AwardRun {
  readonly _tag: 'AwardRun'
  readonly at: Instant
  readonly results: ReadonlyArray<AwardResult>
}

// -------------------------------------------------------------------------------------
// inputs of a run
// -------------------------------------------------------------------------------------


/**
 * What a run reads: the organisation tree, ledger entries, activity events,
 * host tables, and the instant whose periods are awarded.
 *
 * @category model
 * @example
 * const inputs: AwardInputs = { org, entries: allEntries(book), events, host: { skills: { m1: 92 } }, at: instantOrThrow('2021-09-30T12:00:00+08:00') }
 */
export interface AwardInputs {
  readonly org: OrgTree
  readonly entries?: ReadonlyArray<EntryLike>
  readonly events?: ReadonlyArray<EventLike>
  readonly host?: HostMetrics
  readonly at: Instant
  /** Figures computed before (by `awardFigures` for the same programme, instant and data): reused, not recomputed. */
  readonly figures?: AwardFigures
}

/**
 * The figures a run reads, computed once: member figures per period and
 * cut-off, and the boards criteria name. Pass them back in `AwardInputs.figures`
 * to run again (other quotas, a draft programme with the same figures) without recomputing.
 *
 * @category model
 * @example
 * const f = awardFigures(programme)(inputs); E.isRight(f) && runAwards(programme)({ ...inputs, figures: f.right })
 */
export interface AwardFigures {
  readonly _tag: 'AwardFigures'
  readonly members: ReadonlyMap<string, FigureTable>
  readonly boards: ReadonlyMap<string, BoardFigures>
}
