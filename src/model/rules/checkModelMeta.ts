import type { Rule } from './types.ts';
import type { Diagnostic } from '../types.ts';

/** The model's own annotations: a title and description, and a demand that makes sense. */
export const checkModelMeta: Rule = ({ modelId, states }) => {
  const meta = states[0]?.meta ?? {};
  const out: Diagnostic[] = [];
  const problem = (message: string, hint: string, severity: Diagnostic['severity'] = 'error') =>
    out.push({ code: 'model-meta', severity, path: modelId, message, hint });
  if (typeof meta.title !== 'string' || !meta.title) problem('The model has no title.', "Add meta: { title: '…' } to the root of the model.", 'warning');
  if (typeof meta.description !== 'string' || !meta.description)
    problem('The model has no description.', "Add meta: { description: '…' } to the root: a sentence on what the model covers.", 'warning');
  const demand = meta.demand as { perDay?: unknown; hourly?: unknown } | undefined;
  if (demand !== undefined) {
    if (typeof demand.perDay !== 'number' || !(demand.perDay >= 0))
      problem(`Demand per day must be a number, zero or more (it is ${JSON.stringify(demand.perDay)}).`, 'Write meta: { demand: { perDay: 1200 } }.');
    const hourly = demand.hourly;
    if (
      hourly !== undefined &&
      (!Array.isArray(hourly) || hourly.length !== 24 || !hourly.every((h) => typeof h === 'number' && h >= 0) || !hourly.some((h) => h > 0))
    ) {
      problem(
        'The hourly demand profile must list 24 numbers, zero or more and not all zero, one for each hour from midnight.',
        'Give relative demand per hour; only its shape matters.',
      );
    }
  }
  for (const key of ['agencies', 'functions'] as const) {
    const list = meta[key];
    if (list !== undefined && (!Array.isArray(list) || !list.every((x) => typeof x?.id === 'string' && typeof x?.label === 'string'))) {
      problem(`meta.${key} must be a list of { id, label${key === 'functions' ? ', description' : ''} }.`, `Fix meta.${key} on the model, or leave it out.`);
    }
  }
  const agencies = Array.isArray(meta.agencies) ? meta.agencies : [];
  for (const a of agencies as { id?: unknown; aliases?: unknown }[])
    if (a?.aliases !== undefined && !(Array.isArray(a.aliases) && a.aliases.every((x) => typeof x === 'string' && x.trim() !== '')))
      problem(`meta.agencies: the aliases of ${JSON.stringify(a.id)} must be a list of names.`, "Write aliases: ['A&E', 'ED'].");
  return out;
};
