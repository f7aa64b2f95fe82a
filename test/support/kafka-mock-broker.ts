import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A real Kafka-protocol broker for tests: librdkafka's mock cluster, started by
 * Debian's `kcat` in producer mode with stdin held open. kcat prints the bootstrap
 * address it chose after "replaced with". The mock cluster auto-creates topics and has
 * no CreateTopics API.
 */
export interface MockBroker {
  bootstrap: string;
  stop(): Promise<void>;
}

export async function startMockBroker(timeoutMs = 10_000): Promise<MockBroker> {
  let child: ChildProcess;
  try {
    child = spawn('kcat', ['-P', '-b', 'unused:1', '-X', 'test.mock.num.brokers=1', '-t', 'keepalive'], { stdio: ['pipe', 'ignore', 'pipe'] });
  } catch (err) {
    throw new Error(`cannot start kcat (install it: apt-get install -y kcat): ${(err as Error).message}`, { cause: err });
  }
  const bootstrap = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`kcat printed no bootstrap address within ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    child.on('error', (err) => { clearTimeout(timer); reject(new Error(`cannot start kcat (install it: apt-get install -y kcat): ${err.message}`)); });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`kcat exited with ${code}: ${stderr}`)); });
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const match = /replaced with (\S+)/.exec(stderr);
      if (match) { clearTimeout(timer); resolve(match[1]!); }
    });
  });
  return {
    bootstrap,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.stdin!.end();
      child.kill('SIGTERM');
    }),
  };
}
