import { z } from 'zod';

/**
 * One passage of the development corpus (test/corpus/README.md): real report text, stored
 * verbatim with its source, and the gold a careful analyst wrote for it **before** the
 * extractor was run on it.
 *
 *   passage   = { id, split, source, unit, period?, text, gold }
 *   split     = "dev"      → read freely while building readers
 *             | "holdout"  → only its aggregate scores are looked at
 *   gold      = { author, clean, facts[], flags[], notes? }
 *   fact      = { quote, value, what, scope, role?, certainty, kind? }
 *   flag      = { numbers[], severity, family, why }
 *
 * Scope is relative to the reporting unit (`unit`):
 *   own              its own office or level (Bộ phận Một cửa UBND huyện in a district report,
 *                    Trung tâm Phục vụ hành chính công / cấp tỉnh in a province report)
 *   commune-level    the communes within its area (cấp xã trên địa bàn)
 *   district-level   the districts within its area (cấp huyện trên địa bàn tỉnh)
 *   province-level   the provinces (a ministry's or national report)
 *   lower-levels     several levels below it together (cấp huyện, cấp xã)
 *   all-levels       the whole area, every level (toàn tỉnh, toàn huyện, trên địa bàn … without a level)
 *   named            a named child unit or agency (huyện Lập Thạch, Sở Tư pháp)
 *   unstated         nothing in the sentence, paragraph or heading says whose figure it is
 * Role is for figures in the flow of files/procedures (hồ sơ, TTHC handled):
 *   new, carried-over, in-hand (new + carried over), received (tiếp nhận, unsaid whether it
 *   includes carried-over files), due, resolved, early, on-time, early-or-on-time, late,
 *   in-progress, in-progress-on-time, in-progress-late, returned (trả lại / rút)
 * Numbers are the value the words denote: `19.630` → 19630, `89,39%` → 89.39,
 * `15,08 tỷ đồng` → 15080000000, `16 nghìn` → 16000.
 */
export const CorpusScope = z.enum(['own', 'commune-level', 'district-level', 'province-level', 'lower-levels', 'all-levels', 'named', 'unstated']);
export type CorpusScope = z.infer<typeof CorpusScope>;

export const CorpusRole = z.enum([
  'new', 'carried-over', 'in-hand', 'received', 'due', 'resolved', 'early', 'on-time', 'early-or-on-time', 'late',
  'in-progress', 'in-progress-on-time', 'in-progress-late', 'returned',
]);
export type CorpusRole = z.infer<typeof CorpusRole>;

/** Statements that are not a count over a base, and the plain ones, as the gold names them. */
export const CorpusFactKind = z.enum([
  'count', 'money', 'rate', 'ratio', 'threshold-count', 'rank', 'point-change', 'index-score', 'money-per-year', 'other',
]);

export const GoldFact = z.object({
  /** A short verbatim piece of `text` that contains the number. */
  quote: z.string().min(1),
  value: z.number(),
  /** What is counted, in the report's words (`hồ sơ`, `TTHC`, `văn bản`, `cán bộ`). */
  what: z.string().min(1),
  scope: CorpusScope,
  role: CorpusRole.optional(),
  certainty: z.enum(['exact', 'approximate']),
  kind: CorpusFactKind.optional(),
});
export type GoldFact = z.infer<typeof GoldFact>;

export const GoldFlag = z.object({
  /** The numbers the inconsistency is between, as values (see above); at least two. */
  numbers: z.array(z.number()).min(2),
  /** error: every number exact, scope and role certain, arithmetic fails; warning otherwise. */
  severity: z.enum(['error', 'warning']),
  family: z.enum(['rate_mismatch', 'sum_mismatch', 'bounds', 'granularity', 'identity', 'other']),
  why: z.string().min(1),
});
export type GoldFlag = z.infer<typeof GoldFlag>;

export const CorpusPassage = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  split: z.enum(['dev', 'holdout']),
  source: z.object({
    url: z.string().min(1),
    title: z.string().min(1),
    publisher: z.string().min(1),
    date: z.string().optional(),
  }),
  unit: z.object({
    name: z.string().min(1),
    level: z.enum(['commune', 'district', 'province', 'ministry', 'national']),
  }),
  period: z.string().optional(),
  text: z.string().min(40),
  gold: z.object({
    author: z.string().min(1),
    /** True when a careful analyst would raise nothing at warning or error. */
    clean: z.boolean(),
    facts: z.array(GoldFact),
    flags: z.array(GoldFlag),
    notes: z.string().optional(),
  }).refine((g) => g.clean === (g.flags.length === 0), { message: 'clean means no expected flags' }),
});
export type CorpusPassage = z.infer<typeof CorpusPassage>;
