import { describe, expect, it } from 'vitest';
import { MemoryEventBus } from '../../../infra/bus/event-bus.memory.ts';
import { capturingLogger } from '../../support/silent-logger.ts';
import { describeEventBusContract, failedEvent, TEST_RETRY_POLICY } from './event-bus.contract.ts';

describeEventBusContract('memory', () => {
  const bus = new MemoryEventBus({ log: capturingLogger().log, retry: TEST_RETRY_POLICY });
  return Promise.resolve({
    bus,
    injectRaw: (type, key, value) => Promise.resolve(bus.appendRaw(type, key, value)),
    cleanup: () => bus.close(),
  });
});

// Memory-only: the embedded runner relies on whenIdle() and on one live member per group.
describe('MemoryEventBus (adapter-specific)', () => {
  it('whenIdle waits for chains of events that handlers publish', async () => {
    const bus = new MemoryEventBus({ log: capturingLogger().log, retry: TEST_RETRY_POLICY });
    const seen: string[] = [];
    await bus.subscribe('relay', {
      'report.failed': async (e) => {
        await new Promise((r) => setTimeout(r, 20));
        const n = parseInt(e.data.reportId, 16);
        seen.push(`failed:${n}`);
        if (n < 3) await bus.publish(failedEvent(n + 1));
      },
    });
    await bus.publish(failedEvent(1));
    await bus.whenIdle();
    expect(seen).toEqual(['failed:1', 'failed:2', 'failed:3']);
    await bus.close();
  });

  it('refuses a second live subscription of the same group', async () => {
    const bus = new MemoryEventBus({ log: capturingLogger().log });
    await bus.subscribe('one', { 'report.failed': () => Promise.resolve() });
    await expect(bus.subscribe('one', { 'report.failed': () => Promise.resolve() })).rejects.toThrow(/already has a live subscription/);
    await bus.close();
  });

  it('refuses to publish after close', async () => {
    const bus = new MemoryEventBus({ log: capturingLogger().log });
    await bus.close();
    await expect(bus.publish(failedEvent(1))).rejects.toMatchObject({ code: 'TH_ERR_BUS_CLOSED' });
  });
});
