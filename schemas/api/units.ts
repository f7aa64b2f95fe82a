import { z } from 'zod';
import { Period, UnitCode } from '../identifiers.ts';
import { UnitLevel, UnitType } from '../registry/admin-unit.ts';

/**
 * The administrative tree as it stood on a period's date (the register's map in force on the
 * period's last day; without a period, today's map).
 */
export const UnitNode = z.object({
  code: UnitCode,
  name: z.string(),
  level: UnitLevel,
  type: UnitType,
  parent: UnitCode.nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  /** Children in force on the same date. */
  childCount: z.number().int().min(0),
}).meta({ id: 'UnitNode' });
export type UnitNode = z.infer<typeof UnitNode>;

export const UnitsQuery = z.object({
  period: Period.optional(),
  /** The children of this unit; absent: the top of what the caller may read. */
  parent: UnitCode.optional(),
});

export const UnitsResponse = z.object({ date: z.string(), units: z.array(UnitNode) });

export const UnitParams = z.object({ code: UnitCode });
export const UnitQuery = z.object({ period: Period.optional() });

export const UnitDetailResponse = z.object({
  date: z.string(),
  unit: UnitNode,
  /** Parent first, province last. */
  ancestors: z.array(UnitNode),
  children: z.array(UnitNode),
});
