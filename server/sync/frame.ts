/**
 * One unmasked binary WebSocket frame (RFC 6455 §5.2, FIN set, no extension bits): what a
 * server sends. A fan-out frames its message once and writes the same bytes to every reader,
 * where `ws` would frame it again per socket, in two writes. Only valid on sockets without
 * per-message deflate, which the sync server never negotiates.
 */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x82; // FIN + opcode 2 (binary)
  if (header === 2) frame[1] = length;
  else if (header === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(0, 2);
    frame.writeUInt32BE(length, 6);
  }
  frame.set(payload, header);
  return frame;
}
