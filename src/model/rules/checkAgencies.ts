import type { Rule } from './types.ts';
import type { Diagnostic } from '../types.ts';

/** Every atomic state, final ones included, resolves an agency; declared agency lists are honoured. */
export const checkAgencies: Rule = ({ states, graph }) => {
  const out: Diagnostic[] = [];
  const declared = graph?.meta.agencies?.map((a) => a.id);
  for (const s of states) {
    if ((s.type === 'atomic' || s.type === 'final') && !s.agency) {
      out.push({
        code: 'missing-agency',
        severity: 'error',
        path: s.path,
        message: 'No agency is responsible for this state: neither it nor any state around it has meta.agency.',
        hint: "Add meta: { agency: '…' } to this state or, usually better, to the agency's compound state around it.",
      });
    }
    const own = s.meta.agency;
    if (own !== undefined && declared && !declared.includes(String(own))) {
      out.push({
        code: 'unknown-agency',
        severity: 'error',
        path: s.path,
        message: `The agency "${String(own)}" is not in the model's list of agencies.`,
        hint: `Use one of ${declared.join(', ')}, or add it to meta.agencies on the model.`,
      });
    }
  }
  return out;
};
