/**
 * What the notifier needs to know about units: the unit above one (for parent routing)
 * and a unit's name (for the subject line), both as in force for a report period. The
 * pipelines wire it from the unit register (services/registry/unit-registry.ts).
 */
export interface UnitLookup {
  parentOf(unit: string, period: string): string | undefined;
  nameOf(unit: string, period: string): string | undefined;
}

/** For tests and for a notifier without a register: no parents, no names. */
export const NO_UNIT_LOOKUP: UnitLookup = { parentOf: () => undefined, nameOf: () => undefined };
