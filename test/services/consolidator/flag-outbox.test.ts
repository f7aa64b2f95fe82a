import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventOf, EventType } from '../../../schemas/events.ts';
import { INDICATOR_CATALOG } from '../../../schemas/indicators/catalog.ts';
import { createConsolidatorService, type ConsolidatorService } from '../../../services/consolidator/consolidator-service.ts';
import { consolidationHarness, testRegistry, type Harness, type ReportSpec } from '../../support/consolidation-harness.ts';
import { capturingLogger } from '../../support/silent-logger.ts';

/**
 * The dq.flag outbox: a flag change and its event commit together, so a bus that fails after
 * the commit (a broker down, a crash) loses no event — the next start publishes it, once.
 */
const CONFLICTING: ReportSpec = {
  unit: '90201', period: '2022',
  facts: [{ indicator: 'hoso.received', value: 5, quote: 'tiếp nhận 5 hồ sơ' }, { indicator: 'hoso.received', value: 6, table: true, quote: '6' }],
};

describe('dq.flag outbox', () => {
  let h: Harness;
  beforeEach(async () => { h = await consolidationHarness(); });
  afterEach(async () => { await h.close(); });

  function service(bus: { publish(e: EventOf<EventType>): Promise<void> }): ConsolidatorService {
    return createConsolidatorService({ db: h.db, log: capturingLogger().log, bus, registry: testRegistry(), catalog: INDICATOR_CATALOG });
  }

  async function deliver(svc: ConsolidatorService, report: ReportSpec): Promise<void> {
    for (const e of h.events(report)) {
      if (e.type === 'report.submitted') await svc.onSubmitted(e);
      else if (e.type === 'facts.extracted') await svc.onFactsExtracted(e);
      else await svc.onParsed(e);
    }
  }

  it('keeps the event of a committed flag when publishing fails, and publishes it once at the next start', async () => {
    const down = service({ publish: () => Promise.reject(new Error('broker down')) });
    await down.init();
    await expect(deliver(down, CONFLICTING)).rejects.toThrow('broker down');
    expect(await h.raised()).toEqual([{ family: 'conflict', ruleId: 'conflict.text_vs_table', severity: 'error', unit: '90201', period: '2022' }]);
    expect(await h.db.all(`SELECT count(*) AS n FROM flag_outbox`)).toEqual([{ n: 1 }]);

    const published: EventOf<'dq.flag'>[] = [];
    const up = service({ publish: (e) => { if (e.type === 'dq.flag') published.push(e); return Promise.resolve(); } });
    await up.init();
    expect(published.map((e) => [e.data.status, e.data.flag.ruleId, e.subject])).toEqual([['raised', 'conflict.text_vs_table', '90201']]);
    expect(await h.db.all(`SELECT count(*) AS n FROM flag_outbox`)).toEqual([{ n: 0 }]);

    // The same events delivered again (at least once) change nothing and publish nothing.
    await deliver(up, CONFLICTING);
    await up.init();
    expect(published).toHaveLength(1);
  });

  it('publishes in the order the changes were committed, and keeps what a failing publish did not take', async () => {
    let calls = 0;
    const published: string[] = [];
    const flaky = service({
      publish: (e) => {
        calls++;
        if (calls === 2) return Promise.reject(new Error('timeout'));
        if (e.type === 'dq.flag') published.push(`${e.data.status}:${e.data.flag.unit}`);
        return Promise.resolve();
      },
    });
    await flaky.init();
    await deliver(flaky, CONFLICTING);
    expect(published).toEqual(['raised:90201']);
    // A corrected resubmission resolves the conflict; its event is the one that fails.
    await expect(deliver(flaky, { ...CONFLICTING, version: 2, facts: [{ indicator: 'hoso.received', value: 6, table: true, quote: '6' }] })).rejects.toThrow('timeout');
    await flaky.init();
    expect(published).toEqual(['raised:90201', 'resolved:90201']);
  });
});
