import { abbreviations } from './toStateLabel.ts';
import { toCount } from './formatNumber.ts';
import type { PlanChange } from '../strategy/types.ts';

const percent = (p: number) => `${Number((p * 100).toFixed(1))}%`;
/** An event as words: BOOK_UTC_SLOT_INSTEAD → “book UTC slot instead”, ADVISE_A_AND_E → “advise A&E”. */
export const toWayText = (event: string) =>
  `“${event
    .replace(/(^|_)A_AND_E(?=_|$)/g, '$1A&E')
    .split(/_+/)
    .map((w) => (abbreviations.has(w) ? w : w.toLowerCase()))
    .join(' ')}”`;

/**
 * A plan's change in plain English, for clinicians and planners: "NHS 111: Health adviser triage:
 * “clinical assessment” now 55% (the other ways scaled to fit)". `label` names a state path.
 */
export function toPlanChangeText(c: PlanChange, label: (path: string) => string): string {
  const why = c.why ? ` Why: ${c.why}` : '';
  switch (c.change) {
    case 'reweight':
      return `${label(c.state)}: ${Object.entries(c.ways)
        .map(([e, p]) => `${toWayText(e)} now ${percent(p)}`)
        .join(', ')}${c.rebalance ? ' (the other ways out scaled to fit)' : ''}.${why}`;
    case 'redirect':
      return `${label(c.state)}: ${toWayText(c.way)} now goes to ${label(c.to)}.${why}`;
    case 'add-way':
      return `${label(c.state)}: a new way out, ${toWayText(c.way)}, to ${label(c.to)} for ${percent(c.p)} of requests${c.rebalance ? ' (the other ways out scaled to make room)' : ''}.${why}`;
    case 'remove-way':
      return `${label(c.state)}: ${toWayText(c.way)} removed${c.rebalance ? ' (the other ways out scaled to fill the gap)' : ''}.${why}`;
    case 'add-service':
      return `New service ${label(c.state)}: ${c.description}${c.capacity ? ` Capacity ${c.capacity.servers} at once.` : ''} Then: ${Object.entries(c.ways)
        .map(([e, w]) => `${toWayText(e)} to ${label(w.to)}${w.p !== undefined ? ` (${percent(w.p)})` : ''}`)
        .join(', ')}.${why}`;
    case 'duration':
      return `${label(c.state)}: ${c.scale !== undefined ? `takes ${percent(c.scale)} of the time it took` : `new duration ${JSON.stringify(c.duration)}`}.${why}`;
    case 'capacity':
      return `${label(c.state)}: ${[c.servers !== undefined ? `${c.servers} at once` : '', c.schedule === null ? 'no hourly schedule' : c.schedule ? `hourly schedule ${Math.min(...c.schedule)} to ${Math.max(...c.schedule)}` : '', c.queue ? `queue ${c.queue === 'fifo' ? 'first come, first served' : 'by priority'}` : ''].filter(Boolean).join(', ')}.${why}`;
    case 'resource':
      return `Resource ${c.label ?? c.state}: ${[
        c.units !== undefined ? `${c.units} units` : '',
        c.schedule === null
          ? 'no schedule'
          : c.schedule
            ? `a new schedule of ${Math.min(...(c.schedule.weekly ?? c.schedule.hourly ?? []))} to ${Math.max(...(c.schedule.weekly ?? c.schedule.hourly ?? []))} units by hour`
            : '',
        c.changes
          ? c.changes
              .map(
                (d) =>
                  `from ${d.from}${d.until ? ` until ${d.until}` : ''} ${d.units !== undefined ? `${d.units} units` : `${percent(d.scale ?? 1)} of the units`}`,
              )
              .join(', ')
          : '',
        c.queue ? `queue ${c.queue === 'fifo' ? 'first come, first served' : 'by priority'}` : '',
      ]
        .filter(Boolean)
        .join(', ')}.${why}`;
    case 'waiting-room':
      return `${label(c.state)}: ${[
        c.places === null ? 'an unlimited waiting room' : c.places !== undefined ? `a waiting room of ${c.places} place${c.places === 1 ? '' : 's'}` : '',
        c.patience === null ? 'no one gives up waiting' : c.patience ? 'a new patience for those waiting' : '',
      ]
        .filter(Boolean)
        .join(', ')}.${why}`;
    case 'uses':
      return `${label(c.state)}: ${
        c.uses === null
          ? 'uses no resource'
          : `uses ${
              typeof c.uses === 'string'
                ? c.uses
                : Object.entries(c.uses)
                    .map(([k, u]) => `${u} of ${k}`)
                    .join(' and ')
            }`
      }.${why}`;
    case 'set':
      return `${label(c.state)}: ${c.way ? `${toWayText(c.way)} ` : ''}${c.field === 'p' ? `now ${percent(c.value)}${c.way ? ' (the other ways out scaled to fit)' : ''}` : `${c.field} set to ${Number(c.value.toPrecision(6))}`}.${why}`;
    case 'demand':
      return `Demand: ${[c.perDay !== undefined ? `${toCount(c.perDay)} requests a day` : '', c.scale !== undefined ? `${percent(c.scale)} of today’s requests` : '', c.hourly ? 'a new hourly profile' : ''].filter(Boolean).join(', ')}.${why}`;
  }
}
