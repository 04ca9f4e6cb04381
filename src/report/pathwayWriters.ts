import type { Pathway } from '../pathways/types.ts';
import { toCount, toPercent } from './formatNumber.ts';
import { escapeMarkdown as escapeText } from './escapeMarkdown.ts';
import { noQueuesLine, toTimeWithoutWaits } from './noQueuesLine.ts';
import { toCsvRow } from './toCsv.ts';
import { toNarrative, toTotalSentence, type PathwayListing, type PathwayListingEnd, type PathwayWriter } from './pathwayListing.ts';

const agencyChain = (p: Pathway, l: PathwayListing) => p.agencies.map(l.agencyLabel).join(' → ');
const cutShort = (l: PathwayListing, end: PathwayListingEnd) =>
  l.order === 'probability'
    ? `The search for the most likely pathways stopped at its limit after ${toCount(end.listed)}.`
    : `Stopped after ${toCount(end.listed)} pathways (--limit): there are more.`;

/** Plain text for a terminal: a numbered list in plain English. */
export const textPathwayWriter: PathwayWriter = {
  head: (l) =>
    [
      `Pathways through "${l.title}" (model ${l.model})`,
      toTotalSentence(l),
      ...(l.capacity ? ['Times are the time of each step, without waits. ' + noQueuesLine] : []),
      l.order === 'probability' ? 'The most likely, most likely first:' : 'In the order found:',
      '',
    ].join('\n') + '\n',
  row: (p, l) =>
    `${String(p.rank).padStart(3)}. ${toPercent(p.probability)} of requests · ${toTimeWithoutWaits(p.expectedMinutes)} · ${agencyChain(p, l)}\n` +
    `     ${toNarrative(p, l)}\n\n`,
  tail: (l, end) =>
    [`These ${toCount(end.listed)} pathways account for ${toPercent(end.coverage)} of requests.`, ...(end.complete ? [] : [cutShort(l, end)])].join('\n') +
    '\n',
};

/** Markdown for people: each pathway a short section in plain English. */
export const markdownPathwayWriter: PathwayWriter = {
  head: (l) =>
    [
      `# Pathways through ${escapeText(l.title)}`,
      '',
      toTotalSentence(l),
      ...(l.capacity ? ['', escapeText('Times are the time of each step, without waits. ' + noQueuesLine), ''] : []),
      l.order === 'probability' ? 'The most likely are listed first.' : 'They are listed in the order found.',
      '',
      '',
    ].join('\n'),
  row: (p, l) =>
    [
      `## ${p.rank}. ${toPercent(p.probability)} of requests, ${toTimeWithoutWaits(p.expectedMinutes)}`,
      '',
      `${escapeText(agencyChain(p, l))} · ${p.handoffs === 1 ? '1 handoff' : `${p.handoffs} handoffs`} · outcome: ${escapeText(l.outcomeLabel(p.outcome))}`,
      '',
      escapeText(toNarrative(p, l)),
      '',
      '',
    ].join('\n'),
  tail: (l, end) => `These ${toCount(end.listed)} pathways account for ${toPercent(end.coverage)} of requests.${end.complete ? '' : ` ${cutShort(l, end)}`}\n`,
};

/** CSV for scripts: one row a pathway, states joined by " > ", RFC 4180 quoting. */
export const csvPathwayWriter: PathwayWriter = {
  head: () => toCsvRow(['rank', 'probability', 'expectedMinutes', 'handoffs', 'outcome', 'agencies', 'functions', 'events', 'states']),
  row: (p) =>
    toCsvRow([
      p.rank,
      p.probability,
      p.expectedMinutes,
      p.handoffs,
      p.outcome,
      p.agencies.join(' > '),
      p.functions.join(' > '),
      p.events.join(' > '),
      p.states.join(' > '),
    ]),
  tail: () => '',
};

/** JSON for scripts, streamed one pathway a line; `total` is the exact count as a decimal string. */
export const jsonPathwayWriter: PathwayWriter = {
  head: (l) =>
    [
      '{',
      `  "model": ${JSON.stringify(l.model)},`,
      `  "title": ${JSON.stringify(l.title)},`,
      `  "total": ${l.total.exact ? JSON.stringify(l.total.total.toString()) : 'null'},`,
      ...(l.total.exact ? [] : [`  "totalNote": ${JSON.stringify(l.total.reason)},`]),
      `  "maxRevisits": ${l.maxRevisits},`,
      `  "order": ${JSON.stringify(l.order)},`,
      '  "pathways": [',
    ].join('\n') + '\n',
  row: (p) =>
    `${p.rank > 1 ? ',\n' : ''}    ${JSON.stringify({ rank: p.rank, probability: p.probability, expectedMinutes: p.expectedMinutes, states: p.states, ...(p.contexts ? { contexts: p.contexts } : {}), events: p.events, agencies: p.agencies, handoffs: p.handoffs, functions: p.functions, outcome: p.outcome })}`,
  tail: (_l, end) => `${end.listed ? '\n' : ''}  ],\n  "listed": ${end.listed},\n  "coverage": ${end.coverage},\n  "complete": ${end.complete}\n}\n`,
};
