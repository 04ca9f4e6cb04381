/** What a model says about one of its numbers that is an assumption: its plausible range and why. */
export interface AssumptionNote {
  /** The lowest and highest values thought plausible, in the number's own unit. */
  range?: [number, number];
  /** Why the number is what it is, and why the range. */
  reason?: string;
}

/**
 * A number in the model marked as an assumption (`meta.assumptions` on the root, a state or a way
 * out, keyed by the field inside that `meta`: `'duration.median'`, `'p'`, `'demand.perDay'`,
 * `'resources.crews.units'`).
 */
export interface Assumption {
  /** `state`, then the way out's event when there is one, then the field: `city.ed.majors duration.median`. */
  id: string;
  /** The state path whose meta holds the number (the model id for the root). */
  state: string;
  /** The event of the way out whose meta holds it, for a probability. */
  way?: string;
  /** The field inside that meta, dotted. */
  field: string;
  /** The number as the model gives it; undefined when the field does not hold a number. */
  value: number | undefined;
  range?: [number, number];
  /** True when a range is given but is not two numbers, the lower first. */
  badRange?: boolean;
  reason?: string;
}

/** An assumption's id: the state, the way out's event when there is one, and the field (`city.ed.majors ADMIT p`). */
export const toAssumptionId = (state: string, way: string | undefined, field: string) => [state, way, field].filter(Boolean).join(' ');

/** True for an assumption on a way out's probability (set together with the state's other ways). */
export const isProbabilityAssumption = <A extends Pick<Assumption, 'way' | 'field'>>(a: A): a is A & { way: string } => a.way !== undefined && a.field === 'p';

type Node = { states?: Record<string, Node>; on?: Record<string, unknown>; meta?: Record<string, unknown> };

/** Reads a dotted field (`duration.median`) inside an object; undefined when any step is missing. */
export function getField(o: unknown, field: string): unknown {
  let at: unknown = o;
  for (const key of field.split('.')) {
    if (!at || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** Every assumption a machine config marks, in document order: the root's, then each state's and its ways out. */
export function getAssumptions(config: Record<string, unknown>): Assumption[] {
  const out: Assumption[] = [];
  const read = (meta: Record<string, unknown> | undefined, state: string, way?: string) => {
    const notes = meta?.assumptions;
    if (!notes || typeof notes !== 'object' || Array.isArray(notes)) return;
    for (const [field, note] of Object.entries(notes as Record<string, unknown>)) {
      const n = (note && typeof note === 'object' ? note : {}) as Record<string, unknown>;
      const value = getField(meta, field);
      const range =
        Array.isArray(n.range) && n.range.length === 2 && n.range.every((x) => typeof x === 'number' && Number.isFinite(x)) && n.range[0] <= n.range[1]
          ? (n.range as [number, number])
          : undefined;
      out.push({
        id: toAssumptionId(state, way, field),
        state,
        ...(way ? { way } : {}),
        field,
        value: typeof value === 'number' && Number.isFinite(value) ? value : undefined,
        ...(range ? { range } : {}),
        ...(n.range !== undefined && !range ? { badRange: true } : {}),
        ...(typeof n.reason === 'string' && n.reason.trim() ? { reason: n.reason.trim() } : {}),
      });
    }
  };
  const visit = (node: Node, path: string) => {
    read(node.meta, path);
    for (const [event, value] of Object.entries(node.on ?? {})) {
      if (value && typeof value === 'object' && !Array.isArray(value)) read((value as Node).meta, path, event);
    }
    for (const [key, child] of Object.entries(node.states ?? {})) visit(child, `${path}.${key}`);
  };
  visit(config as Node, String(config.id ?? '(machine)'));
  return out;
}
