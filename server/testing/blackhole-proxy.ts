import net from 'node:net';

/**
 * A TCP proxy in front of a test server that can black-hole connections the way a flapping
 * mobile link does: bytes stop flowing both ways, and nothing is closed, so neither side
 * notices. `holdLive()` does it to the connections open now; `holdNew` to those that come.
 */
export class BlackholeProxy {
  private readonly server = net.createServer((phone) => this.pipe(phone));
  private readonly live = new Set<{ held: boolean; phone: net.Socket; upstream: net.Socket }>();
  /** connections accepted so far */
  accepted = 0;
  /** new connections are accepted and then hear nothing */
  holdNew = false;
  port = 0;

  constructor(private readonly target: URL) {}

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Every connection open now stops carrying bytes, both ways, and stays open. */
  holdLive(): void {
    for (const pair of this.live) pair.held = true;
  }

  private pipe(phone: net.Socket): void {
    this.accepted++;
    const upstream = net.connect(Number(this.target.port), this.target.hostname);
    const pair = { held: this.holdNew, phone, upstream };
    this.live.add(pair);
    phone.on('data', (d) => pair.held || upstream.write(d));
    upstream.on('data', (d) => pair.held || phone.write(d));
    const end = () => {
      this.live.delete(pair);
      phone.destroy();
      upstream.destroy();
    };
    // A held connection is not closed from here: on a dead link the close is lost too.
    phone.on('close', () => pair.held || end());
    upstream.on('close', () => pair.held || end());
    phone.on('error', () => undefined);
    upstream.on('error', () => undefined);
  }

  async close(): Promise<void> {
    for (const { phone, upstream } of this.live) {
      phone.destroy();
      upstream.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
