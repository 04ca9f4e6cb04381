import type { CareNode } from '../graph/types.ts';

/**
 * A short plain-English name for a state, from its key: "seeAndTreat" → "See and treat",
 * "category1Response" → "Category 1 response". Context values follow in brackets.
 */
export function toStateLabel(node: CareNode): string {
  const names = node.states.map((path) => humanise(path.split('.').pop() ?? path));
  const context = node.context
    ? ` (${Object.entries(node.context)
        .map(([k, v]) => `${humanise(k).toLowerCase()} ${v}`)
        .join(', ')})`
    : '';
  return names.join(' + ') + context;
}

/** Abbreviations clinicians write in capitals, kept so in labels: "bookUtc" → "Book UTC". */
export const abbreviations: ReadonlySet<string> = new Set(['A&E', 'ED', 'GP', 'NHS', 'UTC', 'SDEC', 'OOH', 'UCR', 'ICU', 'HDU', 'CAS']);

/** A state key or event in plain words: "seeAndTreat" → "See and treat", "bookUtc" → "Book UTC", "CALL_111" → "CALL 111". */
export function humanise(key: string): string {
  const words = key
    .replace(/_+$/, '')
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .trim()
    .split(/\s+/)
    .map((w, i) =>
      /^[A-Z]{2,}/.test(w)
        ? w
        : abbreviations.has(w.toUpperCase())
          ? w.toUpperCase()
          : i === 0
            ? w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()
            : w.toLowerCase(),
    );
  return words.join(' ');
}
