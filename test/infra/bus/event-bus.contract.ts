import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent, type EventOf, type EventType } from '../../../schemas/events.ts';
import type { EventBus, Subscription } from '../../../infra/bus/event-bus.ts';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import type { RetryPolicy } from '../../../infra/bus/retry-policy.ts';
import { waitFor } from '../../support/wait-for.ts';

/**
 * The EventBus contract, run against every adapter (memory, Kafka on kcat's mock
 * cluster, Kafka in testcontainers). See infra/bus/event-bus.ts for the promises tested.
 */
export interface BusUnderTest {
  bus: EventBus;
  /** Puts an arbitrary message on a type's topic, bypassing validation (a poison message). */
  injectRaw(type: EventType, key: string, value: string): Promise<void>;
  cleanup(): Promise<void>;
}

/** Fast retries so dead-lettering is quick in tests. */
export const TEST_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, initialDelayMs: 10, factor: 2, maxDelayMs: 50 };

const FAKE_SHA = (n: number) => n.toString(16).padStart(64, '0');

export function failedEvent(n: number, subject = '01'): EventOf<'report.failed'> {
  return createEvent({
    type: 'report.failed',
    source: 'test',
    subject,
    data: {
      reportId: FAKE_SHA(n), stage: 'parser', code: 'TH_ERR_PDF_CORRUPT',
      reason: { vi: `hỏng ${n}`, en: `corrupt ${n}` }, retriable: false,
    },
  });
}

export function describeEventBusContract(name: string, make: () => Promise<BusUnderTest>, timeoutMs = 15_000): void {
  describe(`EventBus contract: ${name}`, () => {
    let ctx: BusUnderTest;
    const subs: Subscription[] = [];
    const group = () => `g-${randomUUID().slice(0, 8)}`;
    const track = (s: Subscription) => (subs.push(s), s);

    beforeEach(async () => { ctx = await make(); });
    afterEach(async () => {
      await Promise.all(subs.splice(0).map((s) => s.close()));
      await ctx.cleanup();
    });

    it('refuses an event that breaks its schema, with TH_ERR_INVALID_EVENT', async () => {
      const bad = { ...failedEvent(1), data: { reportId: 'not-a-sha' } } as unknown as EventOf<'report.failed'>;
      await expect(ctx.bus.publish(bad)).rejects.toMatchObject({ code: 'TH_ERR_INVALID_EVENT' });
    });

    it('delivers events published before the group subscribed, in order per unit', async () => {
      for (let i = 1; i <= 5; i++) await ctx.bus.publish(failedEvent(i, '79'));
      const seen: number[] = [];
      track(await ctx.bus.subscribe(group(), {
        'report.failed': (e) => { seen.push(parseInt(e.data.reportId, 16)); return Promise.resolve(); },
      }));
      await waitFor('5 deliveries', () => seen.length >= 5, timeoutMs);
      expect(seen).toEqual([1, 2, 3, 4, 5]);
    });

    it('gives every consumer group its own copy, and only of the types it handles', async () => {
      const a: string[] = [];
      const b: string[] = [];
      track(await ctx.bus.subscribe(group(), { 'report.failed': (e) => { a.push(e.id); return Promise.resolve(); } }));
      track(await ctx.bus.subscribe(group(), {
        'report.failed': (e) => { b.push(e.id); return Promise.resolve(); },
        'dq.flag': () => Promise.reject(new Error('no dq.flag was published')),
      }));
      const events = [failedEvent(1), failedEvent(2)];
      for (const e of events) await ctx.bus.publish(e);
      await waitFor('both groups', () => a.length >= 2 && b.length >= 2, timeoutMs);
      expect(a).toEqual(events.map((e) => e.id));
      expect(b).toEqual(events.map((e) => e.id));
    });

    it('retries a failing handler with backoff and succeeds without dead-lettering', async () => {
      const attempts: number[] = [];
      const letters: unknown[] = [];
      const g = group();
      track(await ctx.bus.subscribe(`${g}-dlq`, { 'bus.dead-letter': (e) => { if (e.data.group === g) letters.push(e); return Promise.resolve(); } }));
      track(await ctx.bus.subscribe(g, {
        'report.failed': (e, c) => {
          attempts.push(c.attempt);
          const flaky = e.data.reportId === FAKE_SHA(7);
          return flaky && c.attempt < 3 ? Promise.reject(new Error('transient')) : Promise.resolve();
        },
      }));
      await ctx.bus.publish(failedEvent(7));
      await waitFor('third attempt', () => attempts.length >= 3, timeoutMs);
      await ctx.bus.publish(failedEvent(8));
      await waitFor('next message', () => attempts.length >= 4, timeoutMs);
      await new Promise((r) => setTimeout(r, 200));
      expect(attempts).toEqual([1, 2, 3, 1]);
      expect(letters).toEqual([]);
    });

    it('dead-letters after bounded retries, then moves on', async () => {
      const g = group();
      const letters: EventOf<'bus.dead-letter'>[] = [];
      const handled: string[] = [];
      let attempts = 0;
      track(await ctx.bus.subscribe(`${g}-dlq`, { 'bus.dead-letter': (e) => { if (e.data.group === g) letters.push(e); return Promise.resolve(); } }));
      track(await ctx.bus.subscribe(g, {
        'report.failed': (e) => {
          if (e.data.reportId === FAKE_SHA(1)) { attempts++; return Promise.reject(new Error('always fails')); }
          handled.push(e.data.reportId);
          return Promise.resolve();
        },
      }));
      await ctx.bus.publish(failedEvent(1, '01'));
      await ctx.bus.publish(failedEvent(2, '01'));
      await waitFor('dead letter and next message', () => letters.length >= 1 && handled.length >= 1, timeoutMs);
      expect(attempts).toBe(TEST_RETRY_POLICY.maxAttempts);
      expect(handled).toEqual([FAKE_SHA(2)]);
      const letter = letters[0]!.data;
      expect(letter).toMatchObject({ group: g, key: '01', originalType: 'report.failed', attempts: 3, error: { message: 'always fails' } });
      expect(JSON.parse(letter.payload)).toMatchObject({ data: { reportId: FAKE_SHA(1) } });
    });

    it('dead-letters at once when the error says a retry cannot help', async () => {
      const g = group();
      const letters: EventOf<'bus.dead-letter'>[] = [];
      let attempts = 0;
      track(await ctx.bus.subscribe(`${g}-dlq`, { 'bus.dead-letter': (e) => { if (e.data.group === g) letters.push(e); return Promise.resolve(); } }));
      track(await ctx.bus.subscribe(g, {
        'report.failed': () => { attempts++; return Promise.reject(tonghopError('TH_ERR_PDF_CORRUPT', ['x.pdf'])); },
      }));
      await ctx.bus.publish(failedEvent(3));
      await waitFor('dead letter', () => letters.length >= 1, timeoutMs);
      expect(attempts).toBe(1);
      expect(letters[0]!.data).toMatchObject({ attempts: 1, error: { code: 'TH_ERR_PDF_CORRUPT' } });
    });

    it('dead-letters a poison message without calling the handler, and keeps consuming', async () => {
      const g = group();
      const letters: EventOf<'bus.dead-letter'>[] = [];
      const handled: string[] = [];
      track(await ctx.bus.subscribe(`${g}-dlq`, { 'bus.dead-letter': (e) => { if (e.data.group === g) letters.push(e); return Promise.resolve(); } }));
      track(await ctx.bus.subscribe(g, { 'report.failed': (e) => { handled.push(e.data.reportId); return Promise.resolve(); } }));
      await ctx.injectRaw('report.failed', '01', '{not json');
      await ctx.injectRaw('report.failed', '01', JSON.stringify({ ...failedEvent(4), data: { reportId: 'bad' } }));
      await ctx.bus.publish(failedEvent(5));
      await waitFor('two dead letters and the good message', () => letters.length >= 2 && handled.length >= 1, timeoutMs);
      expect(handled).toEqual([FAKE_SHA(5)]);
      expect(letters.map((l) => l.data.payload)).toContain('{not json');
      expect(letters.every((l) => l.data.error.code === 'TH_ERR_INVALID_EVENT')).toBe(true);
    });

    it('resumes a group after close from its committed position, with no re-delivery', async () => {
      const g = group();
      const first: string[] = [];
      const sub = await ctx.bus.subscribe(g, { 'report.failed': (e) => { first.push(e.data.reportId); return Promise.resolve(); } });
      for (let i = 1; i <= 3; i++) await ctx.bus.publish(failedEvent(i));
      await waitFor('first three', () => first.length >= 3, timeoutMs);
      await sub.close();
      for (let i = 4; i <= 5; i++) await ctx.bus.publish(failedEvent(i));
      const second: string[] = [];
      track(await ctx.bus.subscribe(g, { 'report.failed': (e) => { second.push(e.data.reportId); return Promise.resolve(); } }));
      await waitFor('last two', () => second.length >= 2, timeoutMs);
      // Give a wrongly re-delivered message time to show up before concluding.
      await new Promise((r) => setTimeout(r, 300));
      expect(first).toEqual([1, 2, 3].map(FAKE_SHA));
      expect(second).toEqual([4, 5].map(FAKE_SHA));
    });
  });
}
