import type { OpsRequest } from './console.js';

/**
 * What the server adds to a neighbour request's records beyond the filed fields: its history
 * with names (for operators) and its photo (for everyone who holds the record). Server-owned:
 * no write policy lets a client set them.
 */

/** One step of a request, as operators read it: who (by name, as it was then) and when. */
export interface RequestHistoryEntry {
  kind: 'filed' | 'status' | 'reply' | 'withdrawn' | 'photo' | 'photo_published';
  at: string;
  /** the user id, for the record; `name` is what the console shows */
  by: string;
  name: string;
  status?: string;
  reply?: string;
}

/** A request's photo as its records carry it; the bytes are at `requestPhotoUrl`. */
export interface RequestPhotoView {
  at: string;
  width: number;
  height: number;
  /** once an operator published it, neighbours who can see the request may see it too */
  publishedAt?: string;
}

/** `ops.requests/<id>` as the console reads it. */
export interface OpsRequestView extends OpsRequest {
  history?: RequestHistoryEntry[];
  photo?: RequestPhotoView;
}

/** The photo's address; GET answers only those who may see it (server/requests/routes.ts). */
export const requestPhotoUrl = (id: string): string =>
  `/api/requests/${encodeURIComponent(id)}/photo`;

/** Bounds both sides agree on: the phone shrinks to these, the server refuses beyond. */
export const PHOTO_LIMITS = {
  /** bytes of one upload; the phone's JPEG at 1280 px is about 150–400 KB */
  maxBytes: 2 * 1024 * 1024,
  /** the long side the phone scales to */
  longSide: 1280,
  quality: 0.8,
} as const;
