// The reading room: what the server does, with no HTTP in it. It holds the programme, the question bank
// and its keys, the papers, the rounds, the events and the Moral Bank's operations; it starts, advances
// and grades rounds (the library's quiz), appends what they yield to the run (the library's programme)
// and reads boards, lists, the passbook and the honor roll off the run. Every change is stored first
// (store.ts) and applied in memory after; on start the room is rebuilt from the store.
import * as E from 'fp-ts/lib/Either.js'
import { calendar, deriveSeed, type Calendar, type Instant, type Problem } from 'moral-bank/core'
import {
  answer,
  applyTimeout,
  assemble,
  deadline,
  decodePaper,
  decodeQuizResponse,
  decodeRoundJson,
  indexQuestionBank,
  roundResult,
  startRound,
  submit,
  type Paper,

  type QuestionBankIndex,
  type QuizResponse,
  type Round,
  type RoundResult
} from 'moral-bank/quiz'
import { importGift } from 'moral-bank/formats'
import { decodeEvent, decodeEventsJsonl, type ActivityEvent } from 'moral-bank/rules'
import { decodeBankOps, decodeBankOpsJsonl, type BankOp } from 'moral-bank/bank'
import { appendRun, checkHostTables, checkProgrammeOrg, decodeProgrammeJson, runProgramme, type ProgrammeRun } from 'moral-bank/programme'
import { DAILY_QUESTIONS, DAILY_ROUND_MS, type Park } from './park.js'
import type { Store, StoredRound, StoredRow } from './store.js'
import { resultView, roundView, type AnswerAck, type ResultView, type RoundView } from './views.js'

/** Why the room refused a request: an HTTP status, a reason and the problems, each at its path or line. */
export interface Refusal {
  readonly status: number
  readonly reason: string
  readonly problems?: ReadonlyArray<Problem>
}

export type Outcome<A> = E.Either<Refusal, A>

const refuse = (status: number, reason: string, problems?: ReadonlyArray<Problem>): Refusal =>
  problems === undefined ? { status, reason } : { status, reason, problems }

/** What the room holds in memory (rebuilt from the store on start). */
interface State {
  bank: QuestionBankIndex
  readonly papers: Map<string, Paper>
  readonly rounds: Map<string, Round>
  readonly events: Array<ActivityEvent>
  readonly eventIds: Set<string>
  readonly bankOps: Array<BankOp>
  readonly opIds: Set<string>
  /** What was stored since the run was last brought up to date. */
  pendingEvents: Array<ActivityEvent>
  pendingOps: Array<BankOp>
  run: ProgrammeRun
}

/** The room a server serves. */
export interface Room {
  readonly park: Park
  readonly cal: Calendar
  readonly now: () => number
  /** Today's round for a member: started on first call, the same round after (its paper without the key). */
  today(member: string): Promise<Outcome<RoundView>>
  /** A new practice round (专项答题: as many as the member likes; the special-practice rule scores them). */
  practice(member: string): Promise<Outcome<RoundView>>
  answer(member: string, round: string, question: string, response: unknown): Promise<Outcome<AnswerAck>>
  submit(member: string, round: string): Promise<Outcome<ResultView>>
  /** Record events the host saw (a login, an approved deed, …); the number new to the store. */
  addEvents(jsonl: string): Promise<Outcome<{ readonly added: number }>>
  addBankOps(jsonl: string): Promise<Outcome<{ readonly added: number }>>
  uploadBank(gift: string, file: string): Promise<Outcome<{ readonly questions: number; readonly categories: ReadonlyArray<string> }>>
  /** The programme's problems at their paths: the running one, or a programme file the administrator sends. */
  checkProgramme(json?: string): ReadonlyArray<Problem>
  /** The run, brought up to date with everything stored. */
  run(): ProgrammeRun
  /** Every event the room holds (as stored). */
  events(): ReadonlyArray<ActivityEvent>
}

// -------------------------------------------------------------------------------------
// rebuilding from the store
// -------------------------------------------------------------------------------------

const bankOf = (gift: string): E.Either<ReadonlyArray<Problem>, QuestionBankIndex> => {
  const r = importGift(gift, { file: 'bank.gift' })
  if (r.problems.length > 0) return E.left(r.problems)
  return E.right(indexQuestionBank(r.questions))
}

const monthOf = (cal: Calendar, now: number): string => cal.key('month', now as Instant)

const runFor = (park: Park, cal: Calendar, events: ReadonlyArray<ActivityEvent>, ops: ReadonlyArray<BankOp>, now: number): ProgrammeRun => {
  const r = runProgramme(park.programme, { org: park.org, events, host: park.host, bankOps: ops, period: monthOf(cal, now) })
  if (E.isLeft(r)) throw new Error(`the reading room's programme does not run: ${JSON.stringify(r.left)}`)
  return r.right
}

const parsedAll = <A>(texts: ReadonlyArray<string>, decodeOne: (u: unknown) => E.Either<unknown, A>, what: string): Array<A> =>
  texts.map((t) => {
    const d = decodeOne(JSON.parse(t))
    if (E.isLeft(d)) throw new Error(`the store holds a ${what} that does not decode: ${t}`)
    return d.right
  })

const loadState = async (store: Store, park: Park, cal: Calendar, now: number): Promise<State> => {
  const snap = await store.load()
  const bank = bankOf(snap.gift ?? park.gift)
  if (E.isLeft(bank)) throw new Error('the stored question bank does not import')
  const papers = new Map(parsedAll(snap.papers, decodePaper, 'paper').map((p) => [p.id, p]))
  const rounds = new Map<string, Round>()
  for (const t of snap.rounds) {
    const paper = papers.get((JSON.parse(t) as { paper: string }).paper)
    const r = paper === undefined ? undefined : decodeRoundJson(paper, t)
    if (r === undefined || E.isLeft(r)) throw new Error(`the store holds a round that does not load: ${t.slice(0, 200)}`)
    rounds.set(r.right.id, r.right)
  }
  const events = parsedAll(snap.events, decodeEvent, 'event')
  const bankOps = [...decodeBankOps(snap.bankOps.map((t) => JSON.parse(t) as unknown)).values]
  return {
    bank: bank.right, papers, rounds, events, eventIds: new Set(events.map((e) => e.id)), bankOps,
    opIds: new Set(bankOps.map((o) => o.request)), pendingEvents: [], pendingOps: [],
    run: runFor(park, cal, events, bankOps, now)
  }
}

// -------------------------------------------------------------------------------------
// helpers
// -------------------------------------------------------------------------------------

const storedRound = (r: Round): StoredRound => ({ id: r.id, member: r.member, paper: r.paper, step: r.step, status: r.status, json: JSON.stringify(r) })
const rowsOf = (events: ReadonlyArray<ActivityEvent>): ReadonlyArray<StoredRow> => events.map((e) => ({ id: e.id, json: JSON.stringify(e) }))

/** One change at a time per key (a round): answers and a submission of one round never interleave. */
const serialiser = (): (<A>(key: string, f: () => Promise<A>) => Promise<A>) => {
  const tails = new Map<string, Promise<unknown>>()
  return <A>(key: string, f: () => Promise<A>): Promise<A> => {
    const next = (tails.get(key) ?? Promise.resolve()).then(f, f)
    const tail = next.catch(() => undefined)
    tails.set(key, tail)
    void tail.then(() => { if (tails.get(key) === tail) tails.delete(key) })
    return next
  }
}

const problemsOfRejections = (rs: ReadonlyArray<{ readonly problems: ReadonlyArray<Problem> }>): ReadonlyArray<Problem> => rs.flatMap((r) => r.problems)

// -------------------------------------------------------------------------------------
// the room
// -------------------------------------------------------------------------------------

/** Open the room over a store: rebuild everything from it, then serve. `now` is the server's clock. */
export const openRoom = async (store: Store, park: Park, now: () => number = Date.now): Promise<Room> => {
  const cal = calendar(park.programme.zone)
  const secret = await store.secret(() => [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join(''))
  const st = await loadState(store, park, cal, now())
  const serial = serialiser()

  const remember = (events: ReadonlyArray<ActivityEvent>): void => {
    for (const e of events) {
      if (st.eventIds.has(e.id)) continue
      st.eventIds.add(e.id)
      st.events.push(e)
      st.pendingEvents.push(e)
    }
  }

  const currentRun = (): ProgrammeRun => {
    const t = now()
    if (st.run.period.key !== monthOf(cal, t)) {
      st.run = runFor(park, cal, st.events, st.bankOps, t)
    } else if (st.pendingEvents.length > 0 || st.pendingOps.length > 0) {
      const next = appendRun(st.run, st.pendingEvents, st.pendingOps)
      st.run = E.isRight(next) ? next.right : runFor(park, cal, st.events, st.bankOps, t)
    }
    st.pendingEvents = []
    st.pendingOps = []
    return st.run
  }

  const paperFor = (seed: string): Outcome<Paper> => {
    const made = assemble(st.bank, park.daily, { secret, seed })
    if (E.isLeft(made)) return E.left(refuse(503, `the bank cannot fill a paper of ${DAILY_QUESTIONS} questions`))
    return E.right(made.right)
  }

  /** Store a finished round with its events (one statement), then take the events into the run. */
  const finish = async (paper: Paper, round: Round): Promise<Outcome<ResultView>> => {
    const result = roundResult(paper)(round)
    if (E.isLeft(result)) return E.left(refuse(409, result.left.reason))
    await store.submitRound(storedRound(round), rowsOf(result.right.events))
    st.rounds.set(round.id, round)
    remember(result.right.events)
    return E.right(resultView(paper, round, result.right as RoundResult))
  }

  /** The round, with its time-up applied when the clock has passed its deadline. */
  const timedOut = async (paper: Paper, round: Round): Promise<Round> => {
    const end = deadline(round)
    if (round.status !== 'open' || end === undefined || now() < end) return round
    const done = applyTimeout(paper, now())(round)
    if (E.isLeft(done)) return round
    await finish(paper, done.right)
    return done.right
  }

  const ownRound = (member: string, id: string): Outcome<{ readonly paper: Paper; readonly round: Round }> => {
    const round = st.rounds.get(id)
    if (round === undefined || round.member !== member) return E.left(refuse(404, 'no such round of this member'))
    const paper = st.papers.get(round.paper)
    return paper === undefined ? E.left(refuse(500, 'the round has no paper')) : E.right({ paper, round })
  }

  /** Start a round of a quiz for a member on a paper assembled for it, and keep both. */
  const begin = async (member: string, id: string, quiz: string, kind: string, seed: string): Promise<Outcome<RoundView>> => {
    const paper = paperFor(seed)
    if (E.isLeft(paper)) return paper
    const started = startRound({ id, quiz, kind, member, mode: 'exam', paper: paper.right, now: now(),
      limits: { roundMs: DAILY_ROUND_MS, onTimeout: 'submit' } })
    if (E.isLeft(started)) return E.left(refuse(409, started.left.reason))
    await store.startRound({ id: paper.right.id, json: JSON.stringify(paper.right) }, storedRound(started.right))
    st.papers.set(paper.right.id, paper.right)
    st.rounds.set(id, started.right)
    return E.right(roundView(paper.right, started.right, now()))
  }

  const isMember = (member: string): Outcome<string> => (park.org.memberById.has(member) ? E.right(member) : E.left(refuse(404, 'no such member')))

  const today = async (member: string): Promise<Outcome<RoundView>> => {
    if (E.isLeft(isMember(member))) return E.left(refuse(404, 'no such member'))
    const day = cal.key('day', now() as Instant)
    const id = `daily/${day}/${member}`
    return serial(id, async () => {
      const have = ownRound(member, id)
      if (E.isRight(have)) return E.right(roundView(have.right.paper, await timedOut(have.right.paper, have.right.round), now()))
      return begin(member, id, `daily-${day}`, 'daily', deriveSeed('daily', member, day))
    })
  }

  const practice = async (member: string): Promise<Outcome<RoundView>> => {
    if (E.isLeft(isMember(member))) return E.left(refuse(404, 'no such member'))
    return serial(`practice/${member}`, () => {
      const day = cal.key('day', now() as Instant)
      const n = [...st.rounds.keys()].filter((k) => k.startsWith(`practice/${day}/${member}/`)).length + 1
      return begin(member, `practice/${day}/${member}/${n}`, `practice-${day}`, 'special', deriveSeed('practice', member, day, n))
    })
  }

  const answerOne = (member: string, id: string, question: string, response: unknown): Promise<Outcome<AnswerAck>> =>
    serial(id, async () => {
      const have = ownRound(member, id)
      if (E.isLeft(have)) return have
      const decoded = decodeQuizResponse(response)
      if (E.isLeft(decoded)) return E.left(refuse(400, 'invalid-answer', decoded.left))
      const { paper } = have.right
      const round = await timedOut(paper, have.right.round)
      const next = answer(paper, question, decoded.right as QuizResponse, now())(round)
      if (E.isLeft(next)) return E.left(refuse(409, next.left.reason, [next.left]))
      await store.saveRound(storedRound(next.right))
      st.rounds.set(id, next.right)
      return E.right({ id, question, step: next.right.step, status: next.right.status })
    })

  const submitOne = (member: string, id: string): Promise<Outcome<ResultView>> =>
    serial(id, async () => {
      const have = ownRound(member, id)
      if (E.isLeft(have)) return have
      const { paper, round } = have.right
      const done = submit(paper, now())(round)
      const ended = E.isRight(done) ? done : applyTimeout(paper, now())(round)
      if (E.isLeft(ended)) return E.left(refuse(409, ended.left.reason, [ended.left]))
      return finish(paper, ended.right)
    })

  const addEvents = async (jsonl: string): Promise<Outcome<{ readonly added: number }>> => {
    const batch = decodeEventsJsonl(jsonl, 'events.jsonl')
    if (batch.rejections.length > 0) return E.left(refuse(422, 'rejected events', problemsOfRejections(batch.rejections)))
    const added = await store.addEvents(rowsOf(batch.events))
    remember(batch.events)
    return E.right({ added })
  }

  const addBankOps = async (jsonl: string): Promise<Outcome<{ readonly added: number }>> => {
    const batch = decodeBankOpsJsonl(jsonl, 'ops.jsonl')
    if (batch.rejections.length > 0) return E.left(refuse(422, 'rejected operations', problemsOfRejections(batch.rejections)))
    const added = await store.addBankOps(batch.values.map((o) => ({ id: o.request, json: JSON.stringify(o) })))
    for (const o of batch.values) {
      if (st.opIds.has(o.request)) continue
      st.opIds.add(o.request)
      st.bankOps.push(o)
      st.pendingOps.push(o)
    }
    return E.right({ added })
  }

  const uploadBank = async (gift: string, file: string): Promise<Outcome<{ readonly questions: number; readonly categories: ReadonlyArray<string> }>> => {
    const r = importGift(gift, { file })
    if (r.problems.length > 0) return E.left(refuse(422, 'the bank has problems; nothing was changed', r.problems))
    if (r.questions.length < DAILY_QUESTIONS) return E.left(refuse(422, `a daily paper needs at least ${DAILY_QUESTIONS} questions, the file has ${r.questions.length}`))
    await store.saveBank(gift, now())
    st.bank = indexQuestionBank(r.questions)
    return E.right({ questions: r.questions.length, categories: r.categories })
  }

  const checkProgramme = (json?: string): ReadonlyArray<Problem> => {
    const decoded = json === undefined ? E.right(park.programme) : decodeProgrammeJson(json, 'programme.json')
    if (E.isLeft(decoded)) return decoded.left
    return [...checkProgrammeOrg(decoded.right, park.org), ...checkHostTables(decoded.right, park.org, park.host)]
  }

  return {
    park, cal, now, today, practice, answer: answerOne, submit: submitOne, addEvents, addBankOps, uploadBank, checkProgramme,
    run: currentRun, events: () => st.events
  }
}

