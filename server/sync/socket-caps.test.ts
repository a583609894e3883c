import { describe, expect, it } from 'vitest';
import { SocketCaps } from './socket-caps.js';

describe('socket caps', () => {
  it('counts per user and per address, and gives slots back', () => {
    const caps = new SocketCaps({ perUser: 2, perAddress: 3, trustedProxies: new Set() });
    expect(caps.take('a', '1.1.1.1')).toBeNull();
    expect(caps.take('a', '1.1.1.1')).toBeNull();
    expect(caps.take('a', '2.2.2.2')).toBe('user');
    expect(caps.take('b', '1.1.1.1')).toBeNull();
    expect(caps.take('c', '1.1.1.1')).toBe('address');
    caps.release('a', '1.1.1.1');
    expect(caps.take('c', '1.1.1.1')).toBeNull();
  });
});
