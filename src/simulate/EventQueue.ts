/**
 * The simulation's future events: a binary heap by time, ties in the order pushed, so that a run
 * is reproducible. Each event is a type and a request, in flat arrays.
 */
export class EventQueue {
  private time: number[] = [];
  private order: number[] = [];
  private type: number[] = [];
  private request: number[] = [];
  private pushed = 0;

  get size(): number {
    return this.time.length;
  }

  push(time: number, type: number, request: number): void {
    let i = this.time.length;
    this.time.push(time);
    this.order.push(this.pushed++);
    this.type.push(type);
    this.request.push(request);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
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
    const last = this.time.length - 1;
    this.swap(0, last);
    this.time.pop();
    this.order.pop();
    this.type.pop();
    this.request.pop();
    let i = 0;
    const n = this.time.length;
    for (;;) {
      const l = 2 * i + 1;
      let m = i;
      if (l < n && this.before(l, m)) m = l;
      if (l + 1 < n && this.before(l + 1, m)) m = l + 1;
      if (m === i) return request;
      this.swap(i, m);
      i = m;
    }
  }

  private before(a: number, b: number): boolean {
    return this.time[a]! < this.time[b]! || (this.time[a] === this.time[b] && this.order[a]! < this.order[b]!);
  }

  private swap(a: number, b: number): void {
    const { time, order, type, request } = this;
    [time[a], time[b]] = [time[b]!, time[a]!];
    [order[a], order[b]] = [order[b]!, order[a]!];
    [type[a], type[b]] = [type[b]!, type[a]!];
    [request[a], request[b]] = [request[b]!, request[a]!];
  }
}
