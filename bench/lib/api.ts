import type { LightSpec, PoolCounters } from './light-client.js';
import type { AlertPlan, AlertResults, CityConnect, ProbeConnected } from './probe-types.js';
import type { RttFigures } from './rtt-monitor.js';

/** What the orchestrator may ask of a driver process (bench/driver.ts). */
export interface DriverApi {
  connect(arg: {
    base: string;
    specs: LightSpec[];
    addresses: string[];
    concurrency: number;
    timeoutMs: number;
  }): ConnectResult;
  subscribe(arg: {
    http: string;
    items: { token: string; endpoint: string }[];
    keys: { p256dh: string; auth: string };
    concurrency: number;
  }): SubscribeResult;
  expectRestart(arg: null): null;
  awaitResynced(arg: { timeoutMs: number }): ResyncResult;
  stats(arg: null): ClientStats;
  close(arg: null): null;
}

export interface ConnectResult {
  total: number;
  synced: number;
  final: number;
  ms: number;
  lastCloseCode: number;
}

export interface SubscribeResult {
  ok: number;
  failed: number;
  firstError: string | null;
}

export interface ResyncResult {
  resynced: number;
  live: number;
  /** Date.now() when the last client resynced, or null if not all did in time */
  at: number | null;
}

export interface ClientStats {
  cpuUserS: number;
  cpuSystemS: number;
  rssMb: number;
  counters: PoolCounters;
}

/** Fan-out of one writer's updates to many readers in one room (the relay comparison). */
export interface RelayArg {
  base: string;
  /** readers' paths and tokens; the writer is `writer` */
  readers: LightSpec[];
  writer: LightSpec;
  /** ops-style record the writer appends notes to; created first where the server allows */
  recordId: string;
  /** created by the writer itself (reference) or already in the room (ours) */
  createRecord: boolean;
  writerUserId: string;
  writes: number;
  spacingMs: number;
  addresses: string[];
  /**
   * Full-doc peers opened in the room before the readers (reference): our `ops` room already
   * holds the probe's operators, who come first in its fan-out and apply every note in this
   * process, so the reference's room gets as many.
   */
  observers: number;
}

export interface RelayResult {
  readers: number;
  writes: number;
  /** per reader and write, ms from the writer's send to the reader's receipt */
  latencies: number[];
  missing: number;
  /** size of the room's state as the writer synced it (encodeStateAsUpdate) */
  roomBytes: number;
  error: string | null;
}

/** What the orchestrator may ask of the probe (bench/probe.ts), the one clock for latency. */
export interface ProbeApi {
  connectCity(arg: CityConnect): ProbeConnected;
  runAlerts(arg: AlertPlan): AlertResults;
  /** waits `ms` with the city connected and nothing happening; the server's responsiveness */
  idle(arg: { ms: number }): RttFigures;
  relay(arg: RelayArg): RelayResult;
  expectRestart(arg: null): null;
  awaitResynced(arg: { timeoutMs: number }): ResyncResult;
  stats(arg: null): ClientStats;
  close(arg: null): null;
}

/** The push sink process (bench/sink.ts). */
export interface SinkApi {
  start(arg: { dir: string }): { origin: string; certPath: string };
  count(arg: null): number;
  /** the subscriptions' private key and auth secret (all share one), to read the pushes */
  keys(arg: { privateKey: string; auth: string }): null;
  /** [resident index, wall-clock ms, tag (newest alert covered)] for pushes from `from` on */
  arrivals(arg: { from: number }): [number, number, string | null][];
  stats(arg: null): ClientStats;
  close(arg: null): null;
}
