import { parseDocument as parseYaml } from 'yaml';
import type { StrategyProblem } from './types.ts';

/**
 * Parses a strategy or plan file's text: JSON when the name ends in .json, YAML otherwise (YAML
 * reads JSON too). A syntax error comes back as a problem with its line and column.
 */
export function parseDocument(text: string, name: string): { value: unknown } | { problem: StrategyProblem } {
  if (name.toLowerCase().endsWith('.json')) {
    try {
      return { value: JSON.parse(text) };
    } catch (error) {
      return { problem: { at: 'the file', message: `is not valid JSON: ${(error as Error).message}` } };
    }
  }
  const doc = parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const where = error.linePos?.[0] ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : 'the file';
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return {
      problem: { at: where, message: `is not valid YAML: ${message}`, hint: 'Check the indentation and that every "key: value" has a space after the colon.' },
    };
  }
  return { value: doc.toJS() };
}
