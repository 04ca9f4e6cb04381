import { getMeasureUnit, readMeasure, toTargetValue } from './measureCatalogue.ts';
import { createFieldReader, type FieldReader } from './readFields.ts';
import type { Objective, Strategy, StrategyProblem, StrategySimulation } from './types.ts';

export const defaultStrategySimulation: StrategySimulation = { requests: 20_000, replications: 5, days: 28, warmup: 30, seed: 1 };

/** Simulation settings (`simulation:` in a strategy or an observed-figures file), the defaults filled in. */
export function readSimulation(r: FieldReader, value: unknown): StrategySimulation {
  const simulation = { ...defaultStrategySimulation };
  if (value === undefined) return simulation;
  const s = r.object(value, 'simulation');
  if (!s) return simulation;
  r.onlyKeys(s, Object.keys(defaultStrategySimulation), 'simulation');
  for (const key of Object.keys(defaultStrategySimulation) as (keyof StrategySimulation)[]) {
    if (s[key] === undefined) continue;
    const n = r.number(s, key, 'simulation', { whole: true, min: key === 'warmup' || key === 'seed' ? 0 : key === 'replications' ? 2 : 1 });
    if (n !== undefined) simulation[key] = n;
  }
  return simulation;
}

/**
 * Reads a strategy from a parsed document: a title, a description, objectives (each a measure
 * from the catalogue, a direction and a target) and optional simulation settings. Every problem
 * is reported, each with where it is in the file.
 */
export function readStrategy(value: unknown): { strategy?: Strategy; problems: StrategyProblem[] } {
  const r = createFieldReader();
  const o = r.object(value, '');
  if (!o) return { problems: r.problems };
  r.onlyKeys(o, ['title', 'description', 'objectives', 'simulation'], '');
  const title = r.text(o, 'title', '');
  const description = r.text(o, 'description', '', false) ?? '';
  const objectives: Objective[] = [];
  const seen = new Set<string>();
  const list = r.list(o, 'objectives', '');
  if (list && list.length === 0) r.problem('objectives', 'is empty.', 'Give at least one objective: id, title, measure, direction and target.');
  list?.forEach((item, i) => {
    const at = `objectives[${i + 1}]`;
    const obj = r.object(item, at);
    if (!obj) return;
    r.onlyKeys(obj, ['id', 'title', 'measure', 'direction', 'target'], at);
    const id = r.text(obj, 'id', at);
    if (id && !/^[a-z0-9][a-z0-9-]*$/.test(id))
      r.problem(`${at}.id`, `"${id}" should be short lower-case words joined by hyphens, such as fewer-ed-attendances.`);
    if (id && seen.has(id))
      r.problem(`${at}.id`, `"${id}" is used by an earlier objective too.`, 'Give each objective its own id; plans name them in "supports".');
    if (id) seen.add(id);
    const objectiveTitle = r.text(obj, 'title', at);
    const measure =
      obj.measure === undefined
        ? (r.problem(`${at}.measure`, 'is missing.', 'Add measure: { kind: …, … } from the catalogue in the README.'), undefined)
        : readMeasure(r, obj.measure, `${at}.measure`);
    const direction = r.text(obj, 'direction', at);
    if (direction && direction !== 'at-most' && direction !== 'at-least')
      r.problem(`${at}.direction`, `"${direction}" is not a direction.`, 'Use at-most (lower is better) or at-least (higher is better).');
    let target: number | undefined;
    if (measure) {
      const t = toTargetValue(obj.target, getMeasureUnit(measure));
      if (typeof t === 'string') r.problem(`${at}.target`, t);
      else target = t;
    }
    if (id && objectiveTitle && measure && (direction === 'at-most' || direction === 'at-least') && target !== undefined) {
      objectives.push({ id, title: objectiveTitle, measure, direction, target });
    }
  });
  const simulation = readSimulation(r, o.simulation);
  if (r.problems.length || !title) return { problems: r.problems };
  return { strategy: { title, description, objectives, simulation }, problems: [] };
}
