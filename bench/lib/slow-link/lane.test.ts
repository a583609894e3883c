import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/demo-city.js';
import { Lane } from './lane.js';
import type { LinkShape } from './profiles.js';

// 80 kbit/s = 10 bytes per ms: a 1,000-byte packet takes 100 ms to send.
const shape: LinkShape = { rttMs: 400, rateBps: 80_000, loss: 0, queueMs: 10_000 };
const never = () => 1;

describe('a lane of the emulated link (fake clock)', () => {
  it('sends one packet after its serialisation time plus half the round trip', () => {
    const lane = new Lane<string>(shape, never);
    expect(lane.offer('a', 1000, 0)).toBe(300);
    expect(lane.due(299)).toEqual([]);
    expect(lane.due(300)).toEqual(['a']);
    expect(lane.nextAt()).toBeNull();
  });

  it('queues packets behind each other at the rate, in order', () => {
    const lane = new Lane<string>(shape, never);
    const at = ['a', 'b', 'c'].map((p) => lane.offer(p, 1000, 0));
    expect(at).toEqual([300, 400, 500]);
    expect(lane.backlog(0)).toBe(3000);
    expect(lane.backlog(150)).toBe(2000);
    expect(lane.due(450)).toEqual(['a', 'b']);
    expect(lane.nextAt()).toBe(500);
    // An idle link starts the next packet at once, not behind the old schedule.
    expect(lane.offer('d', 500, 1000)).toBe(1250);
    expect(lane.stats.deliveredBytes).toBe(2000);
  });

  it('drops the newcomer when the queue is full (tail drop)', () => {
    // 1,000 ms of 80 kbit/s is 10,000 bytes, under the 16-packet floor of 24,000 bytes.
    const lane = new Lane<number>({ ...shape, queueMs: 1000 }, never);
    let accepted = 0;
    for (let i = 0; i < 30; i++) if (lane.offer(i, 1000, 0) !== null) accepted++;
    expect(accepted).toBe(24);
    expect(lane.stats.queueDrops).toBe(6);
  });

  it('loses everything queued when the link goes down, and all that comes until it is up', () => {
    const lane = new Lane<string>(shape, never);
    lane.offer('a', 1000, 0);
    lane.offer('b', 1000, 0);
    lane.setUp(false);
    expect(lane.offer('c', 1000, 10)).toBeNull();
    expect(lane.due(10_000)).toEqual([]);
    expect(lane.stats.downDrops).toBe(3);
    lane.setUp(true);
    expect(lane.offer('d', 1000, 20_000)).toBe(20_300);
  });

  it('loses about the profile share of packets, the same ones for the same seed', () => {
    const run = (seed: number) => {
      const fast = { ...shape, rttMs: 0, loss: 0.1, rateBps: 1e12 };
      const lane = new Lane<number>(fast, seededRandom(seed));
      const lost: number[] = [];
      for (let i = 0; i < 20_000; i++) {
        if (lane.offer(i, 100, i) === null) lost.push(i);
        lane.due(i);
      }
      return lost;
    };
    const lost = run(7);
    expect(lost.length / 20_000).toBeGreaterThan(0.09);
    expect(lost.length / 20_000).toBeLessThan(0.11);
    expect(run(7)).toEqual(lost);
    expect(run(8)).not.toEqual(lost);
  });
});
