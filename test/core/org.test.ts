import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import {
  ancestors,
  decodeOrg,
  inSubtree,
  memberInSubtree,
  membersOf,
  renderProblem,
  subtreeUnits,
  type MemberId,
  type OrgTree,
  type Problem,
  type UnitId
} from '../../src/core/internal.js'

const problems = <A>(r: E.Either<ReadonlyArray<Problem>, A>): ReadonlyArray<string> => (E.isLeft(r) ? r.left.map((p) => renderProblem(p)) : [])
const U = (s: string) => s as UnitId
const M = (s: string) => s as MemberId

const json = {
  units: [
    { id: 'park', label: '园区', kind: 'park' },
    { id: 'b1', label: '第一支部', kind: 'branch', parent: 'park' },
    { id: 'e1', label: '企业一', kind: 'enterprise', parent: 'park' },
    { id: 'g1', label: '一组', kind: 'group', parent: 'b1' },
    { id: 'g2', label: '二组', kind: 'group', parent: 'b1' }
  ],
  members: [
    { id: 'm1', unit: 'g1', partyMember: true, joined: '2020-01-05', roles: ['secretary'] },
    { id: 'm2', unit: 'g2', cadre: true, tags: ['new'] },
    { id: 'm3', unit: 'e1' },
    { id: 'm4', unit: 'b1', label: '李四' }
  ]
}

const tree = (): OrgTree => {
  const r = decodeOrg(json)
  if (E.isLeft(r)) throw new Error(r.left.map((p) => renderProblem(p)).join('\n'))
  return r.right
}

describe('org tree', () => {
  it('answers ancestors, subtrees and members of a subtree', () => {
    const t = tree()
    expect(ancestors(t, U('g1'))).toEqual(['b1', 'park'])
    expect(ancestors(t, U('park'))).toEqual([])
    expect(subtreeUnits(t, U('b1'))).toEqual(['b1', 'g1', 'g2'])
    expect(membersOf(t, U('b1'))).toEqual(['m4', 'm1', 'm2'])
    expect(membersOf(t, U('park'))).toHaveLength(4)
    expect(inSubtree(t, U('b1'))(U('g2'))).toBe(true)
    expect(inSubtree(t, U('b1'))(U('e1'))).toBe(false)
    expect(inSubtree(t, U('g1'))(U('b1'))).toBe(false)
    expect(memberInSubtree(t, U('b1'))(M('m3'))).toBe(false)
    expect(memberInSubtree(t, U('e1'))(M('m3'))).toBe(true)
    expect(t.roots).toEqual(['park'])
    expect(t.memberById.get(M('m1'))?.joined).toBe('2020-01-05')
  })
  it('reports unknown parents, duplicate ids and members of unknown units, each at its path', () => {
    const bad = {
      units: [
        { id: 'a', label: 'A', kind: 'park' },
        { id: 'a', label: 'A again', kind: 'group', parent: 'a' },
        { id: 'c', label: 'C', kind: 'group', parent: 'nowhere' }
      ],
      members: [
        { id: 'x', unit: 'a' },
        { id: 'x', unit: 'ghost' }
      ]
    }
    expect(problems(decodeOrg(bad))).toEqual([
      '$.units[1].id: expected a unit id not used before, got "a"',
      '$.units[2].parent: expected the id of a unit in units, got "nowhere"',
      '$.members[1].id: expected a member id not used before, got "x"',
      '$.members[1].unit: expected the id of a unit in units, got "ghost"'
    ])
  })
  it('reports a cycle once, naming the units on it', () => {
    const cyc = {
      units: [
        { id: 'r', label: 'R', kind: 'park' },
        { id: 'a', label: 'A', kind: 'group', parent: 'c' },
        { id: 'b', label: 'B', kind: 'group', parent: 'a' },
        { id: 'c', label: 'C', kind: 'group', parent: 'b' },
        { id: 'self', label: 'S', kind: 'group', parent: 'self' }
      ],
      members: []
    }
    const ps = problems(decodeOrg(cyc))
    expect(ps).toHaveLength(2)
    expect(ps[0]).toMatch(/^\$\.units\[\d\]\.parent: expected a parent that is not the unit itself or one of its descendants, got "cycle [abc] → [abc] → [abc] → [abc]"$/)
    expect(ps[1]).toBe('$.units[4].parent: expected a parent that is not the unit itself or one of its descendants, got "cycle self → self"')
  })
  it('checks the shape strictly: unknown keys, bad kinds and dates', () => {
    const ps = problems(
      decodeOrg({ units: [{ id: 'a', label: 'A', kind: 'factory', colour: 'red' }], members: [{ id: 'm', unit: 'a', joined: '2021-02-30' }] })
    )
    expect(ps).toEqual(
      expect.arrayContaining([
        '$.units[0].colour: expected one of the keys id, label, kind, parent, got "colour"',
        '$.units[0].kind: expected one of park, enterprise, branch, group, household, other, got "factory"',
        '$.members[0].joined: expected a date YYYY-MM-DD, got "2021-02-30"'
      ])
    )
    expect(ps).toHaveLength(3)
  })
  it('reports shape problems and reference problems together, without blaming references to malformed units', () => {
    const ps = problems(
      decodeOrg({
        units: [
          { id: 'p', label: 'P', kind: 'park' },
          { id: 'b', label: 'B', kind: 'team', parent: 'p' },
          { id: 'g', label: 'G', kind: 'group', parent: 'b' },
          { id: 'h', label: 'H', kind: 'group', parent: 'zz' }
        ],
        members: [{ id: 'm1', unit: 'g', cadre: 'yes' }, { id: 'm2', unit: 'nowhere' }]
      })
    )
    expect(ps).toEqual([
      '$.units[1].kind: expected one of park, enterprise, branch, group, household, other, got "team"',
      '$.members[0].cadre: expected true or false, got "yes"',
      '$.units[3].parent: expected the id of a unit in units, got "zz"',
      '$.members[1].unit: expected the id of a unit in units, got "nowhere"'
    ])
  })
  it('accepts households and several roots', () => {
    const r = decodeOrg({ units: [{ id: 'v', label: '村', kind: 'other' }, { id: 'h', label: '户', kind: 'household' }], members: [{ id: 'p', unit: 'h' }] })
    expect(E.isRight(r) && r.right.roots).toEqual(['v', 'h'])
  })
})
