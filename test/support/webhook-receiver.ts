import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '../../infra/alert/webhook-signature.ts';

/**
 * A real HTTP server on 127.0.0.1 (random port) that receives webhooks as a unit's system
 * would: it checks the signature with the shared secret, records every request, and answers
 * with the statuses it is given in order (then 200), so tests can make it fail N times.
 */
export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  signatureValid: boolean;
  signatureReason?: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Statuses to answer with, first request first; afterwards 200. */
  answers: { status: number; headers?: Record<string, string> }[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(secret: string, path = '/hooks/tonghop'): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const answers: WebhookReceiver['answers'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const check = verifyWebhook(secret, {
        signature: req.headers['x-tonghop-signature'] as string | undefined,
        timestamp: req.headers['x-tonghop-timestamp'] as string | undefined,
      }, raw);
      received.push({ headers: req.headers, body: raw.toString('utf8'), signatureValid: check.valid, ...(check.valid ? {} : { signatureReason: check.reason }) });
      const answer = answers.shift() ?? { status: check.valid ? 200 : 401 };
      res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
      res.end(answer.status < 300 ? 'ok' : 'nope');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    answers,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
