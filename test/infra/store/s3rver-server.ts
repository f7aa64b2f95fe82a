import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * An in-process s3rver (fake S3 over a temp folder) on 127.0.0.1 and a random port,
 * for integration tests. Every request it receives is recorded (method and URL), so a
 * test can prove what went over the wire, e.g. that an upload used UploadPart.
 *
 * s3rver ships no type declarations; the few members used here are typed below
 * (s3rver 3.7: `run()` resolves to the bound address, `close()` stops the server).
 */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer?: Server;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}) => S3rverInstance;

const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;

/** s3rver's built-in account. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/bucket/key?partNumber=1&uploadId=…`. */
  url: string;
}

export interface RunningS3rver {
  endpoint: string;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

export async function startS3rver(buckets: string[]): Promise<RunningS3rver> {
  const directory = await mkdtemp(path.join(tmpdir(), 'tonghop-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const address = await server.run();
  const httpServer = server.httpServer;
  if (httpServer === undefined) throw new Error('s3rver started without an httpServer; has its API changed?');
  const requests: RecordedRequest[] = [];
  httpServer.on('request', (req: IncomingMessage) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '' });
  });
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    requests,
    async stop() {
      const closing = server.close();
      httpServer.closeAllConnections(); // keep-alive sockets would hold close() open
      await closing;
      await rm(directory, { recursive: true, force: true });
    },
  };
}
