import { compileCareGraph } from '../src/graph/compileCareGraph.ts';
import { toCareMachine } from '../src/model/defineCareModel.ts';

/**
 * The handover case, the same as bench/simpy_handover.py: 0.7 calls a minute; 30 crews held
 * through travel, on scene and conveyance (exponential, mean 10 each); the patient waits with the
 * crew for one of 20 ED bays, which it holds through treatment (exponential, mean 25).
 */
export function toHandoverGraph(compile: typeof compileCareGraph = compileCareGraph) {
  const exp = (mean: number) => ({ dist: 'exponential' as const, mean });
  return compile(
    toCareMachine({
      id: 'h',
      meta: {
        title: 'Handover',
        description: 'Crews held until a bay is free.',
        demand: { perDay: 0.7 * 1440 },
        resources: { crews: { label: 'Crews', units: 30 }, bays: { label: 'ED bays', units: 20 } },
        clocks: [{ id: 'handover', label: 'Handover delay', from: 'h.job.atHospital', to: 'h.ed' }],
      },
      initial: 'call',
      states: {
        call: { meta: { agency: 'ambulance', function: 'receive' }, on: { SEND: 'job' } },
        job: {
          meta: { agency: 'ambulance', uses: 'crews' },
          initial: 'travel',
          states: {
            travel: { meta: { function: 'dispatch', duration: exp(10) }, on: { ARRIVE: 'onScene' } },
            onScene: { meta: { function: 'assess', duration: exp(10) }, on: { CONVEY: 'conveyance' } },
            conveyance: { meta: { function: 'convey', duration: exp(10) }, on: { AT_HOSPITAL: 'atHospital' } },
            atHospital: { meta: { function: 'handover' }, on: { HANDOVER: '#h.ed' } },
          },
        },
        ed: {
          id: 'h.ed',
          meta: { agency: 'ed', uses: 'bays', waitingRoom: 0 },
          initial: 'treatment',
          states: { treatment: { meta: { function: 'treat', duration: exp(25) }, on: { DONE: '#h.out' } } },
        },
        out: { id: 'h.out', type: 'final', meta: { agency: 'ed', outcome: 'home' } },
      },
    }),
  ).graph!;
}
