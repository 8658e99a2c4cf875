/**
 * Paper assembly (组卷): from a bank index, a blueprint and a seed, draw each
 * section's questions deterministically, preferring questions the member has
 * not seen, then the least used; honour exclusions; shuffle options per
 * question from the seed. If the bank cannot satisfy a section, assembly
 * fails with one error per short section (and difficulty), never a short paper.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, problem, rngFromParts, shuffle, text, uniformInt, type Problem, type QuestionId } from '../core/internal.js'
import type { QuestionBankIndex } from './bank.js'
import type { Blueprint, Section } from './blueprint.js'
import { orderSize, paperKeys, type Paper, type PaperQuestion } from './paper.js'
import type { Difficulty, Question } from './question.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What assembly needs besides the bank and the blueprint.
 *
 * @category model
 */
export interface AssembleOptions {
  /**
   * The server's secret: random, at least 16 characters (32 random hex digits
   * is good), kept on the server, never sent to a client. Every draw and
   * shuffle, the paper's handle, its questions' handles and the seal of its
   * rounds are derived from it and the seed.
   */
  readonly secret: string
  /** The seed: derive it from programme, member and round (`deriveSeed`) for per-member papers. */
  readonly seed: string
  /** The paper's public id; an opaque handle derived from secret and seed when absent. Never pass the seed. */
  readonly paperId?: string
  /** Question ids never to draw (recently seen, retired). */
  readonly exclude?: Iterable<QuestionId>
  /** How often the member has already seen each question: unseen first, then least used. */
  readonly usage?: ReadonlyMap<QuestionId, number>
}

/**
 * A section the bank cannot fill: a `Problem` (at the section's `count` or
 * `mix` entry) that also says what was needed and what was available.
 *
 * @category model
 * @example
 * const r = assemble(bank, blueprint, { secret, seed: 'daily-2021-07-01' })
 * if (E.isLeft(r)) r.left.map((s) => `${s.section}: ${s.available}/${s.needed}`)
 */
export interface Shortfall extends Problem {
  readonly section: string
  readonly index: number
  /** The difficulty of a mix bucket that falls short; absent for the whole section. */
  readonly difficulty?: Difficulty
  readonly needed: number
  readonly available: number
}

// -------------------------------------------------------------------------------------
// selection
// -------------------------------------------------------------------------------------

const EMPTY: ReadonlyArray<number> = []

// Where candidates come from: the smallest list of position lists that must
// hold every candidate. A union of tag lists may hold a question twice; `dup`
// tells, for an entry of list j, whether an earlier list already holds it.
interface Base {
  /** Every position of the bank, without a list. */
  readonly all?: boolean
  readonly lists: ReadonlyArray<ReadonlyArray<number>>
  readonly size: number
  readonly dup: ((q: Question, j: number) => boolean) | undefined
}

const union = (lists: ReadonlyArray<ReadonlyArray<number>>, dup?: (q: Question, j: number) => boolean): Base => ({
  lists,
  size: lists.reduce((a, l) => a + l.length, 0),
  dup
})

const baseOf = (bank: QuestionBankIndex, s: Section): Base => {
  const options: Array<Base> = [{ all: true, lists: [], size: bank.questions.length, dup: undefined }]
  if (s.types !== undefined) options.push(union([...new Set(s.types)].map((ty) => bank.byType.get(ty) ?? EMPTY)))
  for (const tag of s.tags?.all ?? []) options.push(union([bank.byTag.get(tag) ?? EMPTY]))
  const any = s.tags?.any
  if (any !== undefined) {
    const tags = [...new Set(any)]
    options.push(
      union(
        tags.map((tag) => bank.byTag.get(tag) ?? EMPTY),
        (q, j) => {
          for (let k = 0; k < j; k++) if (q.tags.includes(tags[k] as string)) return true
          return false
        }
      )
    )
  }
  if (s.mix === undefined && s.difficulty !== undefined) {
    const ds: Array<ReadonlyArray<number>> = []
    for (let d = s.difficulty.min ?? 1; d <= (s.difficulty.max ?? 5); d++) ds.push(bank.byDifficulty.get(d as Difficulty) ?? EMPTY)
    options.push(union(ds))
  }
  let best = options[0] as Base
  for (const o of options) if (o.size < best.size) best = o
  return best
}

// Entry k of a base, with the list it comes from.
const entryOf = (base: Base, k: number): readonly [number, number] => {
  if (base.all === true) return [k, 0]
  let j = 0
  let rest = k
  for (const l of base.lists) {
    if (rest < l.length) return [l[rest] as number, j]
    rest -= l.length
    j++
  }
  return [-1, -1]
}

/**
 * True when a question meets a section's type, tag and difficulty filters.
 *
 * @category utilities
 * @example
 * matchesSection({ id: 's', count: 1, types: ['judge'] } as Section)(q) // => q.type === 'judge'
 */
export const matchesSection =
  (s: Section) =>
  (q: Question): boolean => {
    if (s.types !== undefined && !s.types.includes(q.type)) return false
    const tf = s.tags
    if (tf !== undefined) {
      if (tf.all !== undefined && !tf.all.every((x) => q.tags.includes(x))) return false
      if (tf.any !== undefined && !tf.any.some((x) => q.tags.includes(x))) return false
      if (tf.none !== undefined && tf.none.some((x) => q.tags.includes(x))) return false
    }
    if (s.difficulty !== undefined) {
      if (q.difficulty < (s.difficulty.min ?? 1) || q.difficulty > (s.difficulty.max ?? 5)) return false
    }
    if (s.mix !== undefined && ((s.mix[String(q.difficulty) as '1'] ?? 0) === 0)) return false
    return true
  }

const identity = (n: number): Array<number> => Array.from({ length: n }, (_, i) => i)

// The display order of a question's options on a paper: a shuffle from the paper's secret random key and
// the question id alone (so it does not depend on which other questions were drawn). Not exported: without
// the key, nothing public can recompute it.
const optionOrder = (key: string, q: Question): ReadonlyArray<number> => shuffle(rngFromParts(key, 'options', q.id), identity(orderSize(q)))

// -------------------------------------------------------------------------------------
// assembly
// -------------------------------------------------------------------------------------

/**
 * Assemble a paper. Deterministic in (bank, blueprint, options); a question
 * appears at most once on a paper; sections are filled in blueprint order
 * (a later section sees only what earlier ones left).
 *
 * @category assembly
 * @example
 * const r = assemble(indexQuestionBank(bank.questions), blueprint, { seed: deriveSeed('park-2021', 'm-001', 'round-7') })
 * E.isRight(r) && r.right.questions.length // => the blueprint's total count
 * // when short: left([{ section: 's2', needed: 10, available: 4, … }])
 */
export const assemble = (bank: QuestionBankIndex, blueprint: Blueprint, opts: AssembleOptions): E.Either<ReadonlyArray<Shortfall>, Paper> => {
  const excluded = new Set<QuestionId>(opts.exclude ?? [])
  const taken = new Set<number>()
  const shortfalls: Array<Shortfall> = []
  const questions: Array<PaperQuestion> = []
  const keys = paperKeys(opts.secret, opts.seed)
  blueprint.sections.forEach((s, si) => {
    const rng = rngFromParts(keys.random, 'section', s.id)
    const test = matchesSection(s)
    const base = baseOf(bank, s)
    // Buckets: one per difficulty of a mix, else one for the whole section.
    const needs = new Map<Difficulty | 0, number>()
    if (s.mix === undefined) needs.set(0, s.count)
    else for (const d of [1, 2, 3, 4, 5] as const) if ((s.mix[String(d) as '1'] ?? 0) > 0) needs.set(d, s.mix[String(d) as '1'] ?? 0)
    const bucketOf = (q: Question): Difficulty | 0 => (s.mix === undefined ? 0 : q.difficulty)
    // Walk the base in a seeded random order (a lazy Fisher-Yates): unseen
    // questions are taken as they come; seen ones wait in groups by use.
    // Stopping early keeps this fast; walking to the end counts exactly.
    const unseen = new Map<Difficulty | 0, Array<number>>()
    const seenGroups = new Map<Difficulty | 0, Map<number, Array<number>>>()
    for (const b of needs.keys()) {
      unseen.set(b, [])
      seenGroups.set(b, new Map())
    }
    let open = needs.size
    const moved = new Map<number, number>()
    const n = base.size
    for (let k = 0; k < n && open > 0; k++) {
      const r = k + uniformInt(rng, n - k)
      const atR = moved.get(r) ?? r
      moved.set(r, moved.get(k) ?? k)
      const [i, j] = entryOf(base, atR)
      const q = bank.questions[i] as Question
      if (taken.has(i) || excluded.has(q.id) || !test(q)) continue
      if (base.dup !== undefined && base.dup(q, j)) continue
      const b = bucketOf(q)
      const u = opts.usage?.get(q.id) ?? 0
      if (u === 0) {
        const l = unseen.get(b) as Array<number>
        if (l.length < (needs.get(b) ?? 0)) {
          l.push(i)
          if (l.length === needs.get(b)) open--
        }
      } else {
        const g = seenGroups.get(b) as Map<number, Array<number>>
        const l = g.get(u)
        if (l === undefined) g.set(u, [i])
        else l.push(i)
      }
    }
    const chosen: Array<number> = []
    let short = false
    for (const [b, need] of needs) {
      const got = (unseen.get(b) as Array<number>).slice()
      const groups = seenGroups.get(b) as Map<number, Array<number>>
      for (const u of [...groups.keys()].sort((x, y) => x - y)) {
        const room = need - got.length
        if (room <= 0) break
        // Each group was met in random order, so its first `room` are a uniform draw.
        got.push(...(groups.get(u) as Array<number>).slice(0, room))
      }
      if (got.length < need) {
        short = true
        const available = got.length
        const d = b === 0 ? undefined : b
        const what = d === undefined ? '' : ` of difficulty ${d}`
        const whatZh = d === undefined ? '' : `难度为 ${d} 的`
        shortfalls.push({
          ...problem(
            'range',
            at(d === undefined ? ['sections', si, 'count'] : ['sections', si, 'mix', String(d)]),
            text(
              `${need} questions${what} matching section ${s.id} (after exclusions and earlier sections)`,
              `符合分区 ${s.id} 的${whatZh}题目 ${need} 道（除去排除题和前面分区已选题）`
            ),
            `${available} available`
          ),
          section: s.id,
          index: si,
          ...(d === undefined ? {} : { difficulty: d }),
          needed: need,
          available
        })
      } else chosen.push(...got)
    }
    if (short) return
    for (const i of chosen) taken.add(i)
    const order = s.order ?? 'random'
    const ordered =
      order === 'random'
        ? shuffle(rng, chosen)
        : order === 'bank'
          ? chosen.slice().sort((a, b) => a - b)
          : chosen.slice().sort((a, b) => (bank.questions[a] as Question).difficulty - (bank.questions[b] as Question).difficulty || a - b)
    for (const i of ordered) {
      const q = bank.questions[i] as Question
      questions.push({
        handle: keys.handle(questions.length),
        question: q,
        points: s.points ?? q.points,
        section: s.id,
        order: s.shuffleOptions === false ? identity(orderSize(q)) : optionOrder(keys.random, q)
      })
    }
  })
  if (shortfalls.length > 0) return E.left(shortfalls)
  return E.right({ id: opts.paperId ?? keys.id, blueprint: blueprint.id, seed: opts.seed, sealKey: keys.seal, questions })
}

/**
 * What `fixedPaper` needs: the server's secret (see `AssembleOptions.secret`) and the seed.
 *
 * @category model
 */
export interface FixedPaperOptions {
  readonly secret: string
  readonly seed: string
  /** The blueprint id recorded on the paper; `fixed` when absent. */
  readonly blueprint?: string
  /** The paper's public id; an opaque handle when absent. */
  readonly paperId?: string
  /** Shuffle options, items and right-hand items (default true). */
  readonly shuffleOptions?: boolean
}

/**
 * A paper from given questions, in the given order (for review papers and fixed daily papers).
 *
 * @category assembly
 * @example
 * fixedPaper(questions, { secret: SERVER_SECRET, seed: 'daily-2021-07-01', blueprint: 'daily' }).questions.length // => questions.length
 */
export const fixedPaper = (qs: ReadonlyArray<Question>, opts: FixedPaperOptions): Paper => {
  const keys = paperKeys(opts.secret, opts.seed)
  return {
    id: opts.paperId ?? keys.id,
    blueprint: opts.blueprint ?? 'fixed',
    seed: opts.seed,
    sealKey: keys.seal,
    questions: qs.map((q, i) => ({
      handle: keys.handle(i),
      question: q,
      points: q.points,
      section: 'main',
      order: opts.shuffleOptions === false ? identity(orderSize(q)) : optionOrder(keys.random, q)
    }))
  }
}
