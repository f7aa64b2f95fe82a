import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { getContainerRuntimeClient } from 'testcontainers';

/**
 * Whether a Docker engine answers, for the testcontainers suites (*.docker.test.ts),
 * which skip with the printed reason when it does not:
 *
 *   const docker = await detectDocker();
 *   if (!docker.available) console.warn(`[my suite] skipped: ${docker.reason}`);
 *   describe.skipIf(!docker.available)('…', () => { … });
 */
export type DockerCheck =
  /** `localHost`: the engine runs on this machine, so published ports can stay on 127.0.0.1. */
  | { available: true; localHost: boolean }
  | { available: false; reason: string };

/** How long to wait for a configured engine to answer before skipping. */
const DOCKER_PING_TIMEOUT_MS = 5_000;

/**
 * Quick and side-effect free: look for a socket or DOCKER_HOST first (no engine, no
 * wait), then ask testcontainers for a client, giving up after a few seconds.
 */
export async function detectDocker(): Promise<DockerCheck> {
  const sockets = ['/var/run/docker.sock', path.join(homedir(), '.docker/run/docker.sock')];
  const configured = process.env.DOCKER_HOST !== undefined || existsSync(path.join(homedir(), '.testcontainers.properties'));
  if (!configured && !sockets.some((s) => existsSync(s))) {
    return { available: false, reason: `no Docker engine: DOCKER_HOST is unset, no ~/.testcontainers.properties, and no socket at ${sockets.join(' or ')}` };
  }
  let timer: NodeJS.Timeout | undefined;
  const ping = getContainerRuntimeClient();
  ping.catch(() => undefined); // a late rejection after the timeout must not go unhandled
  try {
    const client = await Promise.race([
      ping,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${DOCKER_PING_TIMEOUT_MS} ms`)), DOCKER_PING_TIMEOUT_MS);
      }),
    ]);
    const host = client.info.containerRuntime.host;
    return { available: true, localHost: host === 'localhost' || host === '127.0.0.1' };
  } catch (err) {
    return { available: false, reason: `the Docker engine did not answer: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    clearTimeout(timer);
  }
}
