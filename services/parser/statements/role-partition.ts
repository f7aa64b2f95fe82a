import type { Fact, FileRole } from '../../../schemas/fact/v1.ts';
import { INDICATOR_CATALOG } from '../../../schemas/indicators/catalog.ts';

type Part = NonNullable<Fact['parts']>[number];

/**
 * The parts of one total are one partition of the flow of files (catalog `fileRoles.identities`):
 * `tiếp nhận 3.001 hồ sơ, trong đó nhận mới 3.000 hồ sơ, kỳ trước chuyển qua 01 hồ sơ; đã giải
 * quyết 2.998 hồ sơ …; đang giải quyết 03 hồ sơ` lists new + carried-over as the parts of 3.001,
 * then goes on to another partition of the same files (resolved + in progress). The list is cut
 * where a part's role leaves the partition the first role-bearing part opened; the partition
 * also says what the total is (in hand, for new + carried-over).
 */
export function rolePartition(parts: readonly Part[], closed = false): { parts: Part[]; totalRole?: FileRole } {
  // `873.328 hồ sơ (đúng hạn 863.340 hồ sơ; quá hạn 1.015 hồ sơ, chưa đến hạn 8.973 hồ sơ)`: one
  // bracket listing the outcomes of files resolved and of files still in progress divides the
  // files in hand, whatever verb named the total.
  const roles = parts.flatMap((p) => (p.role ? [p.role] : []));
  if (closed && roles.length === parts.length && roles.some((r) => RESOLVED_SIDE.has(r)) && roles.some((r) => PROGRESS_SIDE.has(r))
    && roles.every((r) => RESOLVED_SIDE.has(r) || PROGRESS_SIDE.has(r))) return { parts: [...parts], totalRole: 'in-hand' };
  const first = parts.find((p) => p.role);
  const identities = INDICATOR_CATALOG.fileRoles?.identities ?? [];
  const identity = first?.role ? identities.find((i) => i.parts.includes(first.role!)) : undefined;
  if (!identity) return { parts: [...parts] };
  const cut = parts.findIndex((p) => p.role !== undefined && !identity.parts.includes(p.role));
  // Only an identity that always holds names the total (`tiếp nhận` = new + carried-over is in hand;
  // resolved + in progress may leave returned files out, so it says nothing of the total).
  return { parts: cut < 0 ? [...parts] : parts.slice(0, cut), ...(identity.exact ? { totalRole: identity.total } : {}) };
}

const RESOLVED_SIDE = new Set<FileRole>(['early', 'on-time', 'early-or-on-time', 'late']);
const PROGRESS_SIDE = new Set<FileRole>(['in-progress-on-time', 'in-progress-late']);
