import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createMemoryTokenStore } from '../../infra/auth/token-store.memory.ts';
import { createMemoryContactStore } from '../../infra/contacts/contact-store.memory.ts';
import type { ContactStore } from '../../infra/contacts/contact-store.ts';
import type { TokenStore } from '../../infra/auth/token-store.ts';
import { createLocalObjectStore } from '../../infra/store/object-store.local.ts';
import type { ObjectStore } from '../../infra/store/object-store.ts';
import { TokenRecord } from '../../schemas/api/access-token.ts';
import type { AdminUnit } from '../../schemas/registry/admin-unit.ts';
import { buildApiServer } from '../../services/api/api-server.ts';
import type { ApiOptions } from '../../services/api/api-options.ts';
import type { IntakeResult, IntakeSubmission } from '../../services/api/intake-port.ts';
import { tokenSha256 } from '../../services/api/access/token-secret.ts';
import { UnitRegistry } from '../../services/registry/unit-registry.ts';
import { COMMUNES_IN_AREA, consolidationHarness, testRegistry, type Harness, type ReportSpec } from './consolidation-harness.ts';

/**
 * The analyst API over a real consolidator database (test/support/consolidation-harness.ts),
 * on a register with two provinces:
 *
 *   Tỉnh Thử (90) ─ Huyện Một (901) ─ 90001 … 90004      Tỉnh Khác (91) ─ Huyện Ba (911) ─ 91101, 90099
 *                 └ Huyện Hai (902) ─ 90201 … 90212
 *
 * 90099 belongs to province 91 although its code starts with 90: scope must come from the
 * register, not from code prefixes. Reports (2022, hoso.received):
 *   communes of 901 report 100…103; 901 reports 300 (hierarchy error: the three unambiguous ones already add up to 305);
 *   90002 gives 101 in its text and 121 in a table (conflict, its own flag);
 *   90099 and 91101 report, 91101 with a text/table conflict; 911 reports 30.
 * Tokens (the secret is the id): admin, national, analyst-90, analyst-91, unit-90001,
 * unit-90002, unit-901, unit-90099.
 */
export function twoProvinceRegistry(): UnitRegistry {
  const from = '2008-08-01';
  const units: AdminUnit[] = [...testRegistry().units,
    { code: '91', name: 'Tỉnh Khác', level: 'province', type: 'tỉnh', validFrom: from },
    { code: '911', name: 'Huyện Ba', level: 'district', type: 'huyện', parent: '91', validFrom: from },
    { code: '91101', name: 'Xã Ba Một', level: 'commune', type: 'xã', parent: '911', validFrom: from },
    { code: '90099', name: 'Xã Ba Hai', level: 'commune', type: 'xã', parent: '911', validFrom: from },
  ];
  return new UnitRegistry(units);
}

export const TOKENS: Record<string, Omit<TokenRecord, 'id' | 'sha256' | 'createdAt' | 'name'>> = {
  admin: { role: 'admin' },
  national: { role: 'analyst', national: true },
  'analyst-90': { role: 'analyst', province: '90' },
  'analyst-91': { role: 'analyst', province: '91' },
  'unit-90001': { role: 'unit', unit: '90001' },
  'unit-90002': { role: 'unit', unit: '90002' },
  'unit-901': { role: 'unit', unit: '901' },
  'unit-90099': { role: 'unit', unit: '90099' },
};

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const SAMPLE_REPORTS: ReportSpec[] = [
  { unit: '90001', period: '2022', facts: [{ indicator: 'hoso.received', value: 100 }] },
  { unit: '90002', period: '2022', facts: [{ indicator: 'hoso.received', value: 101, quote: 'tiếp nhận 101 hồ sơ', page: 2 }, { indicator: 'hoso.received', value: 121, table: true, quote: 'Hồ sơ tiếp nhận | 121', page: 5 }] },
  { unit: '90003', period: '2022', facts: [{ indicator: 'hoso.received', value: 102 }] },
  { unit: '90004', period: '2022', facts: [{ indicator: 'hoso.received', value: 103 }] },
  { unit: '901', period: '2022', facts: [{ indicator: 'hoso.received', value: 300, quote: 'cấp xã đã tiếp nhận 300 hồ sơ', page: 4, scope: COMMUNES_IN_AREA }] },
  { unit: '91101', period: '2022', facts: [{ indicator: 'hoso.received', value: 10, quote: 'tiếp nhận 10 hồ sơ' }, { indicator: 'hoso.received', value: 12, table: true, quote: 'Tiếp nhận | 12' }] },
  { unit: '90099', period: '2022', facts: [{ indicator: 'hoso.received', value: 20 }] },
  { unit: '911', period: '2022', facts: [{ indicator: 'hoso.received', value: 30, scope: COMMUNES_IN_AREA }] },
];

export interface ApiHarness {
  app: FastifyInstance;
  h: Harness;
  store: ObjectStore;
  tokens: TokenStore;
  contacts: ContactStore;
  submissions: IntakeSubmission[];
  reportIds: Record<string, string>;
  close(): Promise<void>;
}

export async function apiHarness(opts: { options?: Partial<ApiOptions>; intake?: (s: IntakeSubmission) => IntakeResult } = {}): Promise<ApiHarness> {
  const h = await consolidationHarness({ registry: twoProvinceRegistry() });
  const reportIds: Record<string, string> = {};
  for (const r of SAMPLE_REPORTS) reportIds[r.unit] = await h.send(r);
  const dir = await mkdtemp(join(tmpdir(), 'tonghop-api-'));
  const store = createLocalObjectStore({ root: dir });
  const createdAt = '2026-01-01T00:00:00.000Z';
  const tokens = createMemoryTokenStore(Object.entries(TOKENS).map(([id, grant]) => TokenRecord.parse({ id, name: id, sha256: tokenSha256(id), createdAt, ...grant })));
  const submissions: IntakeSubmission[] = [];
  const intake = {
    submit(s: IntakeSubmission): Promise<IntakeResult> {
      submissions.push(s);
      return Promise.resolve(opts.intake?.(s) ?? { status: 'accepted', reportId: 'a'.repeat(64), objectKey: 'reports/x.pdf', fileName: s.fileName, bytes: s.bytes.length });
    },
  };
  const contacts = createMemoryContactStore();
  const app = await buildApiServer({ db: h.db, store, intake, registry: twoProvinceRegistry(), tokens, contacts, options: opts.options });
  return {
    app, h, store, tokens, contacts, submissions, reportIds,
    async close() {
      await app.close();
      await h.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
