import { growArray } from './growArray.ts';

/**
 * The simulation's future events: a 4-ary heap by time (shallower than a binary heap, so fewer
 * moves), ties in the order pushed, so that a run is reproducible. Each event is a type (0 to 7)
 * and a request, packed into one integer; times, push order and events are kept in typed arrays
 * that grow as needed.
 */
export class EventQueue {
  private time = new Float64Array(1024);
  private order = new Float64Array(1024);
  private code = new Int32Array(1024);
  private length = 0;
  private pushed = 0;

  get size(): number {
    return this.length;
  }

  /** Adds an event; `request` is -1 or more (below 2^28), `type` 0 to 7. */
  push(time: number, type: number, request: number): void {
    if (this.length === this.time.length) this.grow();
    const order = this.pushed++;
    const times = this.time;
    const orders = this.order;
    const codes = this.code;
    let i = this.length++;
    // Sift up, moving parents down until the new event's place is found.
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = times[parent]!;
      if (pt < time || (pt === time && orders[parent]! < order)) break;
      times[i] = pt;
      orders[i] = orders[parent]!;
      codes[i] = codes[parent]!;
      i = parent;
    }
    times[i] = time;
    orders[i] = order;
    codes[i] = ((request + 1) << 3) | type;
  }

  peekTime(): number {
    return this.time[0]!;
  }

  peekType(): number {
    return this.code[0]! & 7;
  }

  /** Removes the earliest event and returns its request. */
  pop(): number {
    const times = this.time;
    const orders = this.order;
    const codes = this.code;
    const request = (codes[0]! >> 3) - 1;
    const last = --this.length;
    if (last === 0) return request;
    const time = times[last]!;
    const order = orders[last]!;
    const code = codes[last]!;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= last) break;
      // The earliest of up to four children.
      let child = first;
      let ct = times[first]!;
      const end = first + 4 < last ? first + 4 : last;
      for (let c = first + 1; c < end; c++) {
        const t = times[c]!;
        if (t < ct || (t === ct && orders[c]! < orders[child]!)) {
          child = c;
          ct = t;
        }
      }
      if (time < ct || (time === ct && order < orders[child]!)) break;
      times[i] = ct;
      orders[i] = orders[child]!;
      codes[i] = codes[child]!;
      i = child;
    }
    times[i] = time;
    orders[i] = order;
    codes[i] = code;
    return request;
  }

  private grow(): void {
    const size = this.time.length * 2;
    this.time = growArray(this.time, size);
    this.order = growArray(this.order, size);
    this.code = growArray(this.code, size);
  }
}
