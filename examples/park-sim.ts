// The source park's month, simulated from a seed: an organisation tree of
// enterprises, party branches and work groups; a month of study activity,
// daily and weekly quiz rounds, good deeds and deductions; all folded through
// the daily-study preset plus a moral-points account, all configured in one
// programme file; the Moral Bank's "love supermarket" (爱心超市) where members
// spend moral points. Deterministic per seed.
import * as E from 'fp-ts/lib/Either.js'
import { calendar, decodeOrg, instantOrThrow, renderProblems, rngFromParts, uniformInt, weekdayOf, type Instant, type OrgTree, type Period, type Problem, type Rng } from 'moral-bank/core'
import { answer, assemble, dailySeed, decodeQuestionBank, decodeBlueprint, indexQuestionBank, keyAnswer, roundResult, startRound, submit, type Blueprint, type KeyAnswer, type Paper, type QuizResponse } from 'moral-bank/quiz'
import { account, dailyStudy, decodeEvent, deduction, inAccount, perAction, type ActivityEvent } from 'moral-bank/rules'
import { balanceOfOrThrow, type Ledger } from 'moral-bank/ledger'
import type { Board, RedBlack } from 'moral-bank/ranking'
import { awardPresets, type AwardRun, type HonorRoll } from 'moral-bank/awards'
import { allOrders, type BankOp, type BankState } from 'moral-bank/bank'
import { appendRun, decodeProgramme, runProgramme, type Programme, type ProgrammeRun, type PublishedBoard } from 'moral-bank/programme'

// The server's quiz secret. A real host draws 32 random hex digits once and keeps them on the server;
// the simulation fixes one so its output is the same on every run.
const QUIZ_SECRET = 'park-sim-quiz-secret-0123456789abcdef'

export interface Park {
  readonly org: OrgTree
  readonly period: Period
  readonly events: ReadonlyArray<ActivityEvent>
  readonly ledger: Ledger
  readonly rounds: number
  /** Every member's study points in the month, best first. */
  readonly board: Board
  /** Work groups by per-capita study points, and their red and black lists (the best 3, the worst 3). */
  readonly groups: Board
  readonly groupLists: RedBlack
  /** The preset awards for the month, each decision explained. */
  readonly awards: AwardRun
  /** The honor roll, posted for a week after the month. */
  readonly roll: HonorRoll
  /** The programme file the month ran under (rules, bank, awards), as the administrator wrote it, and decoded. */
  readonly programmeJson: unknown
  readonly programme: Programme
  /** The Moral Bank after the month's moral entries were posted and members shopped at the love supermarket. */
  readonly bank: BankState
  /** Orders handed over at the love supermarket. */
  readonly handedOver: number
  /** The host's scores per member (skills, conduct, performance), as the host tables file holds them. */
  readonly host: Readonly<Record<string, Readonly<Record<string, number>>>>
  /** The love supermarket's operations (reserve, hand over). */
  readonly bankOps: ReadonlyArray<BankOp>
  /** The whole month as one run of the programme. */
  readonly run: ProgrammeRun
}

const ENTERPRISES = ['高新材料', '盐化工', '机械制造', '电子科技', '新能源', '物流服务', '食品加工', '生物医药']
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭']
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '军', '强', '丽', '涛', '明', '华']

const orThrow = <A>(r: E.Either<ReadonlyArray<Problem>, A>, what: string): A => {
  if (E.isLeft(r)) throw new Error(`${what}:\n${renderProblems(r.left)}`)
  return r.right
}

/** The park: 8 enterprises, each with a party branch of 3 work groups; about 280 members. */
const buildOrg = (rng: Rng): OrgTree => {
  const units: Array<Record<string, unknown>> = [{ id: 'park', label: '沿滩高新区', kind: 'park' }]
  const members: Array<Record<string, unknown>> = []
  ENTERPRISES.forEach((name, e) => {
    const ent = `e${e + 1}`
    const branch = `${ent}-b`
    units.push({ id: ent, label: `${name}公司`, kind: 'enterprise', parent: 'park' })
    units.push({ id: branch, label: `${name}党支部`, kind: 'branch', parent: ent })
    for (let g = 1; g <= 3; g++) {
      const group = `${branch}-g${g}`
      units.push({ id: group, label: `${name}第${'一二三'[g - 1]}项目组`, kind: 'group', parent: branch })
      const size = 9 + uniformInt(rng, 5)
      for (let m = 1; m <= size; m++) {
        const joinedYear = 2012 + uniformInt(rng, 10)
        members.push({
          id: `${group}-m${String(m).padStart(2, '0')}`,
          unit: group,
          label: `${SURNAMES[uniformInt(rng, SURNAMES.length)]}${GIVEN[uniformInt(rng, GIVEN.length)]}${GIVEN[uniformInt(rng, GIVEN.length)]}`,
          partyMember: uniformInt(rng, 10) < 8,
          cadre: m === 1,
          joined: `${joinedYear}-${String(1 + uniformInt(rng, 12)).padStart(2, '0')}-01`
        })
      }
    }
  })
  return orThrow(decodeOrg({ units, members }), 'organisation tree')
}

const BANK = {
  version: 1,
  questions: [
    { id: 'q01', type: 'single', stem: '中国共产党第一次全国代表大会在哪一年召开？', tags: ['党史'], difficulty: 1, points: 1,
      options: [{ id: 'a', text: '1919 年' }, { id: 'b', text: '1921 年' }, { id: 'c', text: '1927 年' }, { id: 'd', text: '1935 年' }], answer: 'b' },
    { id: 'q02', type: 'judge', stem: '遵义会议于 1935 年召开。', tags: ['党史'], difficulty: 1, points: 1, answer: true },
    { id: 'q03', type: 'single', stem: '中华人民共和国成立于哪一年？', tags: ['新中国史'], difficulty: 1, points: 1,
      options: [{ id: 'a', text: '1945 年' }, { id: 'b', text: '1949 年' }, { id: 'c', text: '1950 年' }], answer: 'b' },
    { id: 'q04', type: 'blank', stem: '1978 年召开了党的十一届___全会。', tags: ['改革开放史'], difficulty: 2, points: 1,
      blanks: [{ id: 'b1', accept: [{ text: '三中' }] }] },
    { id: 'q05', type: 'multiple', stem: '“四史”包括哪些？', tags: ['党史', '社会主义发展史'], difficulty: 2, points: 1, scoring: 'partial',
      options: [{ id: 'a', text: '党史' }, { id: 'b', text: '新中国史' }, { id: 'c', text: '改革开放史' }, { id: 'd', text: '社会主义发展史' }, { id: 'e', text: '世界史' }],
      answer: ['a', 'b', 'c', 'd'] },
    { id: 'q06', type: 'judge', stem: '南昌起义打响了武装反抗国民党反动派的第一枪。', tags: ['党史'], difficulty: 1, points: 1, answer: true },
    { id: 'q07', type: 'single', stem: '“两个确立”“两个维护”中，“两个维护”首先是维护什么？', tags: ['党史'], difficulty: 3, points: 1,
      options: [{ id: 'a', text: '党中央权威和集中统一领导' }, { id: 'b', text: '地方利益' }, { id: 'c', text: '部门规章' }], answer: 'a' },
    { id: 'q08', type: 'judge', stem: '经济特区最早设立于 1990 年。', tags: ['改革开放史'], difficulty: 2, points: 1, answer: false },
    { id: 'q09', type: 'single', stem: '《共产党宣言》最早的中文全译本译者是谁？', tags: ['社会主义发展史'], difficulty: 3, points: 1,
      options: [{ id: 'a', text: '陈望道' }, { id: 'b', text: '李大钊' }, { id: 'c', text: '瞿秋白' }], answer: 'a' },
    { id: 'q10', type: 'judge', stem: '香港于 1997 年回归祖国。', tags: ['新中国史'], difficulty: 1, points: 1, answer: true },
    { id: 'q11', type: 'ordering', stem: '按时间先后排列：', tags: ['党史'], difficulty: 4, points: 1,
      items: [{ id: 'i1', text: '中共一大' }, { id: 'i2', text: '遵义会议' }, { id: 'i3', text: '开国大典' }], answer: ['i1', 'i2', 'i3'] },
    { id: 'q12', type: 'blank', stem: '2021 年是中国共产党成立___周年。', tags: ['党史'], difficulty: 1, points: 1,
      blanks: [{ id: 'b1', accept: [{ text: '100' }, { text: '一百' }] }] }
  ]
}

/** A member's answer: the key's when right, a plausible wrong one otherwise. */
const simulatedAnswer = (key: KeyAnswer, right: boolean): QuizResponse | undefined => {
  switch (key.type) {
    case 'single':
      return { type: 'single', choice: right ? key.choice : key.choice === 'A' ? 'B' : 'A' }
    case 'multiple':
      return { type: 'multiple', choices: right ? key.choices : key.choices.slice(1) }
    case 'judge':
      return { type: 'judge', value: right ? key.value : !key.value }
    case 'blank':
      return { type: 'blank', values: key.values.map((alternatives) => (right ? (alternatives[0] ?? '') : '不知道')) }
    case 'ordering':
      return { type: 'ordering', order: right ? key.order : [...key.order].reverse() }
    default:
      return undefined
  }
}

/**
 * The park's programme file, as its administrator writes it (built from the presets, then plain JSON):
 * the rules, the Moral Bank, the awards, and what the reading room posts.
 */
export const parkProgrammeJson = (): unknown => {
  // The programme file, as the park's administrator writes it (here built from the presets, then plain JSON):
  // the rules, the Moral Bank, the awards, and what the reading room posts.
  const preset = dailyStudy()
  const presetAwards = awardPresets({ dailyMin: 1, modelThreshold: 400 }) as { awards: Array<Record<string, unknown>>; hostMetrics?: unknown }
  const { hostMetrics: _declaredBelow, ...awardsJson } = presetAwards
  const label = (en: string, zh: string): { en: string; zh: string } => ({ en, zh })
  const groupBoard = (id: string, l: { en: string; zh: string }, metric: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    id, label: l, subjects: 'units', unitKind: 'group', metric, period: 'month', ...extra
  })
  return JSON.parse(
    JSON.stringify({
      version: 2,
      title: { en: 'Yantan park study programme, July 2021', zh: '沿滩高新区 2021 年 7 月学习方案' },
      zone: 'Asia/Shanghai',
      rules: {
        accounts: [...preset.accounts, account('moral', { label: { en: 'Moral points', zh: '道德积分' } })],
        rules: [...preset.rules, inAccount('moral')(perAction('deed', 'deed.approved', 5)), inAccount('moral')(deduction('late', 'violation.recorded', 2))],
        groups: preset.groups ?? []
      },
      bank: {
        accounts: [{ id: 'moral', expiryMonths: 12 }],
        items: [
          { id: 'soap', label: { en: 'Soap', zh: '肥皂' }, account: 'moral', price: 5, stock: 60 },
          { id: 'towel', label: { en: 'Towel', zh: '毛巾' }, account: 'moral', price: 10, stock: 30 },
          { id: 'rice', label: { en: 'Rice 5 kg', zh: '大米五公斤' }, account: 'moral', price: 20, stock: 10 }
        ],
        claims: [{ id: 'deed', eventType: 'deed.approved', stages: [{ kind: 'confirmation', id: 'helped' }, { kind: 'review', id: 'review' }, { kind: 'notice', id: 'notice', days: 3 }] }]
      },
      // The presets, made monthly for the demo (an admin edits the JSON the same way); their host metrics are $.host.
      awards: { ...awardsJson, awards: presetAwards.awards.map((a) => ({ ...a, period: 'month' })) },
      host: [
        { id: 'skills', label: label('Skills', '技能') },
        { id: 'conduct', label: label('Conduct', '作风') },
        { id: 'performance', label: label('Performance', '业绩') }
      ],
      boards: [
        { id: 'study', label: label('Study-score board', '学习积分榜'), subjects: 'members', metric: { kind: 'points', account: 'study' }, period: 'month' },
        groupBoard('groups', label('Work groups by per-capita study points', '工作组人均学习积分'), { kind: 'points', account: 'study' }, {
          aggregate: 'perCapita',
          lists: { red: { count: 3 }, black: { count: 3 } }
        }),
        groupBoard('group-participation', label('Work groups by participation', '工作组参学率'), { kind: 'participation' }),
        groupBoard('group-daily', label('Work groups: members with points every day', '工作组每日达标率'), { kind: 'aboveDailyMin', account: 'study', min: 1 })
      ],
      composites: [
        {
          id: 'sanbi',
          label: label('Three comparisons: points, participation, every day', '三比：比积分、比参学、比坚持'),
          parts: [{ board: 'groups', weight: 0.5 }, { board: 'group-participation', weight: 0.25 }, { board: 'group-daily', weight: 0.25 }],
          normalisation: 'minmax',
          lists: { red: { count: 3 }, black: { count: 3 } }
        }
      ],
      roll: { title: label('Yantan park honor roll, July 2021', '沿滩高新区 2021 年 7 月光荣榜'), notice: { after: 1, days: 7 } }
    })
  )
}

/** The park's organisation tree for a seed (the one `simulatePark` uses). */
export const parkOrg = (seed: string): OrgTree => buildOrg(rngFromParts(seed, 'org'))

/** Simulate one month (July 2021) of the park. */
export const simulatePark = (seed: string): Park => {
  const rng = rngFromParts(seed, 'org')
  const org = buildOrg(rng)
  const cal = calendar()
  const bankReport = decodeQuestionBank(BANK)
  if (bankReport.problems.length > 0) throw new Error(renderProblems(bankReport.problems))
  const bank = indexQuestionBank(bankReport.questions)
  const daily = orThrow(decodeBlueprint({ id: 'daily', sections: [{ id: 's', count: 5 }] }), 'daily blueprint')
  const weekly = orThrow(decodeBlueprint({ id: 'weekly', sections: [{ id: 's', count: 8 }] }), 'weekly blueprint')

  const events: Array<ActivityEvent> = []
  let rounds = 0
  // The server's store of papers: a shared paper (the day's, the week's) is assembled once and kept, as a host does.
  const papers = new Map<string, ReturnType<typeof assemble>>()
  const paperFor = (bp: Blueprint, paperSeed: string): ReturnType<typeof assemble> => {
    const key = `${bp.id}\u0000${paperSeed}`
    const have = papers.get(key)
    if (have !== undefined) return have
    const made = assemble(bank, bp, { secret: QUIZ_SECRET, seed: paperSeed })
    papers.set(key, made)
    return made
  }
  // One branch studies every day (the red flag needs a contender); host-supplied skill, conduct and performance scores.
  const branches = org.units.filter((u) => u.kind === 'branch').map((u) => u.id)
  const model = branches[uniformInt(rng, branches.length)]
  const host: Record<string, Record<string, number>> = { skills: {}, conduct: {}, performance: {} }
  const first = instantOrThrow('2021-07-01T00:00:00+08:00')
  // Each member has an engagement level and a skill, both fixed by the seed.
  for (const m of org.members) {
    const r = rngFromParts(seed, m.id)
    const engagement = org.unitById.get(m.unit)?.parent === model ? 100 : 20 + uniformInt(r, 80) // % chance to study on a given day
    for (const k of ['skills', 'conduct', 'performance']) (host[k] as Record<string, number>)[m.id] = 60 + uniformInt(r, 401) / 10
    const skill = 40 + uniformInt(r, 60) // % chance to answer a question right
    let n = 0
    const ev = (type: string, at: number, attrs: Record<string, number | string | boolean> = {}): void => {
      // Built in code, checked as any input is (a failure here is a bug in this simulation).
      const e = decodeEvent({ id: `${m.id}/${++n}`, type, member: m.id, at, attrs })
      if (E.isLeft(e)) throw new Error(renderProblems(e.left))
      events.push(e.right)
    }
    const playRound = (paper: Paper, quiz: string, kind: string, at: number): void => {
      const started = startRound({ id: `${m.id}/${quiz}`, quiz, kind, member: m.id, mode: 'exam', paper, now: at, limits: { roundMs: 600_000, onTimeout: 'submit' } })
      if (E.isLeft(started)) return
      let round = started.right
      paper.questions.forEach((pq, i) => {
        const right = uniformInt(r, 100) < skill
        const response = simulatedAnswer(keyAnswer(pq), right)
        if (response !== undefined) round = E.getOrElse(() => round)(answer(paper, pq.handle, response, at + 20_000 * (i + 1))(round))
      })
      const done = submit(paper, at + 200_000)(round)
      if (E.isLeft(done)) return
      const result = roundResult(paper)(done.right)
      if (E.isRight(result)) for (const e of result.right.events) events.push(e)
      rounds++
    }
    for (let d = 0; d < 31; d++) {
      const day = first + d * 86_400_000
      if (uniformInt(r, 100) >= engagement) continue
      const morning = day + (7 * 60 + uniformInt(r, 120)) * 60_000
      ev('login', morning)
      const articles = uniformInt(r, 8)
      for (let a = 0; a < articles; a++) ev('article.read', morning + (a + 1) * 300_000, { seconds: 20 + uniformInt(r, 400), content: `art-${uniformInt(r, 500)}` })
      const videos = uniformInt(r, 6)
      for (let v = 0; v < videos; v++) ev('video.watched', day + 20 * 3_600_000 + v * 400_000, { seconds: 60 + uniformInt(r, 600), content: `vid-${uniformInt(r, 300)}` })
      if (uniformInt(r, 100) < 70) {
        const at = day + 12 * 3_600_000 + uniformInt(r, 3_600_000)
        const paper = paperFor(daily, dailySeed('daily', at, cal.zone))
        if (E.isRight(paper)) playRound(paper.right, `daily-${cal.key('day', at as Instant)}`, 'daily', at)
      }
      if (weekdayOf(cal.dayNumber(day as Instant)) === 0 && uniformInt(r, 100) < 60) {
        const at = day + 19 * 3_600_000
        const paper = paperFor(weekly, `${seed}/${cal.key('week', at as Instant)}`)
        if (E.isRight(paper)) playRound(paper.right, `weekly-${cal.key('week', at as Instant)}`, 'weekly', at)
      }
      if (uniformInt(r, 100) < 4) ev('deed.approved', day + 15 * 3_600_000, { deed: 'volunteer' })
      if (uniformInt(r, 1000) < 8) ev('violation.recorded', day + 16 * 3_600_000, { item: 'late' })
    }
  }

  const programmeJson = parkProgrammeJson()
  const programme = orThrow(decodeProgramme(programmeJson), 'programme')
  const month = orThrow(runProgramme(programme, { org, events, host, period: '2021-07' }), 'run')
  // The Moral Bank: on the first Saturday of August the love supermarket opens: members with moral points
  // pick something they can afford (reserve, then hand-over); the run takes the operations as an append.
  const shopDay = instantOrThrow('2021-08-07T09:00:00+08:00')
  const shopping: Array<BankOp> = []
  const sr = rngFromParts(seed, 'shop')
  for (const m of org.members) {
    const have = balanceOfOrThrow(month.ledger, m.id, 'moral')
    if (have < 5 || uniformInt(sr, 100) >= 60) continue
    const item = have >= 20 && uniformInt(sr, 2) === 0 ? 'rice' : have >= 10 && uniformInt(sr, 2) === 0 ? 'towel' : 'soap'
    const at = (shopDay + shopping.length * 60_000) as Instant
    shopping.push({ _tag: 'reserve', request: `order-${m.id}`, at, subject: m.id, item, quantity: 1 })
    shopping.push({ _tag: 'confirm', request: `hand-over-${m.id}`, at: (at + 30_000) as Instant, order: `order-${m.id}` })
  }
  const run = orThrow(appendRun(month, [], shopping), 'shopping')
  const published = (id: string): PublishedBoard => run.boards.find((b) => b.id === id) as PublishedBoard
  const moralBank = run.bank as BankState
  const handedOver = allOrders(moralBank).filter((o) => o.status === 'confirmed').length
  const period = run.period
  const board = published('study').board
  const groups = published('groups').board
  const groupLists = published('groups').lists as RedBlack
  return {
    org, period, events, ledger: run.ledger, rounds, board, groups, groupLists, awards: run.awards as AwardRun, roll: run.roll as HonorRoll,
    programmeJson, programme, bank: moralBank, handedOver, host, bankOps: shopping, run
  }
}
