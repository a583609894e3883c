import type { Storage } from '../storage/storage.js';
import type { Logger } from '../log.js';
import type { Room } from './room.js';
import type { Connection } from './connection.js';

interface Append {
  room: Room;
  update: Uint8Array;
  from: Connection | null;
  relay: (() => void) | null;
}

/**
 * Group commit: every update applied in one turn of the event loop is appended to the log
 * in one SQLite transaction (one fsync), together with the domain rows written for it.
 * Only after that commit are `stored` receipts sent, the server's own updates relayed and
 * after-commit work run, so "stored", "delivered" and anything the server tells a phone
 * always mean durable.
 */
export class Committer {
  private appends: Append[] = [];
  private jobs: (() => void)[] = [];
  private after: (() => void)[] = [];
  /** after-commit work that goes ahead of the relays too (a siren must not wait for rooms) */
  private urgent: (() => void)[] = [];
  private scheduled = false;
  commits = 0;
  lastCommitMs = 0;
  /** Told each durable commit's duration (the metrics' histogram). */
  onCommitted: ((ms: number) => void) | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    /** `writers`: the connections whose updates this commit stored */
    private readonly onStored: (rooms: Set<Room>, writers: Set<Connection>) => void,
    private readonly onFailed: (rooms: Set<Room>, error: unknown) => void,
  ) {}

  /**
   * `from`: the connection that sent the update, null for the server's own writes.
   * `relay`: run once this update is durable, before any after-commit work.
   */
  append(
    room: Room,
    update: Uint8Array,
    from: Connection | null = null,
    relay: (() => void) | null = null,
  ): void {
    this.appends.push({ room, update, from, relay });
    room.uncommitted++;
    this.schedule();
  }

  /** Runs `fn` inside the next commit's transaction. */
  job(fn: () => void): void {
    this.jobs.push(fn);
    this.schedule();
  }

  /**
   * Runs `fn` once the next commit is durable; called from a job, once that job's commit is.
   * `first`: ahead of the work already waiting (a siren must not wait for room updates).
   */
  afterCommit(fn: () => void, first = false): void {
    if (first) this.urgent.push(fn);
    else this.after.push(fn);
    this.schedule();
  }

  /** Updates of `room` applied but not yet in a commit (written by a job of this one). */
  pending(room: Room): Uint8Array[] {
    return this.appends.filter((a) => a.room === room).map((a) => a.update);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  flush(): void {
    this.scheduled = false;
    if (!this.appends.length && !this.jobs.length && !this.after.length && !this.urgent.length)
      return;
    const appends = this.appends;
    const jobs = this.jobs;
    this.appends = [];
    this.jobs = [];
    const rooms = new Set<Room>();
    const writers = new Set<Connection>();
    const started = performance.now();
    const write = ({ room, update, from }: Append) => {
      room.lastSeq = this.storage.rooms.append(room.name, update);
      room.sinceSnapshot++;
      rooms.add(room);
      if (from) writers.add(from);
    };
    try {
      this.storage.transaction(() => {
        appends.forEach(write);
        for (const job of jobs) job();
        // What the jobs wrote into rooms (the projection receipting and copying the alert it
        // just stored) joins their commit: the row and everything that shows it are durable
        // together, and a crash can never leave one without the other.
        const written = this.appends;
        this.appends = [];
        written.forEach(write);
        appends.push(...written);
      });
    } catch (error) {
      this.after = [];
      this.urgent = [];
      this.log.error('commit failed', { error: String(error), rooms: rooms.size });
      // Updates a failed job wrote are in memory only: their rooms reload from the log too.
      for (const { room } of [...appends, ...this.appends]) rooms.add(room);
      this.appends = [];
      this.onFailed(rooms, error);
      return;
    }
    for (const { room } of appends) room.uncommitted--;
    this.commits++;
    this.lastCommitMs = performance.now() - started;
    this.onCommitted?.(this.lastCommitMs);
    // Taken after the jobs ran: a job's own after-commit work (a siren command handed to the
    // hub the moment its alert is durable) runs in this turn, not the next.
    const urgent = this.urgent;
    const after = this.after;
    this.urgent = [];
    this.after = [];
    this.onStored(rooms, writers);
    // Sirens first (they write no room), then the relays: what the rest of the after-commit
    // work writes next must not overtake them.
    for (const fn of urgent) this.run(fn);
    for (const { relay } of appends) if (relay) this.run(relay);
    for (const fn of after) this.run(fn);
  }

  private run(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.log.error('after-commit step failed', { error: String(error) });
    }
  }
}
