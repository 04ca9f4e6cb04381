import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/simulate/EventQueue.ts';

describe("the simulation's event queue", () => {
  it('gives events back earliest first, ties in the order pushed, whatever the pushes and pops', () => {
    // A push: a time from a few values (so that ties are common), a type and a request; false: a pop.
    const push = fc.record({
      time: fc.integer({ min: 0, max: 12 }).map((t) => t / 4),
      type: fc.integer({ min: 0, max: 7 }),
      request: fc.integer({ min: -1, max: 5000 }),
    });
    fc.assert(
      fc.property(fc.array(fc.oneof(push, push, fc.constant(false)), { maxLength: 600 }), (steps) => {
        const queue = new EventQueue();
        // The reference: a list kept in order by time, then push order.
        const reference: { time: number; order: number; type: number; request: number }[] = [];
        let pushed = 0;
        const popOne = () => {
          const expected = reference.shift()!;
          expect(queue.peekTime()).toBe(expected.time);
          expect(queue.peekType()).toBe(expected.type);
          expect(queue.pop()).toBe(expected.request);
        };
        for (const step of steps) {
          if (step === false) {
            if (reference.length) popOne();
            continue;
          }
          queue.push(step.time, step.type, step.request);
          const entry = { ...step, order: pushed++ };
          const at = reference.findIndex((e) => e.time > entry.time);
          reference.splice(at < 0 ? reference.length : at, 0, entry);
          expect(queue.size).toBe(reference.length);
        }
        while (reference.length) popOne();
        expect(queue.size).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('grows past its first size and still gives every event back in order', () => {
    const queue = new EventQueue();
    // 5,000 times in a scrambled order, many repeated.
    const times = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 1500);
    times.forEach((t, i) => queue.push(t, i % 8, i));
    const out: number[] = [];
    while (queue.size) out.push(queue.pop());
    const expected = times
      .map((t, i) => ({ t, i }))
      .sort((a, b) => a.t - b.t || a.i - b.i)
      .map((e) => e.i);
    expect(out).toEqual(expected);
  });
});
