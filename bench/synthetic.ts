import { toCareMachine } from '../src/model/defineCareModel.ts';

/** Options for the synthetic layered family used by the benchmarks. */
export interface LayeredOptions {
  /** States per layer. */
  width: number;
  /** Layers. */
  layers: number;
  /** Ways out from each state to the next layer (the first `degree` states after it, wrapping round). */
  degree: number;
  /** Add re-contact loops: a way back from each last-layer state to the first state of layer 0. */
  recontact?: boolean;
  /** Add small loops: states pair up within a layer (0 with 1, 2 with 3, …) and may pass to their partner. */
  smallLoops?: boolean;
}

/**
 * A layered care model: a start state, `layers` layers of `width` services, and an outcome.
 * Agencies rotate by layer. Deterministic: the same options always give the same model.
 */
export function createLayeredModel({ width, layers, degree, recontact = false, smallLoops = false }: LayeredOptions) {
  const id = (l: number, w: number) => `l${l}_${w}`;
  const states: Record<string, unknown> = {};
  const ways = (l: number, w: number): [string, unknown][] => {
    const out: [string, number, string][] = [];
    if (l + 1 < layers) for (let d = 0; d < degree; d++) out.push([`TO_${d}`, 1, id(l + 1, (w + d) % width)]);
    else out.push(['FINISH', 1, 'outcome']);
    if (recontact && l === layers - 1) out.push(['RECONTACT', 0.1, id(0, 0)]);
    const partner = w ^ 1;
    if (smallLoops && partner < width) out.push(['REPEAT', 0.05, id(l, partner)]);
    const extra = out.filter(([event]) => event === 'RECONTACT' || event === 'REPEAT').reduce((s, [, p]) => s + p, 0);
    const main = out.length - out.filter(([e]) => e === 'RECONTACT' || e === 'REPEAT').length;
    return out.map(([event, p, target]) => [event, { target, meta: { p: event === 'RECONTACT' || event === 'REPEAT' ? p : (1 - extra) / main } }]);
  };
  for (let l = 0; l < layers; l++) {
    for (let w = 0; w < width; w++) {
      states[id(l, w)] = {
        description: `Service ${w + 1} of step ${l + 1}.`,
        meta: { agency: `agency${l % 7}`, function: 'treat', duration: { dist: 'exponential', mean: 10 + l } },
        on: Object.fromEntries(ways(l, w)),
      };
    }
  }
  states.start = {
    description: 'A request arrives.',
    meta: { agency: 'agency0', function: 'seek-help' },
    on: Object.fromEntries(Array.from({ length: width }, (_, w) => [`ENTER_${w}`, { target: id(0, w), meta: { p: 1 / width } }])),
  };
  states.outcome = { type: 'final', description: 'Done.', meta: { agency: 'agency0', outcome: 'home' } };
  return toCareMachine({
    id: 'layered',
    meta: { title: `Layered ${width}×${layers}, degree ${degree}`, description: 'A synthetic layered model.' },
    initial: 'start',
    states,
  });
}
