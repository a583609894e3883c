import { describe, expect, it } from 'vitest';
import { SocketCaps, sourceAddress } from './socket-caps.js';

describe('socket caps', () => {
  it('counts per user and per address, and gives slots back', () => {
    const caps = new SocketCaps({ perUser: 2, perAddress: 3 });
    expect(caps.take('a', '1.1.1.1')).toBeNull();
    expect(caps.take('a', '1.1.1.1')).toBeNull();
    expect(caps.take('a', '2.2.2.2')).toBe('user');
    expect(caps.take('b', '1.1.1.1')).toBeNull();
    expect(caps.take('c', '1.1.1.1')).toBe('address');
    caps.release('a', '1.1.1.1');
    expect(caps.take('c', '1.1.1.1')).toBeNull();
  });

  it('takes the address a local proxy appended, and only from a local proxy', () => {
    expect(sourceAddress('203.0.113.9', '10.0.0.1')).toBe('203.0.113.9');
    expect(sourceAddress('127.0.0.1', '10.0.0.1, 198.51.100.7')).toBe('198.51.100.7');
    expect(sourceAddress('::ffff:127.0.0.1', '198.51.100.7')).toBe('198.51.100.7');
    expect(sourceAddress('::1', undefined)).toBe('::1');
    expect(sourceAddress('127.0.0.1', ' ')).toBe('127.0.0.1');
  });
});
