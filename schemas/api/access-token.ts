import { z } from 'zod';
import { UnitCode } from '../identifiers.ts';

/**
 * Access tokens of the analyst API. A token is a random secret handed to one holder; only its
 * sha256 is ever stored (the tokens file, TONGHOP_TOKENS_FILE). Roles:
 *
 *   unit     bound to one unit code: submits reports for that unit only, reads only its
 *            reports, figures and flags
 *   analyst  bound to a province code (reads the units under it, by the register's ancestry
 *            on each period's date) or `national: true` (reads everything)
 *   admin    manages tokens; reads everything
 *
 * Tokens file: `{ "tokens": [ TokenRecord, … ] }`, e.g.
 *   { "id": "soc-trang", "name": "Sở Nội vụ Sóc Trăng", "role": "analyst", "province": "94",
 *     "sha256": "<64 hex>", "createdAt": "2026-01-01T00:00:00.000Z" }
 */
export const TokenRole = z.enum(['unit', 'analyst', 'admin']);
export type TokenRole = z.infer<typeof TokenRole>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hex digits');
const TokenId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'id: 1–64 letters, digits, . _ -');
const ProvinceCode = UnitCode.refine((c) => /^\d{2}$/.test(c), 'a province code has 2 digits');

/** What a token may do: role unit needs `unit`; analyst needs `province` or `national: true`; admin neither. */
export interface TokenGrant {
  role: TokenRole;
  unit?: string;
  province?: string;
  national?: boolean;
}

export function grantProblems(g: TokenGrant): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (g.role === 'unit' && (g.unit === undefined || g.unit === 'unknown')) out.push({ path: 'unit', message: 'a unit token needs a unit code' });
  if (g.role !== 'unit' && g.unit !== undefined) out.push({ path: 'unit', message: 'only a unit token has a unit' });
  if (g.role === 'analyst' && (g.province === undefined) === (g.national !== true)) out.push({ path: 'province', message: 'an analyst token needs either a province or national: true' });
  if (g.role !== 'analyst' && (g.province !== undefined || g.national === true)) out.push({ path: 'province', message: 'only an analyst token has a province or national scope' });
  return out;
}

const checkGrant = (g: TokenGrant, ctx: z.RefinementCtx) => {
  for (const p of grantProblems(g)) ctx.addIssue({ code: 'custom', message: p.message, path: [p.path] });
};

export const TokenRecord = z.object({
  id: TokenId,
  name: z.string().min(1).max(200),
  role: TokenRole,
  unit: UnitCode.optional(),
  province: ProvinceCode.optional(),
  national: z.boolean().optional(),
  sha256: Sha256,
  createdAt: z.iso.datetime(),
}).superRefine(checkGrant);
export type TokenRecord = z.infer<typeof TokenRecord>;

export const TokensFile = z.object({ tokens: z.array(TokenRecord) }).superRefine((f, ctx) => {
  const seen = new Set<string>();
  for (const [i, t] of f.tokens.entries()) {
    if (seen.has(t.id)) ctx.addIssue({ code: 'custom', message: `duplicate token id ${t.id}`, path: ['tokens', i, 'id'] });
    seen.add(t.id);
  }
});
export type TokensFile = z.infer<typeof TokensFile>;

/** A token as the API shows it: never its secret nor its hash. */
export const TokenView = z.object({
  id: z.string(), name: z.string(), role: TokenRole, unit: z.string().nullable(), province: z.string().nullable(), national: z.boolean(), createdAt: z.string(),
}).meta({ id: 'TokenView' });
export type TokenView = z.infer<typeof TokenView>;

export const TokenCreateRequest = z.object({
  id: TokenId.optional().describe('default: generated'),
  name: z.string().min(1).max(200),
  role: TokenRole,
  unit: UnitCode.optional().describe('role unit: the unit code'),
  province: ProvinceCode.optional().describe('role analyst: the province code'),
  national: z.boolean().optional().describe('role analyst: every unit'),
}).superRefine(checkGrant);
export type TokenCreateRequest = z.infer<typeof TokenCreateRequest>;

/** The secret is shown once, at creation. */
export const TokenCreated = TokenView.extend({ token: z.string() });

export const TokenList = z.object({ tokens: z.array(TokenView) });

/** Who the caller is (GET /v1/me). */
export const Me = TokenView.omit({ createdAt: true });
