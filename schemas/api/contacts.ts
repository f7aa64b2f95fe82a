import { z } from 'zod';
import { DigestMode } from '../records/unit-contact.ts';

/**
 * A reporting unit's contact as the admin API shows it (GET/PUT /v1/admin/contacts): the
 * record of schemas/records/unit-contact.ts with the webhook's secret left out — a secret is
 * written, never read back. Requests carry the record itself (UnitContactV1).
 */
export const ContactView = z.object({
  unit: z.string(),
  name: z.string().optional(),
  email: z.array(z.string()).optional(),
  webhook: z.object({ url: z.string(), secretEnv: z.string().optional(), secretSet: z.boolean() }).optional(),
  digest: DigestMode.optional(),
  notifyParent: z.boolean().optional(),
}).meta({ id: 'Contact' });
export type ContactView = z.infer<typeof ContactView>;

export const ContactList = z.object({ contacts: z.array(ContactView) });
