import { randomUUID } from 'node:crypto';
import { createEvent, type EventOf } from '../../schemas/events.ts';
import type { Flag } from '../../schemas/flag/v1.ts';

/** A flag with a fresh id of its own (hex, as the consolidator makes them) unless given. */
export function flag(fields: Partial<Flag> = {}): Flag {
  return {
    id: randomUUID().replace(/-/g, ''),
    ruleId: 'rate.ho_so_dung_han',
    family: 'rate_mismatch',
    severity: 'error',
    unit: '90001',
    period: '2022',
    left: 89.39, right: 99.96, imbalance: -10.57,
    values: { rate: 89.39, numerator: 2458, denominator: 2459 },
    message: { vi: 'Tỷ lệ 89,39% không khớp với 2.458/2.459 hồ sơ (99,96%)', en: 'The rate 89.39% does not match 2,458/2,459 files (99.96%)' },
    evidence: [{ reportId: 'a'.repeat(64), page: 3, quote: 'Đã giải quyết đúng hạn 2.458/2.459 hồ sơ, đạt tỷ lệ 89,39%' }],
    suggestion: { vi: 'Có thể là 99,96% (gõ nhầm chữ số)', en: 'Probably 99.96% (a mistyped digit)' },
    ...fields,
  };
}

/** A dq.flag event as the consolidator publishes it (its id is new each time unless given). */
export function flagEvent(f: Flag, status: 'raised' | 'resolved', id = `${f.id}:${status}:${randomUUID()}`): EventOf<'dq.flag'> {
  return createEvent({ type: 'dq.flag', source: 'test', subject: f.unit, id, data: { status, flag: f } });
}
