/**
 * Presets: the source programme's award categories as plain JSON an admin
 * can copy and edit — Learning Star ×2, Learning Model ×11, Learning
 * Newcomer ×3, Party-member Model Post ×2, Skill / Work-style / Performance
 * Model ×1 each, the quarterly rotating red flag for a branch, and milestone
 * and streak badges. Decode with `decodeAwardProgramme`.
 *
 * @module
 */

import type { UnitKind } from '../core/internal.js'
import { tieBreakerOn } from './figure-kinds.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Options of the presets: the study account (default `study`) and its label
 * (default `Study score` / `学习积分`, as `dailyStudy` names it), the red flag's
 * daily minimum per member (default 30), the Learning Model threshold (default 300),
 * and the unit kind that quotas count against and the red flag goes to
 * (default `branch`; `enterprise` for a park → enterprise → work-group tree).
 *
 * @category model
 * @example
 * const o: AwardPresetOptions = { account: 'study', dailyMin: 30, modelThreshold: 300, unitKind: 'enterprise' }
 */
export interface AwardPresetOptions {
  readonly account?: string
  readonly accountLabel?: { readonly en: string; readonly zh: string }
  readonly dailyMin?: number
  readonly modelThreshold?: number
  readonly unitKind?: UnitKind
}

/**
 * The eight preset category ids, in priority order.
 *
 * @category model
 * @example
 * AWARD_PRESET_IDS.length // => 8
 */
export const AWARD_PRESET_IDS: ReadonlyArray<string> = /*#__PURE__*/ Object.freeze([
  'learning-star',
  'learning-model',
  'learning-newcomer',
  'party-model-post',
  'skill-model',
  'work-style-model',
  'performance-model',
  'red-flag'
])

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The preset awards programme as JSON (a fresh object each call). Learning
 * Model and Learning Newcomer count quotas per unit of `unitKind` and the red
 * flag goes to a unit of that kind: an organisation without one is refused
 * by `runAwards` (`awardUnitKinds` lists what a programme needs). The
 * programme lists its account, so a figure over another is a problem.
 *
 * @category constructors
 * @example
 * const programme = decodeAwardProgrammeOrThrow(awardPresets())
 * programme.awards.map((a) => a.label.zh) // => ['学习之星', '学习标兵', '学习新锐', '党员示范岗', '技能标兵', '作风标兵', '业绩标兵', '流动红旗']
 */
export const awardPresets = (options: AwardPresetOptions = {}): Record<string, unknown> => {
  const acc = options.account ?? 'study'
  const points = `points:${acc}`
  const clean = { figure: 'violations', op: 'eq', value: 0 }
  const earlier = [tieBreakerOn(`reachedAt:${acc}`)]
  const kind = options.unitKind ?? 'branch'
  return {
    version: 1,
    zone: 'Asia/Shanghai',
    accounts: [{ id: acc, label: options.accountLabel ?? { en: 'Study score', zh: '学习积分' } }],
    hostMetrics: [
      { id: 'skills', label: { en: 'Skills', zh: '技能' } },
      { id: 'conduct', label: { en: 'Conduct', zh: '作风' } },
      { id: 'performance', label: { en: 'Performance', zh: '业绩' } }
    ],
    boards: {
      study: { subjects: 'members', metric: { kind: 'points', account: acc }, lists: { black: { count: 10 } } }
    },
    exclusive: [['learning-star', 'learning-model', 'learning-newcomer']],
    awards: [
      {
        id: 'learning-star',
        label: { en: 'Learning Star', zh: '学习之星' },
        subjects: 'members',
        period: 'quarter',
        criteria: { all: [clean, { figure: points, op: 'gt', value: 0 }] },
        by: points,
        selection: { kind: 'top', n: 2 },
        tieBreakers: earlier,
        ties: 'includeAll'
      },
      {
        id: 'learning-model',
        label: { en: 'Learning Model', zh: '学习标兵' },
        subjects: 'members',
        period: 'quarter',
        criteria: { all: [clean, { not: { blackList: 'study' } }, { figure: points, op: 'gt', value: 0 }] },
        by: points,
        selection: { kind: 'threshold', min: options.modelThreshold ?? 300, cap: 11 },
        perUnit: { unitKind: kind, max: 2, fallback: true },
        tieBreakers: earlier,
        ties: 'breakChain'
      },
      {
        id: 'learning-newcomer',
        label: { en: 'Learning Newcomer', zh: '学习新锐' },
        subjects: 'members',
        period: 'quarter',
        criteria: { all: [clean, { figure: 'tenureMonths', op: 'lt', value: 12 }, { figure: points, op: 'gte', value: 100 }] },
        by: points,
        selection: { kind: 'top', n: 3 },
        perUnit: { unitKind: kind, percent: 5 },
        tieBreakers: earlier,
        ties: 'breakChain'
      },
      {
        id: 'party-model-post',
        label: { en: 'Party-member Model Post', zh: '党员示范岗' },
        subjects: 'members',
        period: 'quarter',
        criteria: { all: [{ partyMember: true }, clean] },
        by: { 'host:skills': 0.4, 'host:conduct': 0.3, 'host:performance': 0.3 },
        selection: { kind: 'top', n: 2 },
        excludeRoles: ['senior-leader'],
        ties: 'flag'
      },
      {
        id: 'skill-model',
        label: { en: 'Skill Model', zh: '技能标兵' },
        subjects: 'members',
        period: 'quarter',
        criteria: clean,
        by: 'host:skills',
        selection: { kind: 'top', n: 1 },
        ties: 'flag'
      },
      {
        id: 'work-style-model',
        label: { en: 'Work-style Model', zh: '作风标兵' },
        subjects: 'members',
        period: 'quarter',
        criteria: clean,
        by: 'host:conduct',
        selection: { kind: 'top', n: 1 },
        ties: 'flag'
      },
      {
        id: 'performance-model',
        label: { en: 'Performance Model', zh: '业绩标兵' },
        subjects: 'members',
        period: 'quarter',
        criteria: clean,
        by: 'host:performance',
        selection: { kind: 'top', n: 1 },
        ties: 'flag'
      },
      {
        id: 'red-flag',
        label: { en: 'Rotating Red Flag', zh: '流动红旗' },
        subjects: 'units',
        unitKind: kind,
        period: 'quarter',
        criteria: { all: [{ figure: `everyDayMin:${acc}`, op: 'gte', value: options.dailyMin ?? 30 }, { figure: 'participation', op: 'eq', value: 1 }] },
        by: `perCapita:${acc}`,
        selection: { kind: 'top', n: 1 },
        tieBreakers: [tieBreakerOn('members')],
        ties: 'flag'
      }
    ],
    badges: [
      { kind: 'milestone', id: 'study-milestone', label: { en: 'Study milestone', zh: '学习里程碑' }, account: acc, levels: [100, 500, 1000, 5000] },
      { kind: 'streak', id: 'streak-7', label: { en: '7-day study streak', zh: '连续学习 7 天' }, account: acc, days: 7 },
      { kind: 'streak', id: 'streak-30', label: { en: '30-day study streak', zh: '连续学习 30 天' }, account: acc, days: 30 }
    ]
  }
}
