import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/**
 * An in-process SMTP server on 127.0.0.1 (random port, no TLS, no auth) that parses every
 * message it receives with mailparser. `refuse` makes RCPT TO answer with an SMTP code for
 * addresses matching it (e.g. 550 for an unknown mailbox, 451 for "try later").
 */
export interface SmtpSink {
  url: string;
  mails: (ParsedMail & { envelopeTo: string[] })[];
  refuse: { pattern: RegExp; code: number }[];
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: SmtpSink['mails'] = [];
  const refuse: SmtpSink['refuse'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const rule = refuse.find((r) => r.pattern.test(address.address));
      if (!rule) return callback();
      const err = Object.assign(new Error(rule.code >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: rule.code });
      return callback(err);
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        mails.push(Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((r) => r.address) }));
        callback();
      }, (err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, refuse, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
