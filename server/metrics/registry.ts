import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { AlertTiming } from './alert-timing.js';
import { processRegistry } from './process.js';

/** The live numbers the server already keeps, read at each scrape. */
export interface LiveNumbers {
  connections(): number;
  roomsLoaded(): number;
  updatesRefused(): number;
  commits(): number;
  lastCommitMs(): number;
  alerts(): number;
  push(): Record<string, number>;
  sirenCommands(): Record<string, number>;
}

export interface ServerMetrics {
  registry: Registry;
  alerts: AlertTiming;
  /** Observes one group commit's duration. */
  commit(ms: number): void;
  /** The exposition: this server's series, then the process's. */
  text(): Promise<string>;
  contentType: string;
}

/** An alert's path on one machine: ms when all is well, seconds when something queues. */
const ALERT_PATH = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** A device's ack crosses its network and comes back: up to its retries, half a minute. */
const SIREN_ACK = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** A whole area's pushes queue behind each other at the sender: up to minutes at city scale. */
const PUSH = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300];
/** One SQLite transaction with its fsync: tenths of a ms to tens of ms. */
const COMMIT = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/**
 * A registry of the server's own (several servers run in one test process, so never the
 * global one). The alert-path histograms carry no label at all: a `type` label would tell a
 * scraper when a silent alert was raised, and leaving silent types out would tell it by the
 * gap (DESIGN §2); the path's code is the same for every type. The counters kept from before
 * read the live numbers at each scrape.
 */
export function createMetrics(live: () => LiveNumbers): ServerMetrics {
  const registry = new Registry();
  const registers = [registry];
  const histogram = (name: string, help: string, buckets: number[]) =>
    new Histogram({ name, help, buckets, registers });
  const timing = new AlertTiming({
    toOps: histogram(
      'sac_alert_to_operators_seconds',
      "From the server seeing a new alert to its record being sent to the operators' sockets.",
      ALERT_PATH,
    ),
    toSiren: histogram(
      'sac_alert_to_siren_seconds',
      "From a new (or released) alert to each siren unit's first sound command being sent.",
      ALERT_PATH,
    ),
    toSirenAck: histogram(
      'sac_alert_to_siren_ack_seconds',
      "From a new (or released) alert to each siren unit's acknowledgement of its sound.",
      SIREN_ACK,
    ),
    toPush: histogram(
      'sac_alert_to_push_seconds',
      'From a new (or released) alert to the push service accepting each push it caused.',
      PUSH,
    ),
  });
  const commits = histogram(
    'sac_commit_seconds',
    'Durations of the group commits (one SQLite transaction and fsync each).',
    COMMIT,
  );

  const gauge = (name: string, help: string, read: (l: LiveNumbers) => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(read(live()));
      },
    });
  gauge('sac_connections', 'Open sync sockets.', (l) => l.connections());
  gauge('sac_rooms_loaded', 'Rooms held in memory.', (l) => l.roomsLoaded());
  // A gauge, as it always was: the alerts in the system of record, read from SQL.
  gauge('sac_alerts_total', 'Alerts in the system of record.', (l) => l.alerts());
  gauge('sac_last_commit_ms', 'Duration of the last group commit, ms.', (l) => l.lastCommitMs());

  const counter = (name: string, help: string, read: (l: LiveNumbers) => number) =>
    new Counter({
      name,
      help,
      registers,
      collect() {
        this.reset();
        this.inc(read(live()));
      },
    });
  counter('sac_updates_refused_total', 'Updates refused by the write policy.', (l) => l.updatesRefused()); // prettier-ignore
  counter('sac_commits_total', 'Durable group commits.', (l) => l.commits());

  const byOutcome = (
    name: string,
    help: string,
    read: (l: LiveNumbers) => Record<string, number>,
  ) =>
    new Counter({
      name,
      help,
      labelNames: ['outcome'],
      registers,
      collect() {
        this.reset();
        for (const [outcome, n] of Object.entries(read(live()))) this.inc({ outcome }, n);
      },
    });
  byOutcome('sac_push_total', 'Web Push deliveries by outcome.', (l) => l.push());
  byOutcome('sac_siren_commands_total', 'Siren commands by outcome.', (l) => l.sirenCommands());

  const own = processRegistry();
  return {
    registry,
    alerts: timing,
    commit: (ms) => commits.observe(ms / 1000),
    contentType: registry.contentType,
    async text() {
      return (await registry.metrics()) + '\n' + (await own.metrics());
    },
  };
}
