import { createTransport } from 'nodemailer';
import type { AlertChannel, AlertMessage, AlertTarget, DeliveryOutcome } from './alert-channel.ts';

/**
 * E-mail channel over SMTP (nodemailer): one message with a plain-text and an HTML part
 * to every address of the unit, `Message-ID` derived from the delivery id (so a resent
 * message is recognisable as the same one).
 *
 * An SMTP 5xx reply (mailbox unknown, refused) is final; 4xx replies, connection errors and
 * timeouts are worth another attempt. When the server accepts some addresses and refuses
 * others the message counts as delivered and the refusals are noted in the response.
 */
export interface SmtpChannelOptions {
  /** `smtp://user:pass@host:587` or `smtps://…:465` (nodemailer connection URL). */
  url: string;
  /** The From header, e.g. `"Tổng hợp số liệu" <tonghop@example.gov.vn>`. */
  from: string;
  /** Connection, greeting and socket timeouts, ms; default 15 000. */
  timeoutMs?: number;
  /** Accept self-signed certificates (test servers only); default false. */
  allowSelfSigned?: boolean;
}

export function createSmtpChannel(opts: SmtpChannelOptions): AlertChannel {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const transport = createTransport({
    url: opts.url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    ...(opts.allowSelfSigned ? { tls: { rejectUnauthorized: false } } : {}),
  });
  const domain = /@([^>\s]+)>?\s*$/.exec(opts.from)?.[1] ?? 'tonghop.local';
  return {
    kind: 'email',
    async send(message: AlertMessage, target: AlertTarget): Promise<DeliveryOutcome> {
      if (target.kind !== 'email') return { ok: false, retriable: false, error: `e-mail channel given a ${target.kind} target` };
      try {
        const info = await transport.sendMail({
          from: opts.from,
          to: [...target.to],
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: `<${message.deliveryId.replace(/[^A-Za-z0-9._-]/g, '.')}@${domain}>`,
          headers: { 'X-Tonghop-Delivery': message.deliveryId },
        });
        const rejected = info.rejected.map(String);
        return { ok: true, response: `${info.response}${rejected.length > 0 ? ` (refused: ${rejected.join(', ')})` : ''}` };
      } catch (err) {
        const e = err as Error & { responseCode?: number; response?: string; code?: string };
        const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
        return {
          ok: false,
          retriable: code === undefined || (code >= 400 && code < 500),
          error: `SMTP: ${e.code ? `${e.code} ` : ''}${e.message}`,
          ...(e.response ? { response: e.response } : {}),
        };
      }
    },
    close() {
      transport.close();
      return Promise.resolve();
    },
  };
}
