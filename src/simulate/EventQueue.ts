import { growArray } from './growArray.ts';

/**
 * The simulation's future events: a binary heap by time, ties in the order pushed, so that a run
 * is reproducible. Each event is a type and a request, kept in typed arrays that grow as needed.
 */
export class EventQueue {
  private time = new Float64Array(1024);
  private order = new Float64Array(1024);
  private type = new Int32Array(1024);
  private request = new Int32Array(1024);
  private length = 0;
  private pushed = 0;

  get size(): number {
    return this.length;
  }

  push(time: number, type: number, request: number): void {
    if (this.length === this.time.length) this.grow();
    const order = this.pushed++;
    let i = this.length++;
    // Sift up, moving parents down until the new event's place is found.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = this.time[parent]!;
      if (pt < time || (pt === time && this.order[parent]! < order)) break;
      this.move(parent, i);
      i = parent;
    }
    this.time[i] = time;
    this.order[i] = order;
    this.type[i] = type;
    this.request[i] = request;
  }

  peekTime(): number {
    return this.time[0]!;
  }

  peekType(): number {
    return this.type[0]!;
  }

  /** Removes the earliest event and returns its request. */
  pop(): number {
    const request = this.request[0]!;
    const last = --this.length;
    if (last === 0) return request;
    const time = this.time[last]!;
    const order = this.order[last]!;
    const type = this.type[last]!;
    const req = this.request[last]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= last) break;
      const r = l + 1;
      const child = r < last && (this.time[r]! < this.time[l]! || (this.time[r] === this.time[l] && this.order[r]! < this.order[l]!)) ? r : l;
      const ct = this.time[child]!;
      if (time < ct || (time === ct && order < this.order[child]!)) break;
      this.move(child, i);
      i = child;
    }
    this.time[i] = time;
    this.order[i] = order;
    this.type[i] = type;
    this.request[i] = req;
    return request;
  }

  private move(from: number, to: number): void {
    this.time[to] = this.time[from]!;
    this.order[to] = this.order[from]!;
    this.type[to] = this.type[from]!;
    this.request[to] = this.request[from]!;
  }

  private grow(): void {
    const size = this.time.length * 2;
    this.time = growArray(this.time, size);
    this.order = growArray(this.order, size);
    this.type = growArray(this.type, size);
    this.request = growArray(this.request, size);
  }
}
