import type { Measure, MeasureKind } from '../types.ts';
import { clock, clockHoursBeyond, clockShareOver } from './clockMeasures.ts';
import { abandonedShare, resourceShare, turnedAwayShare } from './flowMeasures.ts';
import { endsPerDay } from './endsPerDay.ts';
import { fourHourShare } from './fourHourShare.ts';
import { handoffs } from './handoffs.ts';
import { lengthOfStay } from './lengthOfStay.ts';
import { outcomeShare } from './outcomeShare.ts';
import { perDay } from './perDay.ts';
import { ratio } from './ratio.ts';
import { reachShare } from './reachShare.ts';
import { responseTime } from './responseTime.ts';
import { timeTo } from './timeTo.ts';
import { timeToOutcome } from './timeToOutcome.ts';
import type { MeasureDefinition } from './types.ts';
import { utilisation } from './utilisation.ts';
import { visits } from './visits.ts';
import { wait } from './wait.ts';
import { workload } from './workload.ts';

/** Every kind of measure a strategy can use, in the order the README lists them. */
export const measureDefinitions = [
  outcomeShare,
  reachShare,
  visits,
  handoffs,
  timeToOutcome,
  timeTo,
  workload,
  wait,
  utilisation,
  responseTime,
  fourHourShare,
  clock,
  clockShareOver,
  clockHoursBeyond,
  resourceShare,
  abandonedShare,
  turnedAwayShare,
  perDay,
  lengthOfStay,
  endsPerDay,
  ratio,
] as unknown as readonly MeasureDefinition[];

const byKind = new Map(measureDefinitions.map((d) => [d.kind, d]));

/** The definition of a measure's kind. */
export const getMeasureDefinition = (kind: MeasureKind | Measure['kind']): MeasureDefinition | undefined => byKind.get(kind);
