import * as Y from 'yjs';
import type { CrewMember } from '../../shared/console.js';
import { OPS_ROOM, unitRoom } from '../../sync/rooms.js';
import type { UnitInfo } from '../city/city.js';
import type { SyncServer } from '../sync/sync-server.js';
import { SERVER } from '../sync/origin.js';

/** How often the board looks at who is connected: a dropped phone shows within this. */
const POLL_MS = 3_000;

/**
 * Who of each unit is on shift now, for `ops.units/<id>`: the unit's officers whose app holds
 * the unit's room open (signed in, connected). A car nobody is connected for must not look
 * "available" to an operator choosing whom to send: the dispatch would ring no phone. When the
 * last officer drops, `seenAt` keeps the moment, so the console can say "visto hace 12 min".
 * Read from the sync server's live connections on a short timer rather than hooked into the
 * socket lifecycle: the sync core stays unaware of units, and the cost is ten map reads.
 */
export class CrewPresence {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sync: SyncServer,
    private readonly units: readonly UnitInfo[],
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(): void {
    this.poll();
    this.timer = setInterval(() => this.poll(), POLL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The crew each unit has connected now; writes only what changed. */
  poll(): void {
    const doc = this.sync.room(OPS_ROOM).doc;
    const map = doc.getMap('units');
    doc.transact(() => {
      for (const u of this.units) {
        const rec = map.get(u.id);
        if (!(rec instanceof Y.Map)) continue;
        const crew = this.connected(u.id);
        const before = rec.get('crew');
        const had = Array.isArray(before) && before.length > 0;
        if (JSON.stringify(before ?? []) !== JSON.stringify(crew)) rec.set('crew', crew);
        // The moment the last one dropped (or the server found them gone after a restart).
        if (had && !crew.length) rec.set('seenAt', this.now().toISOString());
        if (!rec.has('seenAt')) rec.set('seenAt', null);
      }
    }, SERVER);
  }

  private connected(unitId: string): CrewMember[] {
    // `rooms.get`, not `room()`: a unit room nobody holds open is not loaded just to look.
    const room = this.sync.rooms.get(unitRoom(unitId));
    const crew = new Map<string, CrewMember>();
    for (const conn of room?.conns ?? []) {
      const u = conn.user;
      // Operators open unit rooms to edit plans: they are not the car's crew.
      if (u.role === 'officer' && u.unitId === unitId && !conn.closed)
        crew.set(u.id, { id: u.id, name: u.name });
    }
    return [...crew.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
