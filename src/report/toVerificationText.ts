import type { Verification, VerificationPart } from '../analysis/getVerification.ts';
import { toCount } from './formatNumber.ts';

/** The cross-check against xstate's own graph utilities, in plain English. */
export function toVerificationText(v: Verification, file: string): string {
  const part = (what: string, p: VerificationPart) => {
    if (p.agree) return [`  Agree: ${what}: ${toCount(p.ours)} in both.`];
    const lines = [`  Differ: ${what}: ${toCount(p.ours)} in the care graph, ${toCount(p.reference)} in @xstate/graph.`];
    for (const x of p.missing) lines.push(`    only in @xstate/graph: ${x}`);
    for (const x of p.extra) lines.push(`    only in the care graph: ${x}`);
    return lines;
  };
  return (
    [
      `${file}: the compiled care graph ${v.agree ? 'agrees' : 'does not agree'} with xstate's own graph utilities (@xstate/graph).`,
      '',
      ...part('configurations (active states with context)', v.configurations),
      ...part('ways out (configuration, event, configuration reached)', v.ways),
      ...(v.pathways ? part('simple pathways to an outcome (getSimplePaths)', v.pathways) : [`  Not compared: pathways. ${v.pathwaysNote}`]),
      '',
      v.agree
        ? 'So the configurations, ways out and pathways that carepaths counts, lists, simulates and analyses for this model are the ones xstate itself gives.'
        : 'carepaths and xstate read this model differently. Please report it, with the model, so that it can be put right.',
    ].join('\n') + '\n'
  );
}
