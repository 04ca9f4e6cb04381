import { getAssumptions } from '../getAssumptions.ts';
import type { Diagnostic } from '../types.ts';
import type { Rule } from './types.ts';

const where = (a: { way?: string; field: string }) => (a.way ? `The probability of the way out on "${a.way}"` : `The assumption on ${a.field}`);

/**
 * Numbers marked as assumptions (`meta.assumptions`) point at a number, and give a plausible range
 * and a reason: the range is what sensitivity analysis and calibration move the number over.
 */
export const checkAssumptions: Rule = ({ config }) => {
  if (!config) return [];
  const out: Diagnostic[] = [];
  for (const a of getAssumptions(config)) {
    const d = (code: string, severity: 'error' | 'warning', message: string, hint: string) => out.push({ code, severity, path: a.state, message, hint });
    if (a.value === undefined) {
      d(
        'assumption-not-a-number',
        'error',
        `meta.assumptions names "${a.field}"${a.way ? ` on the way out "${a.way}"` : ''}, which is not a number in this meta.`,
        "Name the number's field inside the same meta, dotted: 'duration.median', 'p', 'demand.perDay', 'resources.crews.units'.",
      );
      continue;
    }
    if (a.badRange)
      d(
        'assumption-range-invalid',
        'error',
        `${where(a)} has a range that is not two numbers, the lower first.`,
        'Write range: [low, high], for example range: [20, 40].',
      );
    else if (!a.range)
      d(
        'assumption-without-range',
        'warning',
        `${where(a)} (${a.field} = ${a.value}) has no plausible range, so sensitivity analysis and calibration cannot move it.`,
        'Add range: [low, high]: the values you would not be surprised to see in a real place.',
      );
    else if (a.value < a.range[0] || a.value > a.range[1])
      d(
        'assumption-outside-range',
        'warning',
        `${where(a)} is ${a.value}, outside its own range ${a.range[0]} to ${a.range[1]}.`,
        'Widen the range, or change the number to one inside it.',
      );
    if (!a.reason)
      d(
        'assumption-without-reason',
        'warning',
        `${where(a)} (${a.field} = ${a.value}) gives no reason.`,
        "Add reason: '…': why this number, and why the range (what it was reasoned from).",
      );
  }
  return out;
};
