import { fork, type ChildProcess } from 'node:child_process';

/**
 * A tiny typed request/reply channel over Node's IPC, so the orchestrator can drive its
 * client processes (drivers, the probe) without sharing memory or clocks it cannot trust.
 */
export type Handlers<Api> = {
  [K in keyof Api]: Api[K] extends (arg: infer A) => infer R ? (arg: A) => Promise<R> : never;
};

interface Envelope {
  id: number;
  method: string;
  arg: unknown;
}
interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}
interface Event {
  event: string;
  data: unknown;
}

/** Runs in the child: answers requests with `handlers`; `emit` sends unsolicited events. */
export function serve<Api>(handlers: Handlers<Api>): void {
  const table = handlers as Record<string, (arg: unknown) => Promise<unknown>>;
  process.on('message', (raw: Envelope) => {
    const fn = table[raw.method];
    const reply = (r: Omit<Reply, 'id'>) => process.send?.({ id: raw.id, ...r });
    if (!fn) return reply({ ok: false, error: `no method ${raw.method}` });
    fn(raw.arg).then(
      (value) => reply({ ok: true, value }),
      (error: unknown) => reply({ ok: false, error: String(error) }),
    );
  });
  // The orchestrator gone means the bench is over: never linger.
  process.on('disconnect', () => process.exit(0));
}

export function emit(event: string, data: unknown): void {
  process.send?.({ event, data } satisfies Event);
}

type Method<Api, K extends keyof Api> = Api[K] extends (arg: infer A) => infer R
  ? { arg: A; result: R }
  : never;

/** The orchestrator's handle on one child process. */
export class Child<Api> {
  readonly proc: ChildProcess;
  private next = 1;
  private readonly pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void }
  >();
  private readonly listeners = new Map<string, ((data: unknown) => void)[]>();

  constructor(
    readonly name: string,
    script: string,
    env: Record<string, string> = {},
  ) {
    this.proc = fork(script, [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.proc.on('message', (msg: Reply | Event) => {
      if ('event' in msg) {
        for (const l of this.listeners.get(msg.event) ?? []) l(msg.data);
        return;
      }
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.value);
      else p.reject(new Error(`${this.name}: ${msg.error}`));
    });
    this.proc.on('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`${this.name} exited (${code})`));
      this.pending.clear();
    });
  }

  call<K extends keyof Api & string>(
    method: K,
    arg: Method<Api, K>['arg'],
    timeoutMs = 600_000,
  ): Promise<Awaited<Method<Api, K>['result']>> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name}.${method}: no reply in ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as Awaited<Method<Api, K>['result']>);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.proc.send({ id, method, arg } satisfies Envelope);
    });
  }

  on(event: string, fn: (data: unknown) => void): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
  }

  /** Asks the child to close its sockets, then makes sure it is gone. */
  async stop(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    const exited = new Promise<void>((r) => this.proc.once('exit', () => r()));
    this.proc.disconnect();
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
