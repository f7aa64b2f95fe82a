import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import type { UnitRegistry } from '../../registry/unit-registry.ts';
import type { Principal } from './principal.ts';
import { ALL_UNITS, subtreeScope, unitScope, type UnitScope } from './unit-scope.ts';

/**
 * What each role may do, in one place (README "API cho chuyên viên / Analyst API"):
 *
 *   read     unit → its own unit only; analyst → the province's subtree (or all, national);
 *            admin → all
 *   submit   unit → for itself only; analyst → for units it may read; admin → any unit
 *   query    analysts and admins (a province analyst's SQL sees its subtree only)
 *   tokens   admins only
 *
 * A request that names a unit outside the caller's scope is refused (403); lists are
 * filtered to the scope; a report outside it is "not found" (404), so ids do not leak.
 */
export function readScope(p: Principal, registry: UnitRegistry): UnitScope {
  if (p.role === 'admin') return ALL_UNITS;
  if (p.role === 'analyst') return p.province === undefined ? ALL_UNITS : subtreeScope(registry, p.province);
  return unitScope(registry, p.unit);
}

export function requireRole(p: Principal, ...roles: Principal['role'][]): void {
  if (!roles.includes(p.role)) {
    throw tonghopError('TH_ERR_FORBIDDEN', [`vai trò ${p.role} không được dùng chức năng này / role ${p.role} may not use this`]);
  }
}

/** Refuses (403) a request about a unit the caller may not read: on the period's date, or with no period on any date. */
export function assertMayRead(scope: UnitScope, unit: string, period?: string): void {
  const ok = period === undefined ? scope.mentions(unit) : scope.contains(unit, period);
  if (!ok) throw tonghopError('TH_ERR_FORBIDDEN', [`đơn vị ${unit} nằm ngoài phạm vi của mã truy cập / unit ${unit} is outside this token's scope`]);
}

export function assertMaySubmit(p: Principal, registry: UnitRegistry, unit: string, period: string): void {
  if (p.role === 'admin') return;
  if (p.role === 'unit') {
    if (unit !== p.unit) throw tonghopError('TH_ERR_FORBIDDEN', [`đơn vị ${p.unit} chỉ được nộp báo cáo của chính mình, không phải của ${unit} / unit ${p.unit} may only submit its own reports, not ${unit}'s`]);
    return;
  }
  if (unit === 'unknown') throw tonghopError('TH_ERR_FORBIDDEN', ['chuyên viên phải nêu mã đơn vị / an analyst must name the unit']);
  assertMayRead(readScope(p, registry), unit, period);
}
