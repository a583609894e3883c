/**
 * The wire, defined once (DESIGN §4). y-websocket messages plus our `stored` receipt.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  /** Server → client: the room's state vector after the client's updates were durably stored. */
  stored: 100,
} as const;

/** WebSocket close codes, mirroring HTTP. 4400–4499 are final for the y-websocket client. */
export const CloseCode = {
  /** The client's bytes are not a message or update any Yjs client writes; it keeps its copy. */
  badRequest: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  tooLarge: 4413,
  /** Too many sockets for this user or source address: close one before opening another. */
  tooManySockets: 4429,
  /** Transient: the server is shutting down or the client was too slow; reconnect. */
  goingAway: 4500,
  slowConsumer: 4508,
} as const;

/** A message above this size is refused (DESIGN §4). */
export const MAX_MESSAGE_BYTES = 256 * 1024;
