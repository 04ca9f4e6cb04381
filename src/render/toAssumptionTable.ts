import { toWideStart } from './toFigureHtml.ts';
import type { CareGraph } from '../graph/types.ts';
import type { Assumption } from '../model/getAssumptions.ts';
import { toAssumptionCells } from '../report/fitWriters.ts';
import { escapeXml } from './svg.ts';

/** Every assumption as an HTML table (number, value, range, reason), for the fit page and the report. */
export function toAssumptionTable(graph: CareGraph, assumptions: Assumption[]): string {
  const rows = assumptions.map((a) => {
    const c = toAssumptionCells({ graph }, a);
    return `<tr><th scope="row">${escapeXml(c.label)}</th><td>${escapeXml(c.value)}</td><td>${escapeXml(c.range)}</td><td>${escapeXml(c.reason)}</td></tr>`;
  });
  return `${toWideStart('Every assumption in the model')}<table><thead><tr><th scope="col">Number</th><th scope="col">Value</th><th scope="col">Range</th><th scope="col">Reason</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}
