import type { CareGraph } from '../graph/types.ts';
import type { StateSelector } from '../strategy/types.ts';
import { abbreviations, humanise } from './toStateLabel.ts';

/** A state path as a clinician reads it: "Emergency department: triage", or the agency's name for an agency's own state. */
export function toPathLabel(graph: CareGraph, statePath: string): string {
  const info = graph.stateInfo.find((s) => s.path === statePath);
  const agency = graph.agencies.find((a) => a.id === info?.agency);
  const name = humanise(statePath.split('.').pop() ?? statePath);
  const lower = abbreviations.has(name.split(' ')[0]!) ? name : `${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  return agency && info?.type !== 'compound' ? `${agency.label}: ${lower}` : agency ? agency.label : name;
}

/** What a measure's selector picks, in words: states, agencies, functions or outcomes, joined with "or". */
export function toSelectorLabel(graph: CareGraph, s: StateSelector): string {
  const list = (x: string | string[], f: (id: string) => string) => {
    const names = (Array.isArray(x) ? x : [x]).map(f);
    return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0]!;
  };
  if (s.state) return list(s.state, (p) => toPathLabel(graph, p));
  if (s.agency) return list(s.agency, (id) => graph.agencies.find((a) => a.id === id)?.label ?? id);
  if (s.function) return list(s.function, (id) => `“${graph.functions.find((f) => f.id === id)?.label.toLowerCase() ?? id}”`);
  return `${list(s.outcome!, (o) => `“${o}”`)} outcome`;
}
