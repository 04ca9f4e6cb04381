import type { FunctionRow } from '../analysis/types.ts';
import { toInEvery } from './formatNumber.ts';

/** How each default function reads in a sentence about requests: "… requests are assessed …". */
const phrases: Record<string, string> = {
  'recognise-need': 'try self-care',
  'seek-help': 'choose where to seek help',
  receive: 'have a request taken',
  assess: 'are assessed',
  advise: 'are given advice',
  book: 'are booked or referred on',
  dispatch: 'have a response sent',
  treat: 'are treated in the community',
  convey: 'are conveyed',
  handover: 'are handed over',
  'emergency-treatment': 'have emergency treatment',
  admit: 'are admitted',
  discharge: 'are discharged',
  'follow-up': 'are followed up',
};

/**
 * A function in plain English, for example: "Assess or triage is done by GP practice (31 in every
 * 100 requests), NHS 111 (27 in every 100) and … 88 in every 100 requests are assessed at least
 * once, and 30 in every 100 more than once (again later, or by a second agency)."
 */
export function toFunctionSummary(row: FunctionRow): string {
  const who = row.agencies.map((cell, i) => `${toMidSentence(cell.label)} (${share(cell.shareOfRequests, i === 0)})`);
  const list = who.length > 1 ? `${who.slice(0, -1).join(', ')} and ${who[who.length - 1]}` : who[0];
  const verb = phrases[row.function] ?? `meet "${row.label}"`;
  const again = row.shareMoreThanOnce > 0 ? `, and ${toInEvery(row.shareMoreThanOnce)} more than once (again later, or by a second agency)` : '';
  const everyone = Math.round(row.shareOfRequests * 100) === 100;
  return `${row.label} is done by ${list}. ${everyone ? 'All' : capitalise(toInEvery(row.shareOfRequests))} requests ${verb}${everyone ? '' : ' at least once'}${again}.`;
}

const share = (p: number, first: boolean) => (Math.round(p * 100) === 100 ? 'all requests' : `${toInEvery(p)}${first ? ' requests' : ''}`);
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A label inside a sentence: "Emergency department" becomes "emergency department"; "NHS 111" and "GP practice" stay. */
export const toMidSentence = (label: string): string => (/^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label);
