import { z } from 'zod';
import { Period, ReportId, UnitCode } from '../identifiers.ts';

/**
 * Expected vs received reports: for a parent unit and a period, its children in force on the
 * period's date (the register's map), which of them have a current report, and which came
 * late (more than TONGHOP_DUE_DAYS after the period's end; none when unset).
 */
export const CompletenessQuery = z.object({
  unit: UnitCode.optional().describe('the parent whose children owe reports; default: the top of what the caller may read'),
  period: Period.optional().describe('default: every period its children reported for'),
});

const Member = z.object({ code: UnitCode, name: z.string() });

export const CompletenessRow = z.object({
  unit: UnitCode,
  unitName: z.string(),
  period: Period,
  expected: z.number().int(),
  received: z.number().int(),
  missing: z.array(Member),
  late: z.array(Member.extend({ reportId: ReportId, submittedAt: z.string(), due: z.string(), daysLate: z.number().int() })),
}).meta({ id: 'CompletenessRow' });

export const CompletenessResponse = z.object({ dueDays: z.number().int().nullable(), rows: z.array(CompletenessRow) });
