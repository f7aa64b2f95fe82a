import { describe, expect, it } from 'vitest';
import { INDICATOR_CATALOG } from '../../../../schemas/indicators/catalog.ts';
import { VALIDATION_RULES } from '../../../../schemas/rules/validation-rule.ts';
import { holds, indicatorRuleViolations } from '../../../../services/consolidator/rules/indicator-rules.ts';
import { doc, fact } from '../../../support/fact-builder.ts';

const cell = (indicator: string, value: number, column: number, rowLabel = indicator) => fact({
  kind: 'table-cell', indicator, value, unit: '', period: column === 6 ? '2020' : '2019',
  table: { index: 7, row: 0, column, rowLabel, columnHeader: column === 6 ? 'Năm 2020' : 'Năm 2019' },
});

describe('indicator rules (schemas/rules/validation-rules.json)', () => {
  it('names only catalog indicators', () => {
    const codes = new Set(INDICATOR_CATALOG.indicators.map((i) => i.code));
    for (const rule of VALIDATION_RULES.rules) for (const code of [...rule.left, ...rule.right]) expect(codes, `${rule.id}: ${code}`).toContain(code);
  });

  it('flags staff present above the assigned quota in the column where it happens, and only there', () => {
    const flags = indicatorRuleViolations(doc([
      cell('staff.assigned', 25, 5), cell('staff.present', 24, 5),
      cell('staff.assigned', 24, 6, 'Tổng số biên chế'), cell('staff.assigned', 23, 6, 'Tổng số được giao'), cell('staff.present', 24, 6),
    ]));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ ruleId: 'bounds.staff_present_le_assigned', family: 'bounds', left: 24, right: 23, values: { 'staff.present': 24, 'staff.assigned': 23 } });
    expect(flags[0]!.message.vi).toBe('Số cán bộ, công chức có mặt (24) vượt số biên chế được giao (23) trong kỳ 2020.');
  });

  it('compares only figures stated side by side: not across sentences', () => {
    expect(indicatorRuleViolations(doc([
      fact({ kind: 'count', indicator: 'staff.present', value: 30 }, 'cấp huyện có mặt 30 người'),
      fact({ kind: 'count', indicator: 'staff.assigned', value: 20 }, 'cấp xã được giao 20 biên chế'),
    ]))).toEqual([]);
  });

  it('evaluates ==, <=, >=, <, > with a tolerance', () => {
    expect(holds(5, '==', 6, 1)).toBe(true);
    expect(holds(5, '==', 7, 1)).toBe(false);
    expect(holds(7, '<=', 6)).toBe(false);
    expect(holds(6, '>=', 7)).toBe(false);
    expect(holds(6, '<', 6)).toBe(false);
    expect(holds(7, '>', 6)).toBe(true);
  });
});
