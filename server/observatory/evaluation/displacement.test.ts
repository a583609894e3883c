import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wdd, wdq } from './displacement.js';

/**
 * The published worked example (Wheeler & Ratcliffe 2018, the Philadelphia Foot Patrol
 * Experiment): treated 207 → 110, its control 308 → 318, displacement ring 178 → 157, the ring's
 * control 150 → 140 give WDD −118, SE √1568, z −2.98 and the 95 % interval −196 … −40 (the
 * paper's rounding; also the test of the authors' R package ptools). The interval and p are
 * also checked against R (reference/evaluation.R) to 1e-9 relative. The four pairs are often
 * quoted in ptools' argument order (control, treated, ring control, ring): 308 → 318 is the
 * treated cells' control, not the treated cells; read that way round the WDD would be −56.
 */
const ref = (
  JSON.parse(
    readFileSync(new URL('../reference/fixtures/evaluation.json', import.meta.url), 'utf8'),
  ) as {
    wdd_example: { wdd: number; se: number; z: number; p: number; low: number; high: number };
  }
).wdd_example;

const close = (a: number | null, b: number, rel = 1e-9) =>
  expect(Math.abs((a ?? NaN) - b), `${a} vs ${b}`).toBeLessThanOrEqual(rel * Math.abs(b));

describe('the weighted displacement difference', () => {
  const paper = wdd({
    treated: { before: 207, after: 110 },
    control: { before: 308, after: 318 },
    buffer: { before: 178, after: 157 },
    bufferControl: { before: 150, after: 140 },
  });

  it('reproduces the published example', () => {
    expect(paper.total.estimate).toBe(-118);
    expect(paper.total.se).toBe(Math.sqrt(1568));
    expect(Math.round(paper.total.z! * 100) / 100).toBe(-2.98);
    expect(Math.round(paper.total.low)).toBe(-196);
    expect(Math.round(paper.total.high)).toBe(-40);
    close(paper.total.z, ref.z);
    close(paper.total.p, ref.p);
    close(paper.total.low, ref.low);
    close(paper.total.high, ref.high);
    expect(paper.total.reading).toBe('reduction');
  });

  it('is not the example with the pairs read in argument order', () => {
    const misread = wdd({
      treated: { before: 308, after: 318 },
      buffer: { before: 207, after: 110 },
      control: { before: 150, after: 140 },
      bufferControl: { before: 178, after: 157 },
    });
    expect(misread.total.estimate).toBe(-56);
  });

  it('splits it into the local effect and the ring', () => {
    // local: (110 − 207) − (318 − 308) = −107 over √943; ring: (157 − 178) − (140 − 150) = −11
    expect(paper.local.estimate).toBe(-107);
    expect(paper.local.se).toBe(Math.sqrt(207 + 110 + 308 + 318));
    expect(paper.local.reading).toBe('reduction');
    expect(paper.buffer.estimate).toBe(-11);
    expect(paper.buffer.se).toBe(Math.sqrt(178 + 157 + 150 + 140));
    // z = −0.44: the ring fell a little more than its control, well within chance
    expect(paper.buffer.reading).toBe('no_clear_change');
  });

  it('reads a significant rise in the ring as displacement, a fall as diffusion', () => {
    const same = { before: 100, after: 100 };
    const moved = wdd({
      treated: { before: 100, after: 60 },
      control: same,
      buffer: { before: 100, after: 160 },
      bufferControl: same,
    });
    expect(moved.local.reading).toBe('reduction');
    expect(moved.buffer.reading).toBe('displacement');
    expect(moved.total.reading).toBe('no_clear_change'); // −40 + 60 = +20 over √820
    const spread = wdd({
      treated: { before: 100, after: 60 },
      control: same,
      buffer: { before: 100, after: 50 },
      bufferControl: same,
    });
    expect(spread.buffer.reading).toBe('diffusion');
    expect(spread.total.reading).toBe('reduction');
  });

  it('without a ring is the local difference-in-differences', () => {
    const r = wdd({ treated: { before: 20, after: 10 }, control: { before: 20, after: 20 } });
    expect(r.total.estimate).toBe(-10);
    expect(r.total.se).toBe(Math.sqrt(70));
    expect(r.buffer).toMatchObject({ estimate: 0, se: 0, z: null, p: null });
    expect(r.buffer.reading).toBe('no_clear_change');
  });

  it('weights unequal periods and areas as the authors’ extensions do', () => {
    // two years before, one after, per year (Wheeler 2021): (20 − 40) − (50 − 50) = −20, var 115
    const time = wdd(
      { treated: { before: 80, after: 20 }, control: { before: 100, after: 50 } },
      { time: { before: 2, after: 1 } },
    );
    expect(time.total.estimate).toBe(-20);
    expect(time.total.se).toBeCloseTo(Math.sqrt(115), 12);
    // the paper's example with areas of different sizes (ptools' test, to its 1e-8)
    const area = wdd(
      {
        treated: { before: 207, after: 110 },
        control: { before: 308, after: 318 },
        buffer: { before: 178, after: 157 },
        bufferControl: { before: 150, after: 140 },
      },
      { area: { control: 0.9, treated: 1.2, bufferControl: 1.6, buffer: 1.5 } },
    );
    expect(area.total.estimate).toBeCloseTo(-99.69444444, 7);
    expect(area.total.se).toBeCloseTo(35.4280755, 7);
    expect(area.total.z!).toBeCloseTo(-2.813995483, 8);
    expect(area.total.low).toBeCloseTo(-169.1321965, 7);
    expect(area.total.high).toBeCloseTo(-30.25669241, 7);
  });

  it('counts a control with no incidents as zero, and tests nothing when all are zero', () => {
    const zeroControl = wdd({ treated: { before: 30, after: 10 }, control: NONE });
    expect(zeroControl.total.estimate).toBe(-20);
    expect(zeroControl.total.se).toBe(Math.sqrt(40));
    expect(zeroControl.total.reading).toBe('reduction');
    const nothing = wdd({ treated: NONE, control: NONE, buffer: NONE, bufferControl: NONE });
    expect(nothing.total).toMatchObject({ estimate: 0, se: 0, z: null, p: null });
    expect(nothing.total.reading).toBe('no_clear_change');
  });
});

const NONE = { before: 0, after: 0 };

describe('the weighted displacement quotient', () => {
  it('gives −1 on the hand-checked case: the ring took back exactly what was prevented', () => {
    // success = 50/100 − 100/100 = −0.5; buffer = 150/100 − 100/100 = +0.5; WDQ = 0.5 / −0.5
    const r = wdq({
      treated: { before: 100, after: 50 },
      buffer: { before: 100, after: 150 },
      control: { before: 100, after: 100 },
    });
    expect(r).toEqual({
      success: -0.5,
      bufferMeasure: 0.5,
      wdq: -1,
      totalNetEffect: 0,
      reading: 'displacement_erases',
    });
  });

  it('reads each band of Bowers & Johnson', () => {
    const at = (bufferAfter: number, treatedAfter = 50) =>
      wdq({
        treated: { before: 100, after: treatedAfter },
        buffer: { before: 100, after: bufferAfter },
        control: { before: 100, after: 100 },
      });
    expect(at(120).wdq).toBeCloseTo(-0.4, 12);
    expect(at(120).reading).toBe('displacement');
    expect(at(100)).toMatchObject({ wdq: -0, reading: 'no_displacement' });
    expect(at(80).wdq).toBeCloseTo(0.4, 12);
    expect(at(80).reading).toBe('diffusion');
    expect(at(50)).toMatchObject({ wdq: 1, reading: 'diffusion' });
    expect(at(30).wdq).toBeCloseTo(1.4, 12);
    expect(at(30).reading).toBe('diffusion_exceeds_direct');
    // a quotient a rounding error off −1 is still −1
    const third = wdq({
      treated: { before: 90, after: 60 },
      buffer: { before: 90, after: 120 },
      control: { before: 90, after: 90 },
    });
    expect(third.wdq).toBeCloseTo(-1, 12);
    expect(third.reading).toBe('displacement_erases');
    expect(at(200)).toMatchObject({ wdq: -2, reading: 'displacement_erases' });
    expect(at(200, 120).reading).toBe('no_success');
    expect(at(200, 100)).toMatchObject({ success: 0, wdq: null, reading: 'not_computable' });
  });

  it('weights by the control: a control that halved makes a treated area that held steady a success', () => {
    const r = wdq({
      treated: { before: 40, after: 40 },
      buffer: { before: 40, after: 40 },
      control: { before: 80, after: 40 },
    });
    expect(r.success).toBe(0.5);
    expect(r.reading).toBe('no_success');
    // and the total net effect counts the incidents the control's trend predicted
    expect(r.totalNetEffect).toBe(-40);
  });

  it('cannot be computed when the control had no incidents before or after', () => {
    for (const control of [{ before: 0, after: 10 }, { before: 10, after: 0 }, NONE]) {
      expect(
        wdq({ treated: { before: 10, after: 5 }, buffer: { before: 10, after: 5 }, control }),
      ).toEqual({
        success: null,
        bufferMeasure: null,
        wdq: null,
        totalNetEffect: null,
        reading: 'not_computable',
      });
    }
  });
});
