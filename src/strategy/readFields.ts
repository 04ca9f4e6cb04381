import type { StrategyProblem } from './types.ts';

/**
 * Reads fields of a parsed YAML or JSON document, recording a problem (with where it is in the
 * file) for anything missing or of the wrong kind, so that one reading reports every problem.
 */
export interface FieldReader {
  problems: StrategyProblem[];
  problem(at: string, message: string, hint?: string): void;
  object(value: unknown, at: string): Record<string, unknown> | undefined;
  text(o: Record<string, unknown>, key: string, at: string, required?: boolean): string | undefined;
  number(o: Record<string, unknown>, key: string, at: string, check?: { min?: number; max?: number; whole?: boolean }): number | undefined;
  list(o: Record<string, unknown>, key: string, at: string, required?: boolean): unknown[] | undefined;
  /** Reports keys the reader does not know, naming the ones it does. */
  onlyKeys(o: Record<string, unknown>, known: readonly string[], at: string): void;
}

const join = (at: string, key: string) => (at ? `${at}.${key}` : key);
const kindOf = (x: unknown) =>
  x === null ? 'nothing' : Array.isArray(x) ? 'a list' : typeof x === 'object' ? 'a mapping' : typeof x === 'string' ? `the text "${x}"` : String(x);

export function createFieldReader(): FieldReader {
  const problems: StrategyProblem[] = [];
  const problem = (at: string, message: string, hint?: string) => problems.push({ at, message, ...(hint ? { hint } : {}) });
  return {
    problems,
    problem,
    object(value, at) {
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
      problem(at || 'the file', `should be a mapping of names to values, but is ${kindOf(value)}.`);
      return undefined;
    },
    text(o, key, at, required = true) {
      const value = o[key];
      if (value === undefined || value === null) {
        if (required) problem(join(at, key), 'is missing.', `Add ${key}: … to ${at || 'the file'}.`);
        return undefined;
      }
      if (typeof value !== 'string' || !value.trim()) {
        problem(join(at, key), `should be some text, but is ${kindOf(value)}.`);
        return undefined;
      }
      return value.trim();
    },
    number(o, key, at, check = {}) {
      const value = o[key];
      const where = join(at, key);
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        problem(where, value === undefined ? 'is missing.' : `should be a number, but is ${kindOf(value)}.`);
        return undefined;
      }
      if (check.whole && !Number.isInteger(value)) problem(where, `should be a whole number, but is ${value}.`);
      else if (check.min !== undefined && value < check.min) problem(where, `should be ${check.min} or more, but is ${value}.`);
      else if (check.max !== undefined && value > check.max) problem(where, `should be ${check.max} or less, but is ${value}.`);
      else return value;
      return undefined;
    },
    list(o, key, at, required = true) {
      const value = o[key];
      if (value === undefined || value === null) {
        if (required) problem(join(at, key), 'is missing.');
        return required ? undefined : [];
      }
      if (!Array.isArray(value)) {
        problem(join(at, key), `should be a list (lines starting with "- "), but is ${kindOf(value)}.`);
        return undefined;
      }
      return value;
    },
    onlyKeys(o, known, at) {
      for (const key of Object.keys(o)) {
        if (!known.includes(key)) problem(join(at, key), `is not something carepaths reads here.`, `Use one of: ${known.join(', ')}. Check the spelling.`);
      }
    },
  };
}
