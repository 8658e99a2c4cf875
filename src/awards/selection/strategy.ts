/**
 * A selection kind as the engine reads it: how many seats the category has,
 * who qualifies, why one who does not is left out, and the grade of each.
 * One strategy per kind, each in its own file (`top.ts` with `Everyone`,
 * `threshold.ts`, `grades.ts`); `strategyOf` (kinds.ts) picks one, and a new
 * kind of `AwardSelection` that has none does not compile.
 *
 * @module
 */
/** A selection kind, over one pool's scores. */
export interface Strategy {
  /** The category's seats (Infinity: no cap). */
  readonly cap: number
  /**
   * Whether candidate `i` qualifies. Monotone in the key (the score, negated under `desc`): those
   * who pass are a prefix of the order, so the engine stops at the first who does not.
   */
  readonly passes: (i: number) => boolean
  /** The reason code of an eligible candidate that does not pass. */
  readonly failed: number
  /** Candidate `i`'s grade, an index into `grades` (−1 for none). */
  readonly gradeOf: (i: number) => number
  readonly grades: ReadonlyArray<string>
  /** Whether a unit with nobody qualified puts forward its best (`fallback` applies to this kind). */
  readonly fallback: boolean
}

/** Whether score `s` is at least `min` in the selection's order (`desc`: higher is better). */
export const atLeast = (desc: boolean): ((s: number, min: number) => boolean) => (desc ? (s, min) => s >= min : (s, min) => s <= min)
