// Issue 4: GIFT import, one test per construct of Moodle's documented syntax, and export.
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { exportGift, importGift, importResultToEither } from '../../src/formats/internal.js'
import { renderProblem, type Problem } from '../../src/core/internal.js'
import type { Question } from '../../src/quiz/question.js'

const one = (src: string): Question => {
  const r = importGift(src)
  expect(r.problems.map((p) => renderProblem(p))).toEqual([])
  expect(r.questions).toHaveLength(1)
  return r.questions[0] as Question
}
const pos = (p: Problem | undefined): string => (p?.at._tag === 'TextPosition' ? `${p.at.line}:${p.at.column}` : 'none')

describe('GIFT import: constructs', () => {
  it('ignores // comment lines, before and inside a question', () => {
    const q = one('// a comment\nWho is buried in Grant\'s tomb?\n// inside\n{~Grant =no one}\n// after')
    expect(q).toMatchObject({ type: 'single', stem: "Who is buried in Grant's tomb?" })
  })

  it('reads a ::title:: and keeps it out of the stem', () => {
    const q = one('::Kanji Origins::Japanese characters came from what country? {=China ~India}')
    expect(q).toMatchObject({ title: 'Kanji Origins', stem: 'Japanese characters came from what country?' })
  })

  it('tags the questions after $CATEGORY: with the category path, and lists the categories', () => {
    const r = importGift('$CATEGORY: $course$/党史/一大\n\nQ1{T}\n\n$CATEGORY: 其他\nQ2{F}')
    expect(r.categories).toEqual(['$course$/党史/一大', '其他'])
    expect(r.questions.map((q) => q.tags)).toEqual([['$course$/党史/一大'], ['其他']])
  })

  it('reads multiple choice: "=" is the answer, "~" a wrong option, "#" its feedback', () => {
    const q = one('Grant?{=no one#Right!\n~Grant#No.\n~Jefferson}')
    expect(q).toEqual({
      id: q.id,
      type: 'single',
      stem: 'Grant?',
      tags: [],
      difficulty: 3,
      points: 1,
      options: [
        { id: 'o1', text: 'no one', feedback: 'Right!' },
        { id: 'o2', text: 'Grant', feedback: 'No.' },
        { id: 'o3', text: 'Jefferson' }
      ],
      answer: 'o1'
    })
  })

  it('reads %n% weights on wrong options of a single-answer question as partial credit', () => {
    const q = one('Difficult.{~wrong ~%50%half =full}')
    expect(q.type === 'single' && q.options.map((o) => o.fraction)).toEqual([undefined, 0.5, undefined])
  })

  it('reads a question without "=" as multiple answers scored by fractions, negative weights included', () => {
    const q = one('Two people?{~%-50%No one ~%50%Grant ~%50%Grant\'s wife ~Grant\'s father}')
    expect(q).toMatchObject({ type: 'multiple', scoring: 'fractions', answer: ['o2', 'o3'] })
    expect(q.type === 'multiple' && q.options.map((o) => o.fraction)).toEqual([-0.5, 0.5, 0.5, 0])
  })

  it('reads #### as general feedback', () => {
    const q = one('Q?{=a ~b ####Always shown.}')
    expect(q.feedback).toBe('Always shown.')
  })

  it('reads true/false as {T}, {TRUE}, {F}, {FALSE}, with wrong-pick then right-pick feedback', () => {
    expect(one('A{T}')).toMatchObject({ type: 'judge', answer: true })
    expect(one('A{TRUE}')).toMatchObject({ type: 'judge', answer: true })
    expect(one('A{F}')).toMatchObject({ type: 'judge', answer: false })
    expect(one('A{FALSE#No, it is false.#Right.}')).toMatchObject({ answer: false, trueFeedback: 'No, it is false.', falseFeedback: 'Right.' })
    expect(one('A{TRUE#No, it is true.#Right.}')).toMatchObject({ answer: true, falseFeedback: 'No, it is true.', trueFeedback: 'Right.' })
  })

  it('reads short answer with accepted alternatives and weights, "=" optional for a single answer', () => {
    const q = one("Jesus Christ was from {=Nazareth#Yes!\n=%75%Nazereth#Misspelled.\n=%25%Bethlehem}")
    expect(q.type === 'blank' && q.blanks).toEqual([
      {
        id: 'b1',
        accept: [
          { text: 'Nazareth', feedback: 'Yes!' },
          { text: 'Nazereth', fraction: 0.75, feedback: 'Misspelled.' },
          { text: 'Bethlehem', fraction: 0.25 }
        ]
      }
    ])
    expect(one('How do you write 1? {One}')).toMatchObject({ type: 'blank', blanks: [{ accept: [{ text: 'One' }] }] })
  })

  it('reads a missing-word question: text after the answer block, the blank marked _____', () => {
    expect(one('Grant is {~buried =entombed ~living} in Grant\'s tomb.').stem).toBe("Grant is _____ in Grant's tomb.")
    expect(one('中共一大在{=上海}召开。').stem).toBe('中共一大在_____召开。')
  })

  it('reads matching "=left -> right" pairs', () => {
    const q = one('Match capitals.{=Canada -> Ottawa =Italy -> Rome =Japan -> Tokyo}')
    expect(q).toMatchObject({
      type: 'matching',
      pairs: [
        { id: 'p1', left: 'Canada', right: 'Ottawa' },
        { id: 'p2', left: 'Italy', right: 'Rome' },
        { id: 'p3', left: 'Japan', right: 'Tokyo' }
      ]
    })
  })

  it('reads numerical answers: tolerance, range, several weighted answers with feedback', () => {
    expect(one('Pi? {#3.14:0.5}')).toMatchObject({ type: 'numerical', answers: [{ kind: 'exact', value: 3.14, tolerance: 0.5 }] })
    expect(one('1 to 5? {#1..5}')).toMatchObject({ answers: [{ kind: 'range', min: 1, max: 5 }] })
    expect(one('Minus? {#-3.142..-3.141}')).toMatchObject({ answers: [{ kind: 'range', min: -3.142, max: -3.141 }] })
    expect(one('Year? {#1921}')).toMatchObject({ answers: [{ kind: 'exact', value: 1921 }] })
    const q = one('Grant born? {#\n=1822:0 #Exactly.\n=%50%1822:2 #Close.\n}')
    expect(q.type === 'numerical' && q.answers).toEqual([
      { kind: 'exact', value: 1822, tolerance: 0, feedback: 'Exactly.' },
      { kind: 'exact', value: 1822, tolerance: 2, fraction: 0.5, feedback: 'Close.' }
    ])
  })

  it('reads an essay as {}', () => {
    expect(one('Write about Dag Hammarskjöld. {}')).toMatchObject({ type: 'essay', stem: 'Write about Dag Hammarskjöld.' })
    expect(one('心得体会 {\n}')).toMatchObject({ type: 'essay' })
  })

  it('reports a description (no answer block) as unsupported at its line, and reads what follows', () => {
    const r = importGift('Intro line.\n\nQ{T}')
    expect(r.problems.map((p) => [p.code, pos(p)])).toEqual([['unsupported', '1:1']])
    expect(r.questions).toHaveLength(1)
  })

  it('unescapes \\~ \\= \\# \\{ \\} \\: \\\\ and \\n, keeping any other backslash', () => {
    const q = one('::a\\:b::x \\~ \\= \\# \\{ \\} \\: \\\\ \\n y \\q {=ok}')
    expect(q.title).toBe('a:b')
    expect(q.stem).toBe('x ~ = # { } : \\ \n y \\q')
  })

  it('reads [html], [markdown], [plain] and [moodle] markers on the stem and on answers', () => {
    expect(one('[html]<b>Q</b>{T}')).toMatchObject({ format: 'html', stem: '<b>Q</b>' })
    expect(one('[markdown]**Q**{T}')).toMatchObject({ format: 'markdown', stem: '**Q**' })
    expect(one('[plain]Q{T}')).toMatchObject({ format: 'plain' })
    expect(one('[moodle]Q{T}')).not.toHaveProperty('format')
    const q = one('[html]<p>Q</p>{=<b>a</b>#[plain]1 < 2 ~[markdown]*b*}')
    expect(q.type === 'single' && q.options).toEqual([
      { id: 'o1', text: '<b>a</b>', feedback: { text: '1 < 2', format: 'plain' } },
      { id: 'o2', text: { text: '*b*', format: 'markdown' } }
    ])
  })

  it('reads multi-line questions and separates questions by blank lines (white-space-only lines too)', () => {
    const r = importGift('Line one\nline two{\n=a\n~b\n}\n \t\nSecond{T}\n\n\n\nThird{F}')
    expect(r.questions.map((q) => q.stem)).toEqual(['Line one\nline two', 'Second', 'Third'])
  })

  it('takes ids, tags, difficulty and points from // [id:…] [tag:…] [difficulty:n] [points:n] comments', () => {
    const q = one('// [id:dy-001] [tag:党史] [tag:一大]\n// [difficulty:2] [points:5]\nQ{T}')
    expect(q).toMatchObject({ id: 'dy-001', tags: ['党史', '一大'], difficulty: 2, points: 5 })
  })

  it('derives ids from the question text when no [id:] is given: stable, distinct, prefixed', () => {
    const a = importGift('A{T}\n\nB{T}\n\nA{T}', { idPrefix: 'bank1-' }).questions.map((q) => q.id)
    const b = importGift('// moved\n\nA{T}\n\n\nB{T}\n\nA{T}', { idPrefix: 'bank1-' }).questions.map((q) => q.id)
    expect(a).toEqual(b)
    expect(new Set(a).size).toBe(3)
    expect(a.every((id) => id.startsWith('bank1-'))).toBe(true)
    expect(a[2]).toBe(`${a[0]}-2`)
  })

  it('reports a duplicate [id:] and an invalid one at the comment, keeping the first question', () => {
    const r = importGift('// [id:x]\nA{T}\n\n// [id:x]\nB{T}\n\n// [id:]\nC{T}')
    expect(r.questions.map((q) => q.stem)).toEqual(['A'])
    expect(r.problems.map((p) => [p.code, pos(p)])).toEqual([
      ['duplicate', '4:4'],
      ['format', '7:4']
    ])
  })

  it('adds the tags of the import options before each question\'s own', () => {
    const r = importGift('// [tag:b]\nQ{T}', { tags: ['a'] })
    expect(r.questions[0]?.tags).toEqual(['a', 'b'])
  })
})

describe('GIFT import: problems never stop the import', () => {
  it('reports an unclosed answer block at the end of the question, with the opening position, and reads the rest', () => {
    const r = importGift('Q1{T}\n\nQ2 {=a ~b\n\nQ3{F}', { file: 'bank.gift' })
    expect(r.questions.map((q) => q.stem)).toEqual(['Q1', 'Q3'])
    expect(r.problems).toHaveLength(1)
    expect(renderProblem(r.problems[0] as Problem)).toBe('bank.gift:3:10: expected "}" closing the answer block opened at bank.gift:3:4, got the end of the question')
  })

  it('reports each bad question at its own line:column', () => {
    const src = [
      '::open title{T}', // 1: title never closed
      '',
      'Q{~%150%a =b}', // 3: weight out of range
      '',
      'Q{#abc}', // 5: not a number
      '',
      'Q{#5..1}', // 7: min > max
      '',
      'Q{stray ~a =b}', // 9: text before the first = or ~
      '',
      'Q{=a} and {=b}', // 11: two answer blocks
      '',
      'Q{=x -> 1 =y}', // 13: a pair without ->
      '',
      'Q{=only -> one}', // 15: matching needs two pairs (quiz validation)
      '',
      'Good{T}'
    ].join('\n')
    const r = importGift(src)
    expect(r.questions.map((q) => q.stem)).toEqual(['Good'])
    expect(r.problems.map((p) => [p.code, pos(p)])).toEqual([
      ['syntax', '1:1'],
      ['range', '3:4'],
      ['syntax', '5:4'],
      ['range', '7:4'],
      ['syntax', '9:3'],
      ['unsupported', '11:11'],
      ['syntax', '13:12'],
      ['range', '15:1']
    ])
    expect(renderProblem(r.problems[7] as Problem)).toContain('pairs: at least 2 pairs')
  })

  it('reads UTF-8 with a BOM and CRLF line ends exactly as the same file with LF', () => {
    const lf = '// [tag:党史]\n::一大::1921 年中共一大召开。{T}\n\n中共一大在{=上海 =嘉兴}召开。\n\n坏题 {=a'
    const crlf = `\uFEFF${lf.replace(/\n/g, '\r\n')}`
    const a = importGift(lf)
    const b = importGift(crlf)
    expect(b).toEqual(a)
    expect(a.questions.map((q) => q.stem)).toEqual(['1921 年中共一大召开。', '中共一大在_____召开。'])
    expect(pos(b.problems[0])).toBe('6:7')
  })

  it('gives every problem in both languages', () => {
    const r = importGift('Q {=a')
    expect(renderProblem(r.problems[0] as Problem, 'zh')).toContain('应为')
  })

  it('importResultToEither: the problems when any, else the questions', () => {
    expect(E.isRight(importResultToEither(importGift('Q{T}')))).toBe(true)
    expect(importResultToEither(importGift('Q{T}\n\nQ {'))).toMatchObject({ _tag: 'Left' })
  })
})

describe('GIFT export', () => {
  const base = { tags: [] as Array<string>, difficulty: 3 as const, points: 1 }
  it('writes a question with its id and tags in a comment, escaping control characters', () => {
    const r = exportGift([{ ...base, id: 'q1' as never, type: 'judge', stem: 'a = b {c}: #1 ~2 \\ \nend', tags: ['党史'], answer: true }])
    expect(r.problems).toEqual([])
    expect(r.text).toBe('// [id:q1] [tag:党史]\na \\= b \\{c\\}\\: \\#1 \\~2 \\\\ \\nend{TRUE}\n')
  })

  it('writes difficulty and points that differ from the defaults, and reads them back', () => {
    const r = exportGift([{ ...base, id: 'q1' as never, type: 'essay', stem: 'Essay', difficulty: 5, points: 10 }])
    expect(r.text).toBe('// [id:q1] [difficulty:5] [points:10]\nEssay{}\n')
    expect(importGift(r.text).questions[0]).toMatchObject({ difficulty: 5, points: 10 })
  })

  it('writes a missing-word stem with the answer block where the blank was', () => {
    const r = exportGift([{ ...base, id: 'q' as never, type: 'blank', stem: '中共一大在_____召开。', blanks: [{ id: 'b1' as never, accept: [{ text: '上海' }] }] }])
    expect(r.text).toBe('// [id:q]\n中共一大在{\n\t=上海\n}召开。\n')
  })

  it('reports, and leaves out, what GIFT cannot express; keeps the other questions', () => {
    const qs: ReadonlyArray<Question> = [
      { ...base, id: 'o' as never, type: 'ordering', stem: 'Order', items: [{ id: 'a' as never, text: 'A' }, { id: 'b' as never, text: 'B' }], answer: ['a' as never, 'b' as never] },
      { ...base, id: 'b' as never, type: 'blank', stem: 'Two _____ and _____', blanks: [{ id: 'x' as never, accept: [{ text: '1' }] }, { id: 'y' as never, accept: [{ text: '2' }] }] },
      { ...base, id: 'e' as never, type: 'essay', stem: 'E', explanation: 'why', rubric: 'r', maxLength: 10 },
      { ...base, id: 'm' as never, type: 'multiple', stem: 'M', options: [{ id: 'a' as never, text: 'A' }, { id: 'b' as never, text: 'B' }], answer: ['a' as never] }
    ]
    const r = exportGift(qs)
    expect(r.problems.map((p) => (p.at._tag === 'JsonPath' ? p.at.segments.join('.') : ''))).toEqual(['0.type', '1.blanks', '2.explanation', '2.rubric', '2.maxLength', '3.scoring'])
    const back = importGift(r.text)
    expect(back.problems).toEqual([])
    expect(back.questions.map((q) => q.id)).toEqual(['e', 'm'])
    // all-or-nothing scoring written as fractions 1/k and -1/k: same right answer
    expect(back.questions[1]).toMatchObject({ type: 'multiple', answer: ['o1'], scoring: 'fractions' })
  })
})
