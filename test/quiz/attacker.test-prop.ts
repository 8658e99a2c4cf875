// issue #13: the quiz key stays on the server. These properties play a hostile client: it holds only what
// a client receives before submission (the public paper as JSON, and every round it was handed), it may
// call the library's whole public API (imported from the package entry, as a user would) with every guess
// of the seed it can make (the programme's real seed parts, the paper id, the handles, the round's fields),
// but it does not know the server's secret.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import * as MB from '../../src/internal.js'
import { assemble, deriveSeed, fixedPaper, importGift, indexQuestionBank, keyAnswer, letterLabel, numberLabel, paperKeys, publicPaper, rngFromParts, rngFromSeed, shuffle, startRound } from '../../src/internal.js'
import type { Blueprint, KeyAnswer, Paper, PaperQuestion, PublicPaper, PublicQuestion, Question, QuizResponse, Round } from '../../src/internal.js'
import { bankArb } from './arbitraries.js'

const ok = <A>(r: E.Either<unknown, A>): A => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}
const T0 = Date.UTC(2021, 6, 1, 1, 0, 0)
const identity = (n: number): Array<number> => Array.from({ length: n }, (_, i) => i)
// JSON with object keys sorted: two stored rounds are the same data when these agree.
const canon = (u: unknown): string =>
  JSON.stringify(u, (_k, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v))
const ALL: Blueprint = { id: 'all', sections: [{ id: 's', count: 7, order: 'bank' }] } as unknown as Blueprint

// -------------------------------------------------------------------------------------
// a right-answer-first bank, as GIFT authors usually write it
// -------------------------------------------------------------------------------------

// Every question with an order puts its key first in the bank: the right option first (single), the two
// right ones first (multiple), the items in their right order (ordering), the pairs in order (matching).
const GIFT = `
中共一大在哪一年召开？{=1921 ~1919 ~1927 ~1949}

“四史”包括哪些？{~%50%党史 ~%50%新中国史 ~%-100%世界史 ~%-100%欧洲史}

把会议与年份对应起来。{=中共一大 -> 1921 =遵义会议 -> 1935 =七届二中全会 -> 1949 =十一届三中全会 -> 1978}

遵义会议在 1935 年召开。{T}

1978 年召开了十一届{=三中}全会。

中华人民共和国成立于哪一年？{#1949:0}

谈谈学习党史的体会。{}
`
const imported = importGift(GIFT)
const ORDERING = MB.decodeQuestion({
  id: 'ord-1',
  type: 'ordering',
  stem: '按时间先后排列。',
  tags: [],
  difficulty: 2,
  points: 2,
  items: [
    { id: 'i1', text: '中共一大' },
    { id: 'i2', text: '遵义会议' },
    { id: 'i3', text: '七届二中全会' },
    { id: 'i4', text: '十一届三中全会' }
  ],
  answer: ['i1', 'i2', 'i3', 'i4']
})
const QUESTIONS: ReadonlyArray<Question> = [...imported.questions, ok(ORDERING)].slice(0, 8)
const BANK = indexQuestionBank(QUESTIONS)
const BP: Blueprint = { id: 'weekly', sections: [{ id: 's', count: QUESTIONS.length, order: 'bank' }] } as unknown as Blueprint

// What the client holds of one paper: the public JSON and the rounds it was handed before submission.
interface ClientView {
  readonly parts: ReadonlyArray<string>
  readonly json: string
  readonly pub: PublicPaper
  readonly rounds: ReadonlyArray<Round>
}

const serverPaper = (secret: string, parts: ReadonlyArray<string>): Paper => ok(assemble(BANK, BP, { secret, seed: deriveSeed(...parts) }))

// Start a round and answer the first displayed option/label of everything, as a client would; the client
// keeps every round it gets back.
const clientOf = (paper: Paper, parts: ReadonlyArray<string>): ClientView => {
  const json = JSON.stringify(publicPaper(paper))
  const pub = JSON.parse(json) as PublicPaper
  const rounds: Array<Round> = [ok(startRound({ id: `${parts[1] ?? 'm'}/${parts[2] ?? 'r'}`, quiz: parts[2] ?? 'quiz', member: parts[1] ?? 'm', mode: 'exam', paper, now: T0 }))]
  pub.questions.forEach((q, i) => {
    const r = firstResponse(q)
    if (r === undefined) return
    const next = MB.answer(paper, q.id, r, T0 + 1000 * (i + 1))(rounds[rounds.length - 1] as Round)
    rounds.push(ok(next))
  })
  return { parts, json, pub, rounds: rounds.map((r) => JSON.parse(JSON.stringify(r)) as Round) }
}

const firstResponse = (q: PublicQuestion): QuizResponse | undefined => {
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: 'A' }
    case 'multiple':
      return { type: 'multiple', choices: ['A'] }
    case 'judge':
      return { type: 'judge', value: true }
    case 'blank':
      return { type: 'blank', values: q.blanks.map(() => 'x') }
    case 'ordering':
      return { type: 'ordering', order: q.items.map((x) => x.id) }
    case 'matching':
      return { type: 'matching', matches: { '1': 'A' } }
    case 'numerical':
      return { type: 'numerical', value: 1 }
    case 'essay':
      return { type: 'essay', text: '体会' }
  }
}

// -------------------------------------------------------------------------------------
// the attacker
// -------------------------------------------------------------------------------------

// Every string a client can see or knows: the seed (as deriveSeed makes it), each part, the parts joined,
// the paper id, every handle, the round's id, quiz, member and seals.
const guesses = (v: ClientView): ReadonlyArray<string> => {
  const r0 = v.rounds[0] as Round
  const last = v.rounds[v.rounds.length - 1] as Round
  return [
    ...new Set([
      deriveSeed(...v.parts),
      ...v.parts,
      v.parts.join('/'),
      v.parts.join(':'),
      v.parts.join(''),
      v.pub.id,
      ...v.pub.questions.map((q) => q.id),
      r0.id,
      r0.quiz,
      r0.member,
      r0.seal,
      last.seal,
      '',
      'secret'
    ])
  ]
}

// The bank a client can rebuild from the public view: each question re-imported from its stem and the
// options as displayed (an import's id depends on the stem only, so these are the real bank ids).
const rebuilt = (q: PublicQuestion): Question | undefined => {
  const esc = (s: unknown): string => MB.giftEscape(String(s))
  const stem = esc(q.stem)
  const gift =
    q.type === 'single'
      ? `${stem}{${q.options.map((o, i) => (i === 0 ? `=${esc(o.text)}` : `~${esc(o.text)}`)).join(' ')}}`
      : q.type === 'multiple'
        ? `${stem}{${q.options.map((o, i) => `~%${i < 2 ? 50 : -100}%${esc(o.text)}`).join(' ')}}`
        : q.type === 'matching'
          ? `${stem}{${q.left.map((l, i) => `=${esc(l.text)} -> ${esc(q.right[i]?.text)}`).join(' ')}}`
          : undefined
  if (gift === undefined) return undefined
  return importGift(gift).questions[0]
}

/** One way to recompute a question's display order: `perm[i]` is the bank position shown at display position i. */
type Strategy = (v: ClientView, q: PublicQuestion, n: number) => ReadonlyArray<ReadonlyArray<number>>

const STRATEGIES: Readonly<Record<string, Strategy>> = {
  // The old code's recipe, `optionOrder(paper.id, q)`: a shuffle from (key, 'options', question id), with
  // every guess as the key and the handle, or the bank id re-imported from the stem, as the question id.
  'old optionOrder recipe': (v, q, n) => {
    const ids = [q.id, rebuilt(q)?.id ?? q.id]
    return guesses(v).flatMap((k) => ids.map((id) => shuffle(rngFromParts(k, 'options', id), identity(n))))
  },
  'plain shuffles of every guess': (v, q, n) => guesses(v).flatMap((k) => [shuffle(rngFromSeed(k), identity(n)), shuffle(rngFromParts(k), identity(n)), shuffle(rngFromParts(k, q.id), identity(n))]),
  // The library's own assembly with every guess as the secret, on the rebuilt bank and the real seed.
  'assemble with a guessed secret': (v, q, n) => {
    const bq = rebuilt(q) ?? (q.type === 'ordering' ? QUESTIONS.find((x) => x.type === 'ordering') : undefined)
    if (bq === undefined) return []
    return guesses(v).map((secret) => fixedPaper([bq], { secret, seed: deriveSeed(...v.parts) }).questions[0]?.order ?? identity(n))
  },
  'paperKeys of every guess': (v, q, n) =>
    guesses(v).flatMap((secret) => {
      const keys = paperKeys(secret, deriveSeed(...v.parts))
      return [shuffle(rngFromParts(keys.random, 'options', rebuilt(q)?.id ?? q.id), identity(n)), shuffle(rngFromSeed(keys.random), identity(n))]
    })
}

// The attacker's guess of the key from a recomputed order, in public labels (right answer first in the bank).
const guessOf = (q: PublicQuestion, perm: ReadonlyArray<number>): KeyAnswer | undefined => {
  const label = (k: number): string => letterLabel(perm.indexOf(k))
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: label(0) }
    case 'multiple':
      return { type: 'multiple', choices: perm.map((k, i) => (k < 2 ? letterLabel(i) : '')).filter((x) => x !== '') }
    case 'ordering':
      return { type: 'ordering', order: identity(perm.length).map(label) }
    case 'matching':
      return { type: 'matching', matches: Object.fromEntries(identity(perm.length).map((i) => [numberLabel(i), label(i)])) }
    default:
      return undefined
  }
}

const ORDERED = ['single', 'multiple', 'ordering', 'matching'] as const
// Chance of one guess: 1/4 (single of 4), 1/C(4,2) (multiple, 2 right of 4), 1/4! (ordering, matching of 4).
const CHANCE: Readonly<Record<(typeof ORDERED)[number], number>> = { single: 1 / 4, multiple: 1 / 6, ordering: 1 / 24, matching: 1 / 24 }
// A generous one-sided binomial bound: chance + 6 standard deviations (a false alarm about once in 10^9).
const bound = (n: number, p: number): number => n * p + 6 * Math.sqrt(n * p * (1 - p)) + 1

const PAPERS = 400
const partsOf = (i: number): ReadonlyArray<string> => ['park-2021', `m-${String(i + 1).padStart(3, '0')}`, 'round-7']

describe('issue #13: a client recovers no key from what it holds', () => {
  it('the bank is right-answer-first, every type present (the attack has its best case)', () => {
    expect(imported.problems).toEqual([])
    expect(QUESTIONS.map((q) => q.type).sort()).toEqual(['blank', 'essay', 'judge', 'matching', 'multiple', 'numerical', 'ordering', 'single'])
  })

  it('recomputing orders from public data guesses the key no more often than chance, over 400 papers, for every shuffled type', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', minLength: 16, maxLength: 40 }), (secret) => {
        // hits[strategy][type]; the control reads the real order and must hit every time.
        const hits = new Map<string, Map<string, number>>()
        const control = new Map<string, number>()
        const tally = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1)
        for (let p = 0; p < PAPERS; p++) {
          const parts = partsOf(p)
          const paper = serverPaper(secret, parts)
          const view = clientOf(paper, parts)
          // No guess reproduces the paper's id or a handle: the attacker cannot even check a guess.
          for (const g of guesses(view)) {
            const keys = paperKeys(g, deriveSeed(...parts))
            expect(keys.id).not.toBe(view.pub.id)
            expect(keys.handle(0)).not.toBe(view.pub.questions[0]?.id)
          }
          view.pub.questions.forEach((q, i) => {
            const pq = paper.questions[i] as PaperQuestion
            if (!(ORDERED as ReadonlyArray<string>).includes(q.type)) return
            const key = JSON.stringify(keyAnswer(pq))
            const n = pq.order.length
            for (const [name, strategy] of Object.entries(STRATEGIES)) {
              const m = hits.get(name) ?? new Map<string, number>()
              hits.set(name, m)
              // Each recomputed order is one attacker; count them separately (no attacker can tell which is right).
              strategy(view, q, n).forEach((perm, j) => {
                if (JSON.stringify(guessOf(q, perm)) === key) tally(m, `${q.type}#${j}`)
              })
            }
            // The control reads the paper's real order (server-side): the guess from it is the key.
            if (JSON.stringify(guessOf(q, pq.order)) === key) tally(control, q.type)
          })
        }
        // The machinery is right: from the real order, the same guess is the key every time.
        for (const t of ORDERED) expect(control.get(t)).toBe(PAPERS)
        for (const [name, m] of hits) {
          for (const [cell, h] of m) {
            const t = cell.split('#')[0] as (typeof ORDERED)[number]
            expect(h, `${name} on ${cell}: ${h} hits of ${PAPERS}`).toBeLessThanOrEqual(bound(PAPERS, CHANCE[t]))
          }
        }
      }),
      { numRuns: 2, endOnFailure: true }
    )
  })

  it('the public JSON names no bank question id, no seed and no seed part; rounds name no bank id and no seed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', minLength: 16, maxLength: 40 }), fc.integer({ min: 0, max: 998 }), fc.constantFrom('round-7', 'weekly-26', 'o0'), (secret, m, round) => {
        const parts = ['park-2021', `m-${String(m + 1).padStart(3, '0')}`, round]
        const paper = serverPaper(secret, parts)
        const view = clientOf(paper, parts)
        const roundsJson = JSON.stringify(view.rounds)
        expect(view.json).not.toMatch(/"id":"[oipbq]\d+"/)
        for (const s of [deriveSeed(...parts), parts.join('/'), ...parts]) expect(view.json).not.toContain(s)
        // A round names its member (the member's own id), but neither the seed nor its other parts.
        for (const s of [deriveSeed(...parts), 'park-2021']) expect(roundsJson).not.toContain(s)
        for (const pq of paper.questions) {
          expect(view.json).not.toContain(pq.question.id)
          expect(roundsJson).not.toContain(pq.question.id)
        }
        expect(view.pub.id).not.toBe(paper.seed)
      }),
      { numRuns: 50 }
    )
  })

  it('a paper whose key differs gives the client exactly the same bytes (public JSON and every round), for every type', () => {
    // Two banks alike in all the author wrote as the question and its choices, but not in the key.
    const variants = fc.record({
      stem: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }).map((s) => `题目 ${s.replace(/[{}~=#:\\[\]\/%$-]/g, '')} `),
      right: fc.integer({ min: 0, max: 3 }),
      other: fc.integer({ min: 0, max: 3 }),
      value: fc.integer({ min: 1900, max: 2000 }),
      tol: fc.integer({ min: 0, max: 5 })
    })
    const giftOf = (s: string, right: number, value: number, tol: number, judge: boolean): string =>
      [
        `${s}single{${['甲', '乙', '丙', '丁'].map((o, i) => `${i === right ? '=' : '~'}${o}`).join(' ')}}`,
        `${s}multiple{${['甲', '乙', '丙', '丁'].map((o, i) => `~%${i === right || i === (right + 1) % 4 ? 50 : -100}%${o}`).join(' ')}}`,
        `${s}judge{${judge ? 'T' : 'F'}}`,
        `${s}blank{=${['三中', '四中', '五中', '六中'][right]}}`,
        `${s}numerical{#${value}:${tol}}`,
        `${s}matching{${['一', '二', '三'].map((l, i) => `=${l} -> ${['A1', 'B2', 'C3'][(i + right) % 3]}`).join(' ')}}`,
        `${s}essay{}`
      ].join('\n\n')
    fc.assert(
      fc.property(variants, fc.string({ unit: 'grapheme-ascii', minLength: 16, maxLength: 40 }), ({ stem, right, other, value, tol }, secret) => {
        const a = importGift(giftOf(stem, right, value, tol, true))
        const b = importGift(giftOf(stem, other, value + 1 + tol, (tol + 1) % 5, false))
        expect(a.problems).toEqual([])
        expect(b.problems).toEqual([])
        // Imported ids never depend on the answer block.
        expect(b.questions.map((q) => q.id)).toEqual(a.questions.map((q) => q.id))
        const parts = ['park-2021', 'm-001', 'round-7']
        const pa = ok(assemble(indexQuestionBank(a.questions), ALL, { secret, seed: deriveSeed(...parts) }))
        const pb = ok(assemble(indexQuestionBank(b.questions), ALL, { secret, seed: deriveSeed(...parts) }))
        const va = clientOf(pa, parts)
        const vb = clientOf(pb, parts)
        if (right === other) return
        // Matching shows its right-hand items in a shuffled order of the same texts in a different bank
        // order, and single/multiple show their options in the same bank order: only the key differs.
        const strip = (v: ClientView): string =>
          JSON.stringify({ ...v.pub, questions: v.pub.questions.map((q) => (q.type === 'matching' ? { ...q, right: [...q.right].map((x) => x.text).sort() } : q)) })
        expect(strip(vb)).toBe(strip(va))
        const noMatching = (v: ClientView): string => JSON.stringify(v.pub.questions.filter((q) => q.type !== 'matching'))
        expect(noMatching(vb)).toBe(noMatching(va))
        expect(JSON.stringify(vb.rounds)).toBe(JSON.stringify(va.rounds))
      }),
      { numRuns: 60 }
    )
  })
})

// -------------------------------------------------------------------------------------
// edits to a stored round
// -------------------------------------------------------------------------------------

// The right response to a paper question (what the client would love to write in).
const rightResponse = (pq: PaperQuestion): QuizResponse => {
  const k = keyAnswer(pq)
  switch (k.type) {
    case 'blank':
      return { type: 'blank', values: k.values.map((alts) => alts[0] ?? '') }
    case 'numerical':
      return { type: 'numerical', value: k.accepted[0]?.min ?? 0 }
    case 'essay':
      return { type: 'essay', text: '满分作文' }
    default:
      return k
  }
}

type Json = Record<string, unknown>
type Edit = (stored: Json, ctx: { readonly paper: Paper; readonly perfect: Json; readonly other: Json }) => Json
const slotsOf = (r: Json): Array<Json> => (r['slots'] as Array<Json>).map((s) => ({ ...s }))
const EDITS: Readonly<Record<string, Edit>> = {
  'key written into the slots': (r, { paper }) => ({ ...r, slots: slotsOf(r).map((s, i) => ({ ...s, response: rightResponse(paper.questions[i] as PaperQuestion), answers: Math.max(1, Number(s['answers'])) })) }),
  'full marks by hand': (r) => ({ ...r, slots: slotsOf(r).map((s) => ({ ...s, manual: { n: 1, d: 1 }, gradedAt: T0 + 1 })) }),
  'key fields added': (r, { paper }) => ({ ...r, answer: paper.questions.map((pq) => keyAnswer(pq)), slots: slotsOf(r).map((s) => ({ ...s, points: 100, fraction: { n: 1, d: 1 } })) }),
  'points raised': (r) => ({ ...r, points: 1000, maxScore: 1, score: { n: 1000, d: 1 } }),
  'status rewound to open': (r) => {
    const { endedAt: _a, endedBy: _b, ...rest } = r
    return { ...rest, status: 'open' }
  },
  'status set to submitted': (r) => ({ ...r, status: 'submitted', endedAt: T0 + 2, endedBy: 'member' }),
  'started earlier': (r) => ({ ...r, startedAt: Number(r['startedAt']) - 3_600_000 }),
  'started later': (r) => ({ ...r, startedAt: Number(r['startedAt']) + 3_600_000 }),
  'ended later': (r) => ({ ...r, endedAt: Number(r['endedAt'] ?? r['startedAt']) + 3_600_000 }),
  'limits removed': (r) => ({ ...r, limits: { onTimeout: 'submit' } }),
  'limits lengthened': (r) => ({ ...r, limits: { roundMs: 10 ** 12, onTimeout: 'grace', graceMs: 10 ** 12 } }),
  'slots dropped': (r) => ({ ...r, slots: slotsOf(r).slice(1) }),
  'slots reordered': (r) => ({ ...r, slots: slotsOf(r).reverse() }),
  'slots of the perfect round': (r, { perfect }) => ({ ...r, slots: perfect['slots'] }),
  'slots and seal of the perfect round': (r, { perfect }) => ({ ...r, slots: perfect['slots'], step: perfect['step'], seal: perfect['seal'] }),
  'seal of another round': (r, { other }) => ({ ...r, seal: other['seal'] }),
  'perfect round renamed': (_r, { perfect }) => ({ ...perfect, id: 'r1', member: 'm1' }),
  'step changed': (r) => ({ ...r, step: Number(r['step']) + 5 }),
  'paper changed': (r) => ({ ...r, paper: 'p-000000000000000000000000' }),
  'version changed': (r) => ({ ...r, version: 1 })
}

describe('issue #13: edits to a stored round never raise its score', () => {
  it('any edits (key, points, status, times, limits, slots, seal) are refused or grade no higher than the honest responses', () => {
    const arb = bankArb(1, 6).chain((qs) =>
      fc.tuple(
        fc.constant(qs),
        fc.constantFrom('exam', 'practice', 'challenge', 'daily'),
        fc.array(fc.boolean(), { minLength: qs.length, maxLength: qs.length }),
        fc.boolean(),
        fc.uniqueArray(fc.constantFrom(...Object.keys(EDITS)), { minLength: 1, maxLength: 3 }),
        fc.string({ minLength: 16, maxLength: 24 })
      )
    )
    fc.assert(
      fc.property(arb, ([qs, mode, rightAt, submitted, edits, secret]) => {
        const paper = ok(assemble(indexQuestionBank(qs), { id: 'bp', sections: [{ id: 's', count: qs.length }] } as unknown as Blueprint, { secret, seed: deriveSeed('park-2021', 'm1', 'r1') }))
        const play = (id: string, member: string, right: (i: number) => boolean): Round => {
          let r = ok(startRound({ id, quiz: 'quiz', member, mode: mode as Round['mode'], paper, now: T0, limits: { roundMs: 600_000, onTimeout: 'submit' } }))
          paper.questions.forEach((pq, i) => {
            if (pq.question.type === 'essay' && !right(i)) return
            const resp: QuizResponse = right(i) ? rightResponse(pq) : { type: 'judge', value: true }
            const next = MB.answer(paper, pq.handle, resp, T0 + 1000 * (i + 1))(r)
            if (E.isRight(next)) r = next.right
          })
          return r
        }
        const honest = play('r1', 'm1', (i) => rightAt[i] === true)
        const perfect = play('r2', 'm2', () => true)
        const other = play('r3', 'm3', (i) => rightAt[i] !== true)
        const stored = (r: Round): Json => JSON.parse(JSON.stringify(submitted ? ok(MB.submit(paper, T0 + 60_000)(r)) : r)) as Json
        const ctx = { paper, perfect: stored(perfect), other: stored(other) }
        const honestScore = ok(MB.roundResult(paper)(ok(MB.submit(paper, T0 + 60_000)(honest)))).score
        let edited = stored(honest)
        for (const e of edits) edited = (EDITS[e] as Edit)(edited, ctx)
        const changed = canon(edited) !== canon(stored(honest))
        // Read back from the store…
        const decoded = MB.decodeRound(paper)(edited)
        if (changed) expect(E.isLeft(decoded)).toBe(true)
        // …or handed straight to the transitions and the results, as a careless host might.
        const submittedEdit = MB.submit(paper, T0 + 60_000)(edited as unknown as Round)
        if (E.isLeft(submittedEdit)) {
          expect(['tampered', 'wrong-paper', 'discarded']).toContain(submittedEdit.left.reason)
          if (changed) expect(['tampered', 'wrong-paper']).toContain(submittedEdit.left.reason)
          return
        }
        const res = MB.roundResult(paper)(submittedEdit.right)
        if (E.isRight(res)) expect(MB.rationals.compare(res.right.score, honestScore)).toBeLessThanOrEqual(0)
        expect(changed).toBe(false)
      }),
      { numRuns: 300 }
    )
  })

  it('a replayed older round is sealed but older: its step tells the host (keep the latest step per round id)', () => {
    const qs = importGift('遵义会议在 1935 年召开。{T}\n\n中共一大在哪一年召开？{=1921 ~1919 ~1927}').questions
    const paper = ok(assemble(indexQuestionBank(qs), { id: 'bp', sections: [{ id: 's', count: 2, order: 'bank' }] } as unknown as Blueprint, { secret: 'replay-secret-0123456789', seed: 'replay' }))
    const pub = publicPaper(paper)
    const start = ok(startRound({ id: 'r1', quiz: 'q', member: 'm1', mode: 'exam', paper, now: T0 }))
    const answered = ok(MB.answer(paper, pub.questions[0]!.id, { type: 'judge', value: false }, T0 + 1)(start))
    const done = ok(MB.submit(paper, T0 + 2)(answered))
    expect([start.step, answered.step, done.step]).toEqual([0, 1, 2])
    // The older round still carries a valid seal (it was one the library made) …
    expect(MB.isSealed(paper, answered)).toBe(true)
    // … so a host that stores rounds refuses any round whose step is below the latest it stored.
    expect(answered.step).toBeLessThan(done.step)
  })
})
