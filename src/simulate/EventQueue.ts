import { growArray } from './growArray.ts';

/**
 * The simulation's future events: a 4-ary heap by time (shallower than a binary heap, so fewer
 * moves), ties in the order pushed, so that a run is reproducible. Each event is a type (0 to 7)
 * and a request, packed into one integer. Each event's time and push order sit side by side in one
 * typed array (`key[2i]`, `key[2i + 1]`), so a step down the heap reads one stretch of memory;
 * the arrays grow as needed.
 */
export class EventQueue {
  private key = new Float64Array(2048);
  private code = new Int32Array(1024);
  private length = 0;
  private pushed = 0;

  get size(): number {
    return this.length;
  }

  /** Adds an event; `request` is -1 or more (below 2^28), `type` 0 to 7. */
  push(time: number, type: number, request: number): void {
    if (this.length === this.code.length) this.grow();
    this.siftUp(this.length++, time, this.pushed++, ((request + 1) << 3) | type);
  }

  peekTime(): number {
    return this.key[0]!;
  }

  peekType(): number {
    return this.code[0]! & 7;
  }

  /**
   * Removes the earliest event and returns its request. Bottom-up: the hole at the top is moved
   * down to a leaf by the earliest child at each level, and the last event is then sifted up from
   * there. The last event almost always belongs near the bottom, so this makes about half the
   * comparisons of sifting it down from the top. Times and push order make a total order, so which
   * event comes out does not depend on how the heap is laid out.
   */
  pop(): number {
    const key = this.key;
    const codes = this.code;
    const request = (codes[0]! >> 3) - 1;
    const last = --this.length;
    if (last === 0) return request;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= last) break;
      // The earliest of up to four children moves up into the hole.
      let child = first;
      let ct = key[2 * first]!;
      const end = first + 4 < last ? first + 4 : last;
      for (let c = first + 1; c < end; c++) {
        const t = key[2 * c]!;
        if (t < ct || (t === ct && key[2 * c + 1]! < key[2 * child + 1]!)) {
          child = c;
          ct = t;
        }
      }
      key[2 * i] = ct;
      key[2 * i + 1] = key[2 * child + 1]!;
      codes[i] = codes[child]!;
      i = child;
    }
    this.siftUp(i, key[2 * last]!, key[2 * last + 1]!, codes[last]!);
    return request;
  }

  /** Places an event at the hole `i`, moving parents down until its place is found. */
  private siftUp(i: number, time: number, order: number, code: number): void {
    const key = this.key;
    const codes = this.code;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = key[2 * parent]!;
      if (pt < time || (pt === time && key[2 * parent + 1]! < order)) break;
      key[2 * i] = pt;
      key[2 * i + 1] = key[2 * parent + 1]!;
      codes[i] = codes[parent]!;
      i = parent;
    }
    key[2 * i] = time;
    key[2 * i + 1] = order;
    codes[i] = code;
  }

  private grow(): void {
    const size = this.code.length * 2;
    this.key = growArray(this.key, 2 * size);
    this.code = growArray(this.code, size);
  }
}
