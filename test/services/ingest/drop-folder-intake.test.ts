import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventOf } from '../../../schemas/events.ts';
import { MemoryEventBus } from '../../../infra/bus/event-bus.memory.ts';
import { createLocalObjectStore } from '../../../infra/store/object-store.local.ts';
import { createIngestService } from '../../../services/ingest/ingest-service.ts';
import { startDropFolderIntake, type DropFolderIntake } from '../../../services/ingest/drop-folder-intake.ts';
import { capturingLogger } from '../../support/silent-logger.ts';

const sample = join(import.meta.dirname, '../../../samples/001-huyen-cchc-2019.pdf');

describe('drop-folder intake', () => {
  let dir: string;
  let inbox: string;
  let bus: MemoryEventBus;
  let intake: DropFolderIntake;
  let submitted: EventOf<'report.submitted'>[];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tonghop-inbox-'));
    inbox = join(dir, 'inbox');
    const { log } = capturingLogger();
    bus = new MemoryEventBus({ log });
    submitted = [];
    await bus.subscribe('probe', { 'report.submitted': (e) => { submitted.push(e); return Promise.resolve(); } });
    const ingest = createIngestService({ store: createLocalObjectStore({ root: join(dir, 'objects') }), bus, log, maxBytes: 10_000_000 });
    intake = await startDropFolderIntake({ inbox, ingest, log, pollMs: 60_000 });
  });
  afterEach(async () => {
    await intake.stop();
    await bus.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes a file only once its size is stable, with claims from <unit>/<period>/ folders', async () => {
    await mkdir(join(inbox, '79', '2016'), { recursive: true });
    await copyFile(sample, join(inbox, '79', '2016', 'bao-cao.pdf'));
    expect(await intake.scan()).toBe(0);
    expect(await intake.scan()).toBe(1);
    await bus.whenIdle();
    expect(submitted.map((e) => e.data.claimed)).toEqual([{ unit: '79', period: '2016' }]);
    expect(submitted[0]!.data.submittedBy).toBe('drop-folder');
    expect((await readdir(join(inbox, '.done'))).some((f) => f.endsWith('79_2016_bao-cao.pdf'))).toBe(true);
  });

  it('moves a refused file to .rejected with its reason beside it', async () => {
    await writeFile(join(inbox, 'notes.docx'), 'not really a docx');
    await intake.scan();
    await intake.scan();
    const rejected = await readdir(join(inbox, '.rejected'));
    const reasonFile = rejected.find((f) => f.endsWith('.reason.txt'));
    expect(rejected.some((f) => f.endsWith('notes.docx'))).toBe(true);
    expect(await readFile(join(inbox, '.rejected', reasonFile!), 'utf8')).toMatch(/^TH_ERR_UNSUPPORTED_TYPE\n.*không phải loại nhận được.*\n.*not an accepted kind/);
  });
});
