import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { RuleFamily, Severity } from '../flag/v1.ts';
import { LocalizedText } from '../localized-text.ts';

/**
 * Rules between named indicators (validation-rules.json), evaluated by the rule engine
 * like DHIS2 validation rules: `sum(left) op sum(right)` for one unit and period.
 *
 *   rule     = { id, family, left: [code…], op, right: [code…], tolerance?, severity, message }
 *   op       = `==` | `<=` | `>=` | `<` | `>`
 *   tolerance  how far `==` may miss (absolute; default 0)
 *   message  vi/en templates; {left}, {right}, {gap}, {period} are filled in
 *
 * Every code must be in the indicator catalog (a test checks it).
 */
export const RuleOp = z.enum(['==', '<=', '>=', '<', '>']);
export type RuleOp = z.infer<typeof RuleOp>;

const IndicatorCode = z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/);

export const ValidationRule = z.object({
  id: z.string().regex(/^[a-z_]+\.[a-z0-9_]+$/),
  family: RuleFamily,
  left: z.array(IndicatorCode).min(1),
  op: RuleOp,
  right: z.array(IndicatorCode).min(1),
  tolerance: z.number().min(0).default(0),
  severity: Severity,
  message: LocalizedText,
});
export type ValidationRule = z.infer<typeof ValidationRule>;

export const ValidationRulesV1 = z.object({
  version: z.literal(1),
  rules: z.array(ValidationRule).refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids must be unique'),
});
export type ValidationRules = z.infer<typeof ValidationRulesV1>;

export const VALIDATION_RULES_PATH = join(import.meta.dirname, 'validation-rules.json');

/** The shipped rules, validated at import: a bad rule file stops the process at boot. */
export const VALIDATION_RULES: ValidationRules = ValidationRulesV1.parse(JSON.parse(readFileSync(VALIDATION_RULES_PATH, 'utf8')));
