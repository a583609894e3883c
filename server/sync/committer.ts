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
 * in one SQLite transaction, together with the domain rows written for it. The log's sync
 * (one fsync) runs off the event loop (`Storage.transactionSyncedLater`): a write or an
 * alert that arrives meanwhile is applied and fanned out, and waits for the next commit.
 * Only once a commit is on disk are its `stored` receipts sent, the server's own updates
 * relayed and its after-commit work run, in commit order, so "stored", "delivered" and
 * anything the server tells a phone always mean durable.
 */
export class Committer {
  private appends: Append[] = [];
  private jobs: (() => void)[] = [];
  private after: (() => void)[] = [];
  /** after-commit work that goes ahead of the relays too (a siren must not wait for rooms) */
  private urgent: (() => void)[] = [];
  private scheduled = false;
  /** commits not yet durable (with their work): the next scheduled one waits for them */
  private inFlight = 0;
  /** the last commit's sync: a flush that writes nothing runs its work after it */
  private lastDurable: Promise<void> = Promise.resolve();
  /** settles once the last commit's receipts and after-commit work have run (or failed) */
  private lastDone: Promise<void> = Promise.resolve();
  commits = 0;
  lastCommitMs = 0;
  /** Told each commit's duration until durable (the metrics' histogram). */
  onCommitted: ((ms: number) => void) | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    /**
     * Once durable. `receipts`: each room's `stored` message, taken when the commit was made
     * (later writes are not covered); `writers`: the connections whose updates it stored.
     */
    private readonly onStored: (receipts: Map<Room, Uint8Array>, writers: Set<Connection>) => void,
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

  /**
   * One commit at a time: the next waits for the last one's sync (the log syncs one at a time
   * anyway), so when a commit's work runs everything committed is durable, and whatever reads
   * right after a sync (`Storage.synced`) reads nothing that is not.
   */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    if (this.inFlight === 0) setImmediate(() => this.flush());
  }

  private synced(): void {
    this.inFlight--;
    if (this.inFlight === 0 && this.scheduled) setImmediate(() => this.flush());
  }

  /** Commits now, even while the last commit syncs (compaction and shutdown need it so). */
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
    // Nothing to write (after-commit work alone): it runs once the commits before are durable.
    let durable = this.lastDurable;
    if (appends.length || jobs.length) {
      try {
        durable = this.storage.transactionSyncedLater(() => {
          appends.forEach(write);
          for (const job of jobs) job();
          // What the jobs wrote into rooms (the projection receipting and copying the alert it
          // just stored) joins their commit: the row and everything that shows it are durable
          // together, and a crash can never leave one without the other.
          const written = this.appends;
          this.appends = [];
          written.forEach(write);
          appends.push(...written);
        }).durable;
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
    }
    this.lastDurable = durable;
    // The receipts cover what this commit holds, not what is applied after it; a job of this
    // commit may have written to a room after the commit was cut (not covered either).
    const receipts = new Map<Room, Uint8Array>();
    for (const room of rooms) receipts.set(room, room.storedMessage(this.pending(room)));
    // Taken after the jobs ran: a job's own after-commit work (a siren command handed to the
    // hub the moment its alert is durable) runs when this commit is durable, not the next.
    const urgent = this.urgent;
    const after = this.after;
    this.urgent = [];
    this.after = [];
    this.inFlight++;
    this.lastDone = durable.then(
      () => {
        this.synced();
        for (const { room } of appends) room.uncommitted--;
        this.commits++;
        this.lastCommitMs = performance.now() - started;
        this.onCommitted?.(this.lastCommitMs);
        this.onStored(receipts, writers);
        // Sirens first (they write no room), then the relays: what the rest of the
        // after-commit work writes next must not overtake them.
        for (const fn of urgent) this.run(fn);
        for (const { relay } of appends) if (relay) this.run(relay);
        for (const fn of after) this.run(fn);
      },
      (error: unknown) => {
        this.synced();
        // Committed but not known to be on disk: nothing of it is ever told to anyone.
        for (const { room } of appends) room.uncommitted--;
        this.log.error('commit not durable', { error: String(error), rooms: rooms.size });
        this.onFailed(rooms, error);
      },
    );
  }

  /** Settles once every commit made so far is durable and its work has run, or has failed. */
  settled(): Promise<void> {
    return this.lastDone;
  }

  private run(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.log.error('after-commit step failed', { error: String(error) });
    }
  }
}
