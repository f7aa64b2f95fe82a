import type { ReadOnlySession, SqlDatabase } from '../../infra/db/sql-database.ts';
import type { ObjectStore } from '../../infra/store/object-store.ts';
import type { TokenStore } from '../../infra/auth/token-store.ts';
import type { ContactStore } from '../../infra/contacts/contact-store.ts';
import type { UnitRegistry } from '../registry/unit-registry.ts';
import type { ApiOptions } from './api-options.ts';
import type { IntakePort } from './intake-port.ts';

/**
 * What every route plugin is given: the ports (pipelines/ picks the adapters), the unit
 * register, the limits, and the read-only session that analysts' SQL and exports run on.
 */
export interface ApiPorts {
  db: SqlDatabase;
  store: ObjectStore;
  intake: IntakePort;
  registry: UnitRegistry;
  tokens: TokenStore;
  /** Reporting units' alert contacts, managed by admins (/v1/admin/contacts); the notifier reads the same store. */
  contacts: ContactStore;
}

export interface ApiContext extends ApiPorts {
  options: Readonly<ApiOptions>;
  session: ReadOnlySession;
}
