import type { Fact, FileRole } from '../../../schemas/fact/v1.ts';
import { INDICATOR_CATALOG } from '../../../schemas/indicators/catalog.ts';

/**
 * A figure of the flow of files, as the rules on it (file-flow.ts, scope-partition.ts) read a
 * report's facts, and the names of its steps in messages.
 */

/** The indicators of the flow's steps (catalog `fileRoles.indicators`); other file counts are channels or kinds of files. */
const FLOW_INDICATORS = new Set(Object.values(INDICATOR_CATALOG.fileRoles?.indicators ?? {}));

/** Words that make a count a channel's share (`38.613 hồ sơ trực tiếp và bưu chính`) even without an indicator of its own. */
const CHANNEL = /trực tuyến|trực tiếp|bưu chính|qua mạng|môi trường mạng|dịch vụ công/iu;

/**
 * A file count with a role; a ratio read by its numerator (`Giải quyết quá hạn: 12.262/17.108 hồ
 * sơ` → 12.262 late); the total of a breakdown (`Số hồ sơ đã giải quyết: 9.986 (đúng hạn …)`).
 */
export function asFigure(f: Fact): Fact[] {
  // A channel's share of a step (`tiếp nhận … trực tuyến 108 hồ sơ`: hoso.online) is no step of the flow.
  if (!f.role || (f.kind !== 'ratio' && ((f.indicator !== undefined && !FLOW_INDICATORS.has(f.indicator)) || CHANNEL.test(f.label)))) return [];
  if ((f.kind === 'count' || f.kind === 'table-cell') && f.value !== undefined) return [f];
  if (f.kind === 'breakdown' && f.total !== undefined) return [{ ...f, value: f.total }];
  if (f.kind === 'ratio' && f.numerator !== undefined) return [{ ...f, value: f.numerator }];
  return [];
}

/** Each step's name in messages: Vietnamese, English. */
export const ROLE_NAME: Readonly<Record<FileRole, [string, string]>> = {
  'new': ['tiếp nhận mới', 'new'], 'carried-over': ['kỳ trước chuyển sang', 'carried over'], 'in-hand': ['tổng số phải giải quyết', 'in hand'],
  'received': ['tiếp nhận', 'received'], 'due': ['đến hạn', 'due'], 'resolved': ['đã giải quyết', 'resolved'], 'early': ['trước hạn', 'early'],
  'on-time': ['đúng hạn', 'on time'], 'early-or-on-time': ['trước và đúng hạn', 'early or on time'], 'late': ['quá hạn', 'late'],
  'in-progress': ['đang giải quyết', 'in progress'], 'in-progress-on-time': ['đang giải quyết trong hạn', 'in progress, not yet due'],
  'in-progress-late': ['đang giải quyết quá hạn', 'in progress, overdue'], 'returned': ['trả lại, rút', 'returned'],
};
