export { Hierarchy } from './hierarchy.ts';
export { periodEnd } from './period-date.ts';
export { readPrintedName, type PrintedUnitName } from './printed-unit-name.ts';
export { matchUnitName, type ContextName, type MatchVia, type UnitMatch, type UnitNameQuery } from './unit-name-matcher.ts';
export { loadUnitRegistry, UnitRegistry } from './unit-registry.ts';
