import type { Awareness } from 'y-protocols/awareness';

/**
 * Who else is on the console and which alert each is looking at (DESIGN §4: presence in
 * `ops`). The local state is only `{viewing}`; the server stamps `user` on every state, so a
 * name shown here is the session's, never a claim of the client.
 */
export interface Viewer {
  clientId: number;
  userId: string;
  name: string;
  viewing: string | null;
}

export function viewers(awareness: Awareness | null): Viewer[] {
  if (!awareness) return [];
  const out: Viewer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const user = (state as { user?: { id?: unknown; name?: unknown } }).user;
    if (typeof user?.id !== 'string' || typeof user.name !== 'string') return;
    const viewing = (state as { viewing?: unknown }).viewing;
    out.push({
      clientId,
      userId: user.id,
      name: user.name,
      viewing: typeof viewing === 'string' ? viewing : null,
    });
  });
  // One entry per person (two tabs of one operator are one presence), by name.
  const seen = new Map<string, Viewer>();
  for (const v of out) if (!seen.has(v.userId) || v.viewing) seen.set(v.userId, v);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts[1]?.[0] ?? '')).toUpperCase();
}

/** Sets what this console shows as looked at; staff rooms only (the resident sends none). */
export function setViewing(awareness: Awareness | null, alertId: string | null): void {
  awareness?.setLocalState({ viewing: alertId });
}
