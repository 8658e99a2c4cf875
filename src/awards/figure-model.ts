/**
 * The model of figures: a table of figures by name, a board's results as
 * figures read them, and everything figures are computed from. In a file of
 * its own so the figure kinds (figure-kinds.ts) and the one pass that
 * gathers them (figure-gather.ts) read it without importing figures.ts.
 *
 * @module
 */
import type { Instant, OrgTree, Period } from '../core/internal.js'
import type { EntryLike, EventLike, HostMetrics } from '../ranking/internal.js'

/**
 * Figures by name for a list of subjects, stored column-wise (NaN: none).
 *
 * @category model
 * @example
 * figureValue(table, 'm1', 'points:study') // => 540
 */
export interface FigureTable {
  readonly _tag: 'FigureTable'
  readonly subjects: ReadonlyArray<string>
  readonly index: ReadonlyMap<string, number>
  readonly columns: ReadonlyMap<string, Float64Array>
}

/**
 * A board's results as figures read them.
 *
 * @category model
 * @example
 * const b: BoardFigures = { rank: new Map([['m1', 1]]), score: new Map([['m1', 540]]), red: new Set(['m1']), black: new Set() }
 */
export interface BoardFigures {
  readonly rank: ReadonlyMap<string, number>
  readonly score: ReadonlyMap<string, number>
  readonly red: ReadonlySet<string>
  readonly black: ReadonlySet<string>
}

/**
 * Everything figures are computed from. `cutoff`: entries and events at or after it do not count.
 *
 * @category model
 * @example
 * const ctx: FigureContext = { org, entries, events, period, previous, boards: new Map() }
 */
export interface FigureContext {
  readonly org: OrgTree
  readonly entries?: ReadonlyArray<EntryLike>
  readonly events?: ReadonlyArray<EventLike>
  readonly host?: HostMetrics
  readonly period: Period
  readonly previous?: Period
  readonly cutoff?: Instant
  readonly boards?: ReadonlyMap<string, BoardFigures>
  readonly violationTypes?: ReadonlyArray<string>
}
