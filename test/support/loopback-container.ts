import { GenericContainer } from 'testcontainers';

/**
 * A testcontainers container whose ports are published on 127.0.0.1 only, not on
 * every interface, when Docker runs on this machine (`loopbackOnly`); tests never
 * open a port to the network.
 */
export class LoopbackContainer extends GenericContainer {
  constructor(image: string, protected readonly loopbackOnly: boolean) {
    super(image);
  }

  protected override beforeContainerCreated(): Promise<void> {
    if (this.loopbackOnly) {
      // dockerode types PortBindings as any: { "9000/tcp": [{ HostPort: "0" }] } once ports are exposed.
      const portBindings = (this.hostConfig.PortBindings ?? {}) as Record<string, { HostIp?: string }[]>;
      for (const bindings of Object.values(portBindings)) {
        for (const binding of bindings) binding.HostIp = '127.0.0.1';
      }
    }
    return Promise.resolve();
  }
}
