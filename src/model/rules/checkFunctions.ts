import { defaultFunctions } from '../functions.ts';
import type { Rule } from './types.ts';
import type { Diagnostic } from '../types.ts';

/** Every non-final atomic state performs a function from the model's list (or the default list). */
export const checkFunctions: Rule = ({ states, graph }) => {
  const out: Diagnostic[] = [];
  const known = (graph?.functions ?? defaultFunctions).map((f) => f.id);
  for (const s of states) {
    const fn = s.meta.function;
    if (s.type === 'atomic' && fn === undefined) {
      out.push({
        code: 'missing-function',
        severity: 'error',
        path: s.path,
        message: 'This state does not say which function it performs.',
        hint: `Add meta: { function: '…' } with one of ${known.join(', ')}.`,
      });
    } else if (fn !== undefined && !known.includes(String(fn))) {
      out.push({
        code: 'unknown-function',
        severity: 'error',
        path: s.path,
        message: `The function "${String(fn)}" is not one the model knows.`,
        hint: `Use one of ${known.join(', ')}${graph?.meta.functions ? ', or add it to meta.functions on the model' : ', or declare your own list in meta.functions on the model'}.`,
      });
    }
  }
  return out;
};
