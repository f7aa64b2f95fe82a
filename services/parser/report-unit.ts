import type { LocalizedText } from '../../schemas/localized-text.ts';
import type { UnitRegistry } from '../registry/unit-registry.ts';
import { matchUnitName } from '../registry/unit-name-matcher.ts';
import type { ReportMetadata } from './metadata/report-metadata.ts';
import { escapeRegExp } from '../text/vietnamese-text.ts';

/**
 * The GSO code of the unit that issued a report: the detected name (with the parents the
 * document names as context) matched on the map in force for the report's period
 * (the detected period, else the inferred hint). Never a guess: an ambiguous or unknown
 * name gives no code and a warning that says why, in Vietnamese and English.
 */
export interface ReportUnitCode {
  code?: string;
  warning?: LocalizedText & { code: 'unit-not-in-registry' | 'unit-ambiguous-in-registry' | 'unit-period-unknown' };
}

export function resolveReportUnit(registry: UnitRegistry, meta: ReportMetadata): ReportUnitCode {
  if (!meta.unit) return {};
  const period = meta.period?.value ?? meta.periodHint?.value ?? 'unknown';
  const hierarchy = registry.hierarchyFor(period);
  const name = meta.unit.name;
  if (!hierarchy) {
    return { warning: { code: 'unit-period-unknown', vi: `Không xác định được kỳ báo cáo nên chưa tra được mã đơn vị "${name}".`, en: `No report period, so "${name}" was not looked up in the unit register.` } };
  }
  const context = meta.parentUnits ?? [];
  let match = matchUnitName(hierarchy, { name, level: meta.unit.level, context });
  const typed = match.status === 'ambiguous' ? typedName(meta.unit.evidence.quote, name) : undefined;
  if (typed) {
    // The detector keeps the bare name; the quote still has its type word (`Thị trấn Phước Long` beside `Xã Phước Long`).
    const narrowed = matchUnitName(hierarchy, { name: typed, level: meta.unit.level, context });
    if (narrowed.status === 'matched') match = narrowed;
  }
  if (match.status === 'matched') return { code: match.unit.code };
  if (match.status === 'ambiguous') {
    const list = match.candidates.slice(0, 5).map((u) => `${u.name} (${u.code})`).join(', ');
    return { warning: { code: 'unit-ambiguous-in-registry', vi: `Tên đơn vị "${name}" khớp nhiều đơn vị hành chính: ${list}; chưa gán mã.`, en: `Unit name "${name}" matches several units: ${list}; no code assigned.` } };
  }
  return { warning: { code: 'unit-not-in-registry', vi: `Không tìm thấy "${name}" trong danh mục đơn vị hành chính áp dụng cho kỳ ${period}.`, en: `"${name}" is not in the register of units in force for ${period}.` } };
}

const TYPE_WORDS = 'thành phố|thị trấn|thị xã|đặc khu|phường|huyện|quận|tỉnh|xã';

/** `UBND THỊ TRẤN PHƯỚC LONG`, `Phước Long` → `thị trấn Phước Long`: the type word printed right before the name. */
function typedName(quote: string, name: string): string | undefined {
  const escaped = escapeRegExp(name.normalize('NFC')).replace(/\s+/g, '\\s+');
  const m = new RegExp(`(${TYPE_WORDS})\\s+${escaped}(?![\\p{L}\\p{M}])`, 'iu').exec(quote.normalize('NFC'));
  return m ? `${m[1]!.toLowerCase()} ${name}` : undefined;
}
