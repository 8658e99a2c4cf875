// The reading room's pages: plain ESM in the browser, no framework. The library's browser build renders
// problems (renderProblem) and rich text (textOf); the server sends JSON views (views.ts).
import { renderProblem, type Problem, type Text } from 'moral-bank/core'
import { textOf, type PublicQuestion, type QuizResponse } from 'moral-bank/quiz'
import type { HonorRoll } from 'moral-bank/awards'
import type { Statement } from 'moral-bank/ledger'
import type { BoardsView, BoardView, PointsView, ResultView, RoundView, RowView } from '../views.js'

// -------------------------------------------------------------------------------------
// small DOM and HTTP helpers
// -------------------------------------------------------------------------------------

type Child = Node | string
const h = (tag: string, attrs: Readonly<Record<string, string>> = {}, ...children: ReadonlyArray<Child>): HTMLElement => {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v)
  el.append(...children)
  return el
}
const byId = (id: string): HTMLElement => document.getElementById(id) as HTMLElement
const show = (id: string, ...children: ReadonlyArray<Child>): void => byId(id).replaceChildren(...children)
const both = (t: Text): string => (t.zh === t.en ? t.zh : `${t.zh} ${t.en}`)

interface Failure { readonly reason: string; readonly problems?: ReadonlyArray<Problem> }
type Answer<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly failure: Failure }

const call = async <A>(method: string, path: string, body?: unknown, raw = false): Promise<Answer<A>> => {
  const init: RequestInit = body === undefined ? { method } : { method, body: raw ? String(body) : JSON.stringify(body) }
  const res = await fetch(path, init)
  const value = (await res.json()) as unknown
  return res.ok ? { ok: true, value: value as A } : { ok: false, failure: value as Failure }
}

const problemList = (ps: ReadonlyArray<Problem>): HTMLElement =>
  h('ul', { class: 'problems' }, ...ps.map((p) => h('li', { class: 'problem' }, renderProblem(p), h('br'), renderProblem(p, 'zh'))))
const failureView = (f: Failure): HTMLElement => h('div', { class: 'failure' }, h('p', {}, f.reason), problemList(f.problems ?? []))

// -------------------------------------------------------------------------------------
// the member (as a sign-in screen would leave it)
// -------------------------------------------------------------------------------------

const member = (): string => (byId('member') as HTMLSelectElement).value

const chooseMember = async (onChange: () => void): Promise<void> => {
  const list = await call<ReadonlyArray<{ id: string; name: string; unit: string }>>('GET', '/api/members')
  if (!list.ok) return
  const select = byId('member') as HTMLSelectElement
  select.replaceChildren(...list.value.map((m) => h('option', { value: m.id }, `${m.name}（${m.unit}）`)))
  select.value = new URLSearchParams(location.search).get('member') ?? localStorage.getItem('member') ?? list.value[0]?.id ?? ''
  select.addEventListener('change', () => {
    localStorage.setItem('member', select.value)
    onChange()
  })
}

// -------------------------------------------------------------------------------------
// the daily quiz
// -------------------------------------------------------------------------------------

const inputName = (q: PublicQuestion, k = ''): string => `${q.id}${k}`

const questionInputs = (q: PublicQuestion, given: QuizResponse | undefined): ReadonlyArray<Child> => {
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const picked = given?.type === 'single' ? [given.choice] : given?.type === 'multiple' ? given.choices : []
      const kind = q.type === 'single' ? 'radio' : 'checkbox'
      return q.options.map((o) => {
        const box = h('input', { type: kind, name: inputName(q), value: o.id }) as HTMLInputElement
        box.checked = picked.includes(o.id)
        return h('label', {}, box, ` ${o.id}. ${textOf(o.text)} `)
      })
    }
    case 'judge':
      return [true, false].map((v) => {
        const box = h('input', { type: 'radio', name: inputName(q), value: String(v) }) as HTMLInputElement
        box.checked = given?.type === 'judge' && given.value === v
        return h('label', {}, box, v ? ' 对 True ' : ' 错 False ')
      })
    case 'blank':
      return q.blanks.map((b, i) => {
        const box = h('input', { type: 'text', name: inputName(q, `-${i}`), 'aria-label': `blank ${b}` }) as HTMLInputElement
        box.value = given?.type === 'blank' ? (given.values[i] ?? '') : ''
        return box
      })
    case 'numerical': {
      const box = h('input', { type: 'number', step: 'any', name: inputName(q) }) as HTMLInputElement
      box.value = given?.type === 'numerical' ? String(given.value) : ''
      return [box]
    }
    default:
      return [h('em', {}, '（本页不支持此题型 not shown on this page）')]
  }
}

/** What the member gave for a question, read off the form. */
const responseOf = (form: HTMLFormElement, q: PublicQuestion): QuizResponse | undefined => {
  const values = (name: string): ReadonlyArray<string> =>
    Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)).filter((i) => i.type === 'text' || i.type === 'number' || i.checked).map((i) => i.value)
  const one = values(inputName(q))[0]
  switch (q.type) {
    case 'single': return one === undefined ? undefined : { type: 'single', choice: one }
    case 'multiple': return { type: 'multiple', choices: values(inputName(q)) }
    case 'judge': return one === undefined ? undefined : { type: 'judge', value: one === 'true' }
    case 'blank': return { type: 'blank', values: q.blanks.map((_, i) => values(inputName(q, `-${i}`))[0] ?? '') }
    case 'numerical': return one === undefined || one === '' ? undefined : { type: 'numerical', value: Number(one) }
    default: return undefined
  }
}

const startTimer = (round: RoundView, onTimeUp: () => void): void => {
  if (round.deadline === undefined) return
  const skew = Date.now() - round.now
  const end = round.deadline
  const tick = (): void => {
    const left = Math.max(0, end - (Date.now() - skew))
    const s = Math.ceil(left / 1000)
    show('timer', `剩余时间 Time left: ${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`)
    if (left === 0) onTimeUp()
    else setTimeout(tick, 500)
  }
  tick()
}

const keyText = (r: ResultView['questions'][number]['right']): string => {
  switch (r.type) {
    case 'single': return r.choice
    case 'multiple': return r.choices.join(', ')
    case 'judge': return r.value ? '对 True' : '错 False'
    case 'blank': return r.values.map((alts) => alts.join(' / ')).join('; ')
    case 'numerical': return r.accepted.map((a) => (a.min === a.max ? String(a.min) : `${a.min} … ${a.max}`)).join(' / ')
    case 'ordering': return r.order.join(' → ')
    case 'matching': return Object.entries(r.matches).map(([k, v]) => `${k}→${v}`).join(', ')
    case 'essay': return '（人工评分 graded by hand）'
  }
}

const answerText = (a: QuizResponse | undefined): string => {
  if (a === undefined) return '（未答 unanswered）'
  switch (a.type) {
    case 'single': return a.choice
    case 'multiple': return a.choices.join(', ')
    case 'judge': return a.value ? '对 True' : '错 False'
    case 'blank': return a.values.join('; ')
    case 'numerical': return String(a.value)
    default: return JSON.stringify(a)
  }
}

const showResult = (r: ResultView): void => {
  byId('submit').setAttribute('disabled', '')
  show('timer', '已交卷 Submitted')
  const rows = r.questions.map((q, i) => {
    const pq = r.paper.questions[i]
    const cls = q.fraction === 1 ? 'right' : 'wrong'
    return h('tr', { class: cls }, h('td', {}, `${i + 1}. ${pq === undefined ? '' : textOf(pq.stem)}`), h('td', {}, answerText(q.answered)),
      h('td', {}, keyText(q.right)), h('td', {}, `${q.score} / ${q.points}`), h('td', {}, q.explanation ?? ''))
  })
  show('result',
    h('p', { id: 'score', class: 'score' }, `得分 Score: ${r.score} / ${r.maxScore}（答对 ${r.correct} / ${r.total} right）`),
    h('table', {}, h('tr', {}, ...['题目 Question', '你的答案 Yours', '正确答案 Right', '得分 Score', '解析 Explanation'].map((t) => h('th', {}, t))), ...rows))
}

const quizPage = async (): Promise<void> => {
  const started = await call<RoundView>('POST', '/api/rounds', { member: member() })
  if (!started.ok) return show('paper', failureView(started.failure))
  const round = started.value
  const form = byId('paper') as HTMLFormElement
  form.replaceChildren(...round.paper.questions.map((q, i) =>
    h('fieldset', { 'data-question': q.id }, h('legend', {}, `${i + 1}. ${textOf(q.stem)}（${q.points} 分）`), ...questionInputs(q, round.given[q.id]))))
  const submitNow = async (): Promise<void> => {
    const done = await call<ResultView>('POST', '/api/rounds/submit', { member: member(), round: round.id })
    if (done.ok) showResult(done.value)
    else show('result', failureView(done.failure))
  }
  form.onchange = (ev) => {
    const fs = (ev.target as HTMLElement).closest('fieldset')
    const q = round.paper.questions.find((x) => x.id === fs?.getAttribute('data-question'))
    const response = q === undefined ? undefined : responseOf(form, q)
    if (q !== undefined && response !== undefined) {
      void call('POST', '/api/rounds/answer', { member: member(), round: round.id, question: q.id, response }).then((a) => {
        fs?.setAttribute('data-saved', a.ok ? 'yes' : 'no')
      })
    }
  }
  byId('submit').onclick = () => void submitNow()
  if (round.status !== 'open') return void submitNow()
  startTimer(round, () => void submitNow())
}

// -------------------------------------------------------------------------------------
// my points, the passbook
// -------------------------------------------------------------------------------------

const passbookView = (p: Statement | undefined): HTMLElement => {
  if (p === undefined) return h('p', {}, '（无 none）')
  return h('div', {},
    h('p', {}, `期初 Opening ${p.opening} · 存入 Earned ${p.earned} · 扣除 Deducted ${p.deducted} · 兑换 Redeemed ${p.redeemed} · 期末 Closing ${p.closing}`),
    h('table', {}, h('tr', {}, ...['日期 Day', '存入 Earned', '扣除 Deducted', '兑换 Redeemed', '过期 Expired', '余额 Balance'].map((t) => h('th', {}, t))),
      ...p.days.map((d) => h('tr', {}, ...[d.day, d.earned, d.deducted, d.redeemed, d.expired, d.closing].map((x) => h('td', {}, String(x)))))))
}

const pointsPage = async (): Promise<void> => {
  const got = await call<PointsView>('GET', `/api/points?member=${encodeURIComponent(member())}`)
  if (!got.ok) return show('today', failureView(got.failure))
  const v = got.value
  show('today',
    h('p', {}, `${v.label} · ${v.day} · 今日合计 today ${v.today.total} · ${Object.entries(v.balances).map(([a, n]) => `${a} ${n}`).join(' · ')}`),
    h('table', { id: 'today-table' }, h('tr', {}, h('th', {}, '任务 Task'), h('th', {}, '今日 Earned / 上限 Cap')),
      ...v.today.lines.map((l) => h('tr', {}, h('td', {}, l.label === undefined ? l.rule : both(l.label)), h('td', {}, `${l.earned} / ${l.dailyCap ?? '—'}`)))))
  show('passbook', passbookView(v.passbook))
}

// -------------------------------------------------------------------------------------
// boards and the honor roll
// -------------------------------------------------------------------------------------

const rowLine = (r: RowView): string => `${r.rank}. ${r.name}${r.unit === undefined ? '' : `（${r.unit}）`} ${r.score}`
const boardView = (b: BoardView): HTMLElement =>
  h('section', { id: `board-${b.id}` }, h('h2', {}, both(b.label)),
    h('div', { class: 'columns' },
      h('ol', { class: 'rows' }, ...(b.rows.length === 0 ? [h('li', {}, '（暂无 nobody yet）')] : b.rows.map((r) => h('li', { 'data-subject': r.subject }, rowLine(r))))),
      b.red === undefined ? '' : h('div', {},
        h('h3', { class: 'red' }, '红榜 Red list'), h('ul', { class: 'red' }, ...b.red.map((r) => h('li', {}, rowLine(r)))),
        h('h3', { class: 'black' }, '黑榜 Black list'), h('ul', { class: 'black' }, ...(b.black ?? []).map((r) => h('li', {}, rowLine(r)))))))

const boardsPage = async (): Promise<void> => {
  const got = await call<BoardsView>('GET', '/api/boards')
  if (got.ok) show('boards', h('p', {}, `本期 Period ${got.value.period}`), ...got.value.boards.map(boardView))
}

const rollPage = async (): Promise<void> => {
  const got = await call<HonorRoll | { vacant: true }>('GET', '/api/roll')
  if (!got.ok || !('categories' in got.value)) return show('roll', '（本期无光荣榜 no roll this period）')
  const roll = got.value
  const day = (t: number): string => new Date(t).toLocaleDateString('zh-CN', { timeZone: roll.zone })
  show('roll', h('h2', {}, both(roll.title)),
    h('p', { id: 'notice' }, `公示期 Notice window: ${day(roll.notice.from)} – ${day(roll.notice.to - 1)}`),
    ...roll.categories.map((c) => h('section', { id: `award-${c.award}` }, h('h3', {}, both(c.label)),
      c.entries.length === 0 ? h('p', { class: 'vacant' }, c.vacant === undefined ? '本期空缺 No winner' : both(c.vacant)) : '',
      h('ul', {}, ...c.entries.map((e) => h('li', { 'data-subject': e.subject }, `${e.label ?? e.subject}${e.unit === undefined ? '' : `（${e.unit}）`}：${e.text.zh}`, h('br'), e.text.en))))))
}

// -------------------------------------------------------------------------------------
// the administrator
// -------------------------------------------------------------------------------------

const adminPage = async (): Promise<void> => {
  const file = byId('gift-file') as HTMLInputElement
  const text = byId('gift') as HTMLTextAreaElement
  file.onchange = () => void file.files?.[0]?.text().then((t) => { text.value = t })
  byId('upload').onclick = async () => {
    const name = file.files?.[0]?.name ?? 'upload.gift'
    const r = await call<{ questions: number }>('POST', `/api/admin/bank?file=${encodeURIComponent(name)}`, text.value, true)
    show('bank-report', r.ok ? h('p', { class: 'right' }, `已导入 ${r.value.questions} 道题 Imported ${r.value.questions} questions`) : failureView(r.failure))
  }
  const check = async (): Promise<void> => {
    const given = (byId('programme') as HTMLTextAreaElement).value
    const r = given.trim() === '' ? await call<{ problems: ReadonlyArray<Problem> }>('GET', '/api/admin/programme')
      : await call<{ problems: ReadonlyArray<Problem> }>('POST', '/api/admin/programme', given, true)
    if (!r.ok) return show('programme-report', failureView(r.failure))
    show('programme-report', r.value.problems.length === 0 ? h('p', { class: 'right' }, '方案无问题 No problems') : problemList(r.value.problems))
  }
  byId('check').onclick = () => void check()
  await check()
}

// -------------------------------------------------------------------------------------
// the page
// -------------------------------------------------------------------------------------

const PAGES: Readonly<Record<string, () => Promise<void>>> = {
  quiz: quizPage, points: pointsPage, boards: boardsPage, roll: rollPage, admin: adminPage, index: async () => undefined
}
const render = PAGES[document.body.dataset['page'] ?? 'index'] ?? PAGES['index']
void chooseMember(() => location.reload()).then(() => render?.())
