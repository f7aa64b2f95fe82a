import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectReportMetadata } from '../../../services/parser/metadata/index.ts';
import { matchUnitName, type UnitMatch } from '../../../services/registry/unit-name-matcher.ts';
import { loadUnitRegistry } from '../../../services/registry/unit-registry.ts';

/**
 * End to end on the five real reports (../shared/seeds, outside the repository; skipped where
 * absent): the parser's detected unit, level, parents and period go into the matcher as they
 * are, the way the consolidator will use them.
 */
const SEEDS = resolve(import.meta.dirname, '../../../../shared/seeds');
const FILES = ['000_27b8fa93045b7c49', '001_f7e249377761b375', '002_5be47538091d3777', '003_f456c18b67a12c44', '004_7cb5686196a22e68'];
const registry = loadUnitRegistry();

function resolveSeed(prefix: string): { match: UnitMatch | undefined; period: string | undefined } {
  const file = FILES.find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  const meta = detectReportMetadata([{ page: 1, text: readFileSync(join(SEEDS, `${file}.txt`), 'utf8').normalize('NFC') }]);
  const period = meta.period?.value ?? meta.periodHint?.value ?? 'unknown';
  const hierarchy = registry.hierarchyFor(period);
  if (!hierarchy || !meta.unit) return { match: undefined, period };
  return { match: matchUnitName(hierarchy, { name: meta.unit.name, level: meta.unit.level, context: meta.parentUnits ?? [] }), period };
}

describe.skipIf(!existsSync(SEEDS))('seed reports → registry units', () => {
  it('000: huyện A Lưới, tỉnh Thừa Thiên Huế (2011..2020) → 481', () => {
    expect(resolveSeed('000')).toMatchObject({ period: '2011..2020', match: { status: 'matched', unit: { code: '481', name: 'Huyện A Lưới', parent: '46' } } });
  });

  it('001: the unnamed district (2019) stays unresolved: the parser gives a level, no name', () => {
    expect(resolveSeed('001')).toEqual({ period: '2019', match: undefined });
  });

  it('002: tỉnh Sóc Trăng (2016) → 94', () => {
    expect(resolveSeed('002')).toMatchObject({ period: '2016', match: { status: 'matched', unit: { code: '94', name: 'Tỉnh Sóc Trăng' } } });
  });

  it('003: xã Quảng Ngạn, huyện Quảng Điền, tỉnh Thừa Thiên Huế (2011..2020) → 19873', () => {
    expect(resolveSeed('003')).toMatchObject({ period: '2011..2020', match: { status: 'matched', unit: { code: '19873', name: 'Xã Quảng Ngạn', parent: '477' } } });
  });

  it('004: huyện Bắc Bình, tỉnh Bình Thuận (2022) → 596', () => {
    expect(resolveSeed('004')).toMatchObject({ period: '2022', match: { status: 'matched', unit: { code: '596', name: 'Huyện Bắc Bình', parent: '60' } } });
  });
});
