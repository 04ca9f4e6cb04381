import type { ModelMeta, OutcomeDeclaration } from './types.ts';

/**
 * Words for the outcome categories urgent care models commonly use, so that a report says "Home
 * with new support" and what it means rather than `home-with-support`. A model's own
 * `meta.outcomes` win; a category with no words at all is shown as its id with spaces.
 */
export const defaultOutcomes: readonly OutcomeDeclaration[] = [
  { id: 'home', label: 'Home', definition: 'The episode ended with the person at home, after any treatment and follow-up, with no new support arranged.' },
  { id: 'home-with-support', label: 'Home with new support', definition: 'The person went home with new care or reablement arranged.' },
  { id: 'self-care', label: 'Self-care at home', definition: 'The need settled with self-care, without a clinician seeing the person.' },
  { id: 'information', label: 'Information only', definition: 'The person wanted information and had it; no care was needed.' },
  {
    id: 'signposted',
    label: 'Signposted elsewhere',
    definition: 'The person was directed to a service the model does not follow (a dentist, social care, the voluntary sector).',
  },
  { id: 'admitted', label: 'Still admitted', definition: 'The episode ends with the person in a hospital bed; the model follows them no further.' },
  { id: 'care-home', label: 'Moved into a care home', definition: 'The person left hospital for a care home place.' },
  { id: 'died', label: 'Died', definition: 'The person died during the episode of care.' },
  {
    id: 'left-without-being-seen',
    label: 'Left without being seen',
    definition: 'The person gave up waiting and left before being seen (the discrete-event simulation only: it needs queues).',
  },
  { id: 'call-abandoned', label: 'Call abandoned', definition: 'The caller hung up before the call was answered (the discrete-event simulation only).' },
];

/** The words for an outcome category: the model's, else the built-in ones, else its id with spaces. */
export function getOutcomeWords(meta: Pick<ModelMeta, 'outcomes'> | undefined, outcome: string): { label: string; definition?: string } {
  const own = Array.isArray(meta?.outcomes) ? meta.outcomes.find((o) => o?.id === outcome) : undefined;
  const found = own ?? defaultOutcomes.find((o) => o.id === outcome);
  if (found) return { label: found.label, definition: found.definition };
  const words = outcome.replace(/[-_]+/g, ' ').trim();
  return { label: words.charAt(0).toUpperCase() + words.slice(1) };
}
