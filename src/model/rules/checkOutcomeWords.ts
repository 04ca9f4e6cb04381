import type { Diagnostic } from '../types.ts';
import type { Rule } from './types.ts';

const asList = (x: unknown): unknown[] => (Array.isArray(x) ? x : [x]);
const text = (x: unknown) => typeof x === 'string' && x.trim() !== '';

/**
 * The words a model gives its outcomes (`meta.outcomes`) and what happens on the way
 * (`meta.milestones`): each has an id, a label and a definition, ids are not repeated, an outcome
 * named is one the model's final states use, and a milestone selects states the model has.
 */
export const checkOutcomeWords: Rule = ({ modelId, states, graph }) => {
  const out: Diagnostic[] = [];
  const meta = states[0]?.meta ?? {};
  const problem = (code: string, message: string, hint: string, severity: Diagnostic['severity'] = 'error') =>
    out.push({ code, severity, path: modelId, message, hint });
  const used = new Set(states.filter((s) => s.type === 'final' && s.meta.outcome !== undefined).map((s) => String(s.meta.outcome)));
  const words = (key: 'outcomes' | 'milestones', example: string, each: (item: Record<string, unknown>, at: string) => void) => {
    const list = meta[key];
    if (list === undefined) return;
    if (!Array.isArray(list)) return problem(`invalid-${key}`, `meta.${key} must be a list.`, `Write ${key}: [${example}].`);
    const seen = new Set<string>();
    list.forEach((item: Record<string, unknown>, i: number) => {
      const at = `${key}[${i + 1}]${typeof item?.id === 'string' ? ` (${item.id})` : ''}`;
      const bad = (what: string, hint: string) => problem(`invalid-${key}`, `${at}: ${what}.`, hint);
      if (typeof item !== 'object' || item === null) return bad('is not an object', `Write ${example}.`);
      if (!text(item.id)) bad('has no id', 'Give it a short id.');
      else if (seen.has(item.id as string)) bad('has the id of an earlier one', 'Give each its own id.');
      else seen.add(item.id as string);
      if (!text(item.label)) bad('has no label', 'Give the name clinicians use, as it should appear in reports.');
      if (!text(item.definition)) bad('has no definition', 'Say in one line what counts, so that a reader knows what the share means.');
      each(item, at);
    });
  };
  words('outcomes', "{ id: 'home-with-support', label: 'Home with new support', definition: '…' }", (item, at) => {
    if (text(item.id) && !used.has(item.id as string))
      problem(
        'unused-outcome-words',
        `${at}: no final state of the model has meta.outcome "${item.id}".`,
        `Outcomes the model uses: ${[...used].join(', ') || 'none'}. Correct the id or remove the entry.`,
        'warning',
      );
  });
  const paths = states.map((s) => s.path);
  const agencies = new Set(graph?.agencies.map((a) => a.id) ?? states.flatMap((s) => (s.agency ? [s.agency] : [])));
  const functions = graph ? new Set(graph.functions.map((f) => f.id)) : undefined;
  words('milestones', "{ id: 'admitted', label: 'Admitted to hospital', definition: '…', state: 'city.acute' }", (item, at) => {
    const keys = (['state', 'agency', 'function', 'outcome'] as const).filter((k) => item[k] !== undefined);
    if (keys.length !== 1)
      return problem(
        'invalid-milestones',
        `${at}: ${keys.length ? `gives ${keys.join(' and ')}` : 'selects no states'}; give exactly one of state, agency, function or outcome.`,
        "Write state: 'city.acute' (or a list), agency: 'ed', function: 'convey' or outcome: 'died'.",
      );
    const key = keys[0]!;
    const known = (name: string) =>
      key === 'state'
        ? paths.some((p) => p === name)
        : key === 'agency'
          ? agencies.has(name)
          : key === 'function'
            ? !functions || functions.has(name)
            : used.has(name);
    const unknown = asList(item[key]).filter((name) => typeof name !== 'string' || !known(name));
    if (unknown.length || !asList(item[key]).length)
      problem(
        'invalid-milestones',
        `${at}: ${key} names ${unknown.map((n) => JSON.stringify(n)).join(', ') || 'nothing'}, not ${key === 'state' ? 'a state' : `an ${key}`} of the model.`,
        key === 'state' ? 'Give a state path such as city.acute, or a list of them.' : `Give one the model uses, or a list of them.`,
      );
  });
  return out;
};
