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
export function rolePartition(parts: readonly Part[]): { parts: Part[]; totalRole?: FileRole } {
  const first = parts.find((p) => p.role);
  const identities = INDICATOR_CATALOG.fileRoles?.identities ?? [];
  const identity = first?.role ? identities.find((i) => i.parts.includes(first.role!)) : undefined;
  if (!identity) return { parts: [...parts] };
  const cut = parts.findIndex((p) => p.role !== undefined && !identity.parts.includes(p.role));
  // Only an identity that always holds names the total (`tiếp nhận` = new + carried-over is in hand;
  // resolved + in progress may leave returned files out, so it says nothing of the total).
  return { parts: cut < 0 ? [...parts] : parts.slice(0, cut), ...(identity.exact ? { totalRole: identity.total } : {}) };
}
