import type { Rule } from './types.ts';

/** Clinicians read states through their descriptions, so every atomic state should have one. */
export const checkDescriptions: Rule = ({ states }) =>
  states
    .filter((s) => (s.type === 'atomic' || s.type === 'final') && !s.description)
    .map((s) => ({
      code: 'missing-description',
      severity: 'warning' as const,
      path: s.path,
      message: 'This state has no description, so reports can only show its name.',
      hint: "Add description: '…' with a plain-English sentence a clinician would recognise.",
    }));
