import { toDuration } from './formatNumber.ts';

/**
 * The one line that exact analysis, pathways and Monte Carlo print for a model with capacity:
 * they have no queues, so no figure of theirs includes a wait for a unit.
 */
export const noQueuesLine =
  'Capacity is not part of these figures: no one waits for a crew, a cubicle or a bed here. Waits, blocking, handover delays and every flow figure come from the discrete-event simulation (carepaths simulate --mode des).';

/** A pathway's or a request's exact time, saying that it leaves waits out: "about 25 minutes without waits". */
export const toTimeWithoutWaits = (minutes: number) => `${toDuration(minutes)} without waits`;
