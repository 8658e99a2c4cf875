/**
 * The candidates of a category (members or units, within its scope) and
 * where their figures are, each candidate's quota unit, and their scores
 * and eligibility in one pass.
 *
 * @module
 * @internal
 */
import { membersOf, subtreeUnits, type Member, type MemberId, type UnitId, type UnitKind } from '../core/internal.js'
import { subTable, unitFigures, unitFiguresOfRows, type FigureContext, type FigureTable } from './figures.js'
import type { AwardCategory } from './model.js'
import { numberDistinct, type Keys } from './selection/index.js'
import { isAligned, memberUnitsOf, nearestOfKind, unitIndexOf, type Context } from './context.js'

// The candidates of a category and where their figures are: `row(i)` of `table` (criteria read
// `records` by the same row).
export interface Candidates {
  readonly n: number
  readonly subject: (i: number) => string
  readonly table: FigureTable
  readonly rows: Int32Array | undefined // undefined: row i is candidate i
  readonly records: ReadonlyArray<Member> | undefined // by table row
  readonly own: (i: number) => UnitId // each candidate's own unit (for quotas)
  readonly ownIndex?: (i: number) => number // the same as an index into `org.units`, when at hand
}

export const memberCandidates = (ctx: Context, a: AwardCategory, figures: ReadonlyArray<string>, shared: FigureTable): Candidates => {
  const { org } = ctx.inputs
  const excluded = new Set(a.excludeRoles ?? [])
  const kept = (m: Member): boolean => {
    if (excluded.size === 0 || m.roles === undefined) return true
    for (const r of m.roles) if (excluded.has(r)) return false
    return true
  }
  if (isAligned(ctx, shared)) {
    // every member is a row of the shared table (its place in org.members): read it in place
    const memberUnits = a.perUnit === undefined ? undefined : memberUnitsOf(ctx)
    const { members } = org
    if (a.scope === undefined && excluded.size === 0) {
      const ownIndex = memberUnits === undefined ? {} : { ownIndex: (i: number) => memberUnits[i] as number }
      return { n: members.length, subject: (i) => shared.subjects[i] as string, table: shared, rows: undefined, records: members, own: (i) => (members[i] as Member).unit, ...ownIndex }
    }
    let rows: Int32Array
    if (a.scope === undefined) {
      const all = new Int32Array(members.length)
      let c = 0
      for (let k = 0; k < members.length; k++) if (kept(members[k] as Member)) all[c++] = k
      rows = all.subarray(0, c)
    } else {
      const ids = membersOf(org, a.scope).filter((m) => kept(org.memberById.get(m) as Member))
      rows = Int32Array.from(ids, (m) => shared.index.get(m) as number)
    }
    const ownIndex = memberUnits === undefined ? {} : { ownIndex: (i: number) => memberUnits[rows[i] as number] as number }
    return {
      n: rows.length,
      subject: (i) => shared.subjects[rows[i] as number] as string,
      table: shared,
      rows,
      records: members,
      own: (i) => (members[rows[i] as number] as Member).unit,
      ...ownIndex
    }
  }
  // figures the host computed for another member list: a table of the candidates' own rows
  const all = a.scope === undefined ? org.members : membersOf(org, a.scope).map((m) => org.memberById.get(m) as Member)
  const records = excluded.size === 0 ? all : all.filter(kept)
  const subjects = records.map((m) => m.id)
  const columns = new Map<string, Float64Array>()
  for (const f of figures) {
    const col = shared.columns.get(f)
    if (col !== undefined) columns.set(f, col)
  }
  const table = subTable({ ...shared, columns }, subjects)
  return { n: subjects.length, subject: (i) => subjects[i] as string, table, rows: undefined, records, own: (i) => (records[i] as Member).unit }
}

export const unitCandidates = (ctx: Context, a: AwardCategory, figures: ReadonlyArray<string>, fctx: FigureContext, shared: FigureTable): Candidates => {
  const { org } = ctx.inputs
  const pool = a.scope === undefined ? org.units.map((u) => u.id) : subtreeUnits(org, a.scope)
  const us = pool.filter((u) => a.unitKind === undefined || org.unitById.get(u)?.kind === a.unitKind)
  // each competing unit's members (its whole subtree) in one pass over the members
  const target = new Set<UnitId>(us)
  const up = new Map<UnitId, ReadonlyArray<UnitId>>() // unit → the competing units it lies under (nested kinds allowed)
  const under = (u: UnitId): ReadonlyArray<UnitId> => {
    let xs = up.get(u)
    if (xs === undefined) {
      const parent = org.unitById.get(u)?.parent
      xs = [...(target.has(u) ? [u] : []), ...(parent === undefined ? [] : under(parent))]
      up.set(u, xs)
    }
    return xs
  }
  const unitIndex = unitIndexOf(ctx)
  const ownIndex = (i: number): number => unitIndex.get(us[i] as UnitId) ?? -1
  let table: FigureTable
  if (isAligned(ctx, shared)) {
    // members as rows of the shared table (a member's row is its place in org.members): count, then fill
    const position = new Map<UnitId, number>(us.map((u, t) => [u, t]))
    const memberUnits = memberUnitsOf(ctx)
    // each unit's competing units as positions in `us`: usually one (`single`), else a list (nested kinds)
    const single = new Int32Array(org.units.length).fill(-1)
    const several = new Map<number, ReadonlyArray<number>>()
    org.units.forEach((unit, ui) => {
      const ts = under(unit.id).map((u) => position.get(u) as number)
      if (ts.length === 1) single[ui] = ts[0] as number
      else if (ts.length > 1) several.set(ui, ts)
    })
    const counts = new Int32Array(us.length)
    const rowsOf: Array<Int32Array> = []
    // two passes over the members: count, then fill
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < memberUnits.length; k++) {
        const ui = memberUnits[k] as number
        if (ui < 0) continue
        const t = single[ui] as number
        if (t >= 0) {
          if (pass === 1) (rowsOf[t] as Int32Array)[counts[t] as number] = k
          counts[t] = (counts[t] as number) + 1
        } else
          for (const x of several.get(ui) ?? []) {
            if (pass === 1) (rowsOf[x] as Int32Array)[counts[x] as number] = k
            counts[x] = (counts[x] as number) + 1
          }
      }
      if (pass === 0) {
        for (const c of counts) rowsOf.push(new Int32Array(c))
        counts.fill(0)
      }
    }
    table = unitFiguresOfRows(figures, fctx, us, rowsOf, shared)
  } else {
    const groups = new Map<UnitId, Array<MemberId>>(us.map((u) => [u, []]))
    for (const m of org.members) for (const u of under(m.unit)) groups.get(u)?.push(m.id)
    table = unitFigures(figures, fctx, us, (u) => groups.get(u) ?? [], shared)
  }
  return { n: us.length, subject: (i) => us[i] as string, table, rows: undefined, records: undefined, own: (i) => us[i] as UnitId, ownIndex }
}

// The k best of the candidates 0..n-1 that `include` keeps, by a key (smaller first), then subject id: one pass, no sort.
export const bestK = (n: number, include: (i: number) => boolean, k: number, key: (i: number) => number, subject: (i: number) => string): Array<number> => {
  const out: Array<number> = []
  if (k <= 0) return out
  const before = (x: number, y: number): boolean => {
    const d = key(x) - key(y)
    // NaN (two infinities) counts as a tie, as in a comparator `d || byId`
    return d < 0 || (!(d > 0) && subject(x) < subject(y))
  }
  for (let x = 0; x < n; x++) {
    if (!include(x) || (out.length === k && !before(x, out[k - 1] as number))) continue
    // insert in place, dropping the last when full
    let p = out.length < k ? out.length : k - 1
    while (p > 0 && before(x, out[p - 1] as number)) {
      out[p] = out[p - 1] as number
      p--
    }
    out[p] = x
  }
  return out
}

// Each candidate's quota unit (its nearest unit of `kind`, itself or an ancestor) by number, and the
// units by number (undefined: none of that kind). Numbers come from a table of every unit of the
// organisation, made once per run and kind, so there is no string lookup per candidate (candidates
// without their unit's index at hand look it up by id).
export const quotaUnitsOf = (ctx: Context, cands: Candidates, kind: UnitKind): { readonly unit: Int32Array; readonly quotaNames: ReadonlyArray<UnitId | undefined> } => {
  const { org } = ctx.inputs
  let numbering = ctx.orgIndex.quota?.get(kind)
  if (numbering === undefined) {
    const { codes: byIndex, names, numberOf } = numberDistinct(org.units.length, (ui) => nearestOfKind(org, (org.units[ui] as (typeof org.units)[number]).id, kind))
    numbering = { byIndex, names, numberOf }
    ctx.orgIndex.quota ??= new Map()
    ctx.orgIndex.quota.set(kind, numbering)
  }
  const { byIndex } = numbering
  const quotaNames = [...numbering.names]
  const unitIndex = unitIndexOf(ctx)
  let none = numbering.numberOf.get(undefined) // the number of "no unit of that kind"
  const unit = new Int32Array(cands.n)
  for (let i = 0; i < cands.n; i++) {
    const ui = cands.ownIndex === undefined ? (unitIndex.get(cands.own(i)) ?? -1) : cands.ownIndex(i)
    if (ui >= 0) unit[i] = byIndex[ui] as number
    else {
      // a unit outside the tree has no unit of that kind either
      if (none === undefined) {
        none = quotaNames.length
        quotaNames.push(undefined)
      }
      unit[i] = none
    }
  }
  return { unit, quotaNames }
}

// Each candidate's score, whether it passed the criteria and is eligible (passed and not blocked by
// exclusivity), and the selection's keys. Candidate i reads table row
// `rows[i]` (or i). Kept small and apart from runCategory so V8 optimises its loop whole (no boxed numbers).
export const scoreCandidates = (
  a: AwardCategory,
  table: FigureTable,
  n: number,
  rows: Int32Array | undefined,
  test: (row: number) => boolean,
  blocked: Uint8Array | undefined
): { readonly scores: Float64Array; readonly eligibleCol: Uint8Array; readonly passed: Uint8Array; readonly keys: Keys } => {
  const termCols = a.by.map((t) => table.columns.get(t.figure) as Float64Array)
  const termWeights = a.by.map((t) => t.weight)
  const scores = new Float64Array(n)
  const eligibleCol = new Uint8Array(n)
  const passed = new Uint8Array(n)
  const single = termCols.length === 1 && termWeights[0] === 1 ? termCols[0] : undefined
  // the selection's keys too (see selection/pool.ts `keysOf`), saving it another pass
  const sign = (a.order ?? 'desc') === 'desc' ? -1 : 1
  const key = new Float64Array(n)
  const elig = new Int32Array(n)
  let of = 0
  for (let i = 0; i < n; i++) {
    const r = rows === undefined ? i : (rows[i] as number)
    let score = 0
    if (single !== undefined) score = single[r] as number
    else for (let t = 0; t < termCols.length; t++) score += (termWeights[t] as number) * ((termCols[t] as Float64Array)[r] as number)
    scores[i] = score
    key[i] = Number.isNaN(score) ? Infinity : sign * score
    const ok = test(r)
    passed[i] = ok ? 1 : 0
    if (ok && (blocked === undefined || blocked[r] === 0)) {
      eligibleCol[i] = 1
      elig[of++] = i
    }
  }
  return { scores, eligibleCol, passed, keys: { key, elig: elig.subarray(0, of) } }
}
