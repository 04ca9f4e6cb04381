/**
 * Urgent and emergency care in a mid-sized English city of about 500,000 people.
 *
 * Every number cites the row of models/SOURCES.md it comes from, as `[figures: section › row]`
 * (demand, NHS 111, ambulance, ED, admission and discharge) or `[flow: section › row]` (beds, the
 * ambulance fleet and handover, medically fit patients, ED spaces, NHS 111 answering), or is a
 * modelling assumption: `assumptions` in the meta beside it gives its plausible range and the
 * reasoning (see `assume` below). `carepaths fit models/city-uec.ts --observed
 * models/city-uec.observed.yaml --sensitivity` shows which of them matter; change those first when
 * you fit the model to a real place. A city of ~500k is ~0.87% of England [figures: Demand › city
 * of ~500k].
 *
 * Capacities (for the discrete-event simulation) are assumptions unless a row is cited: each is sized
 * at about 80–90% of the offered load at the busiest hour that the model itself implies (requests a
 * day × expected visits × mean minutes; the busiest hour carries 1.6 times the average).
 */
import { defineCareModel, type AssumptionNote, type Duration, type TransitionMeta } from 'carepaths/model';

/** A modelling assumption: the plausible range of a number and the reasoning (`meta.assumptions`). */
const assume = (low: number, high: number, reason: string): AssumptionNote => ({ range: [low, high], reason });
/** A way out's probability that is an assumption: its meta, with the range and the reasoning. */
const pAssumed = (p: number, low: number, high: number, reason: string) => ({ p, assumptions: { p: assume(low, high, reason) } });
/** A duration field that is an assumption (`'mean'`, `'median'`, `'value'`), for a state's `meta.assumptions`. */
const timeAssumed = (field: string, low: number, high: number, reason: string) => ({ [`duration.${field}`]: assume(low, high, reason) });

// ---------------------------------------------------------------------------------------------
// Demand: requests for help entering the system each day, by the channel the person chooses.
// ---------------------------------------------------------------------------------------------
const channels = {
  // [figures: Demand › city of ~500k: 209 ambulance incidents a day] less the ~46 a day that start
  // as NHS 111 ambulance dispositions (487 calls × 86% triaged × 11%), which are counted once, in 111.
  call999: 147,
  // [figures: Demand › city of ~500k: 487 NHS 111 calls a day]
  call111: 441,
  // NHS 111 online sessions ending in a disposition: an assumption (see the channel's way out), as
  // the figures give the online disposition mix but not its volume. Roughly a fifth of phone volume.
  online111: 97,
  // Requests to a GP practice for a new urgent problem: an assumption. The figures give ~3,900
  // same-day GP appointments a day for such a city [figures: Demand › GP appointments, same day]
  // (13.6M a month × 0.87% / 30); we take ~15% of them as new urgent problems.
  gpInHours: 728,
  // [figures: Demand › Pharmacy First consultations: 2.21M a year on the clinical pathway (walk-in)]
  // × 0.87% / 365 = 52 a day.
  pharmacyWalkIn: 47,
  // [figures: Demand › city of ~500k: 250 UTC/MIU/walk-in attendances a day] less ~50 booked in by
  // NHS 111 and GPs (the split is an assumption, on the channel's way out).
  utcWalkIn: 197,
  // [figures: Demand › city of ~500k: 390 Type 1 attendances, ~105 by ambulance] leaves 285 arriving
  // on foot, less ~55 sent by NHS 111 and GPs (the split is an assumption, on the channel's way out).
  edWalkIn: 176,
  // People who look up the NHS website first and try self-care: an assumption, not counted anywhere
  // in the figures, because most never contact a service.
  selfCareFirst: 149,
};
const perDay = Object.values(channels).reduce((a, b) => a + b, 0);
const share = (n: number) => n / perDay;
/** A channel's share of requests as an assumption, from a plausible range of requests a day. */
const assumeChannel = (low: number, high: number, reason: string) => ({ p: assume(share(low), share(high), `${reason} (${low}–${high} a day)`) });

// The shape of urgent care demand over the day: low overnight, a peak late morning, a long afternoon
// [flow: Variation › ED by hour of day: peak 10:00–12:00, trough about 04:00, ~9:1]. Only the shape matters.
const hourly = [2.2, 1.8, 1.5, 1.3, 1.2, 1.3, 1.8, 2.9, 4.5, 5.8, 6.3, 6.2, 6.0, 5.8, 5.6, 5.4, 5.3, 5.2, 5.0, 4.7, 4.2, 3.7, 3.1, 2.6];

const DAY = 24 * 60;

// NHS 111 dispositions of triaged calls [figures: NHS 111 › dispositions of triaged calls (MDS
// 2015–17)]: ambulance 10–12.7%, A&E 7.4–9%, primary care 61–63%, other service 4–5%, self-care
// 13–16%. We take 11%, 8%, 62%, 4.5% and 14.5% (they sum to 1).
const dispositions = {
  AMBULANCE: 0.11,
  A_AND_E: 0.08,
  // Most NHS 111 calls come out of GP hours, so we take 35% of primary care dispositions as booked
  // into the caller's GP practice and 65% into the out-of-hours GP service (an assumption, range
  // 25–50%, on the ways out of healthAdviserTriage and clinicalAssessment).
  GP_IN_HOURS: 0.62 * 0.35,
  OUT_OF_HOURS_GP: 0.62 * 0.65,
  // "Other service" (4.5%) split between Pharmacy First 2%, a UTC 1.5% and mental health crisis
  // care 1%: an assumption within the cited 4–5%.
  PHARMACY: 0.02,
  UTC: 0.015,
  MENTAL_HEALTH: 0.01,
  SELF_CARE: 0.145,
};

// Ambulance response outcomes for incidents that get a face-to-face response [figures: Ambulance ›
// response outcome mix (AQI Dec 2022)]: see & treat 32.5%, conveyed to ED 48.8%, conveyed elsewhere
// 4.2%, out of the 85.5% not closed by hear & treat.
const faceToFace = 1 - 0.145;

// ---------------------------------------------------------------------------------------------
// Flow: the resources requests share in the discrete-event simulation, and the clocks it reads.
// Each is sized from models/SOURCES.md ("flow" rows), or is an assumption with a range (`resourceAssumptions`).
// ---------------------------------------------------------------------------------------------
const resources = {
  crews: {
    label: 'Staffed ambulances',
    // [flow: Ambulance fleet › ~24 on duty at a time for ~500k (EEAST ratio, 4.7 per 100,000)], of
    // which ~17 are free to respond: an assumption (range 14–21) that about 30% of on-duty time goes on
    // meal breaks, vehicle checks, restocking, cleaning and returning to base, which the figures do not
    // give. The hourly shape follows demand [flow: Variation › ED by hour of day]: fewer overnight.
    units: 17,
    schedule: { hourly: [13, 12, 12, 11, 11, 11, 13, 15, 18, 20, 21, 21, 21, 21, 21, 21, 21, 21, 20, 19, 17, 16, 15, 14] },
    // The schedule times a scale from the calendar's first day, so that the share of the fleet free
    // to respond can be fitted as one number (see resourceAssumptions): 1.05, set with the fit.
    changes: [{ from: '2025-01-06', scale: 1.05 }],
    queue: 'priority' as const,
    source: 'flow: Ambulance fleet, ~24 on duty at a time',
  },
  responders: {
    label: 'Rapid response cars for category 1 calls',
    // The first resource to reach a category 1 patient is often a rapid response car, or a crew taken
    // off a lower-priority call, ahead of the ambulance that conveys: [flow: Ambulance fleet › ~24 on
    // duty at a time for ~500k] (South Central ran ~120 response cars beside ~200 frontline
    // ambulances). An assumption (range 2–8) for the city's cars on duty; ~22 category 1 calls a day.
    units: 4,
    source: 'assumption within flow: Ambulance fleet (response cars)',
  },
  resusBays: {
    label: 'Resuscitation bays',
    // ~6 bays across the city's type 1 EDs (an assumption, range 5–8), within [flow: Emergency department › ~57 adult ED spaces for ~142k type 1 attendances a year].
    units: 6,
    source: 'assumption within flow: ED, ~57 adult ED spaces',
  },
  majorsCubicles: {
    label: 'Majors cubicles',
    // [flow: Emergency department › ~57 adult ED spaces for ~142k type 1 attendances a year (0.4 per 1,000)] less the
    // 6 resus bays: 51, taken as 50 (range 45–65 with corridor and escalation spaces).
    units: 50,
    source: 'flow: ED, ~57 adult ED spaces',
  },
  minorsCubicles: {
    label: 'Minors cubicles',
    // Minors and see-and-treat spaces, not counted in the adult ED spaces: an assumption (range 15–30).
    units: 22,
    source: 'assumption',
  },
  sdecSpaces: {
    label: 'Same-day emergency care chairs and trolleys',
    // An assumption (range 18–30), sized at ~85% of the offered load at the busiest hour.
    units: 26,
    source: 'assumption',
  },
  beds: {
    label: 'General and acute beds',
    kind: 'beds' as const,
    // [flow: Beds › ~870–905 G&A beds for ~500k (0.87% of 99,900–103,800)].
    units: 890,
    source: 'flow: Beds, 870–905 G&A beds',
  },
  criticalCareBeds: {
    label: 'Adult critical care beds',
    kind: 'beds' as const,
    // [flow: Beds › about 35 adult critical care beds for ~500k].
    units: 35,
    source: 'flow: Beds, ~35 adult critical care beds',
  },
  homeCareStarts: {
    label: 'Home care and reablement packages being set up',
    // Packages the city's providers can be setting up at once (sourcing a provider, assessment at
    // home, the first visits): an assumption (range 40–90). With ~1 day each this limits starts to ~78
    // a day (set with the fit), against ~70 a day needed, so medically fit patients often wait for them in a bed.
    units: 78,
    source: 'assumption within flow: Discharge, reasons (home care 24–25% of delays)',
  },
  rehabilitationBeds: {
    label: 'Community rehabilitation beds',
    kind: 'beds' as const,
    // ~6 transfers a day staying ~21 days need ~126 beds: an assumption (range 80–150), set with the fit at 135.
    units: 135,
    source: 'assumption within flow: Discharge, ~15 waiting for a rehab bed on an average day',
  },
  careHomePlacements: {
    label: 'Care home places being filled',
    // Vacancies the city's care homes can be filling at once (assessment, funding agreed, move-in),
    // ~2 days each, for ~1–2 placements a day from hospital: an assumption (range 2–6).
    units: 4,
    source: 'assumption within flow: Social care, waits for a care home place',
  },
};

/** The resources' units that are assumptions (`meta.assumptions` on the root), with their ranges. */
const resourceAssumptions: Record<string, AssumptionNote> = {
  'resources.crews.changes.0.scale': assume(
    0.85,
    1.2,
    'The scheduled crews (~17 of ~24 on duty) free to respond: 20–35% of on-duty time on breaks, checks, restocking and returning to base',
  ),
  'resources.responders.units': assume(
    2,
    8,
    'Rapid response cars on duty at once for ~22 category 1 calls a day (South Central ran ~120 cars for over 4 million people)',
  ),
  'resources.resusBays.units': assume(5, 8, '~6 resus bays within the ~57 adult ED spaces'),
  'resources.majorsCubicles.units': assume(45, 65, 'The ~57 adult ED spaces less resus, with corridor and escalation spaces'),
  'resources.minorsCubicles.units': assume(15, 30, 'Minors and see-and-treat spaces are not counted in the published adult ED spaces'),
  'resources.sdecSpaces.units': assume(18, 30, 'Sized at about 85% of the offered load at the busiest hour'),
  'resources.homeCareStarts.units': assume(40, 90, 'Home care and reablement packages providers can set up at once; home care is 24–25% of delays'),
  'resources.rehabilitationBeds.units': assume(80, 150, '~6 transfers a day staying ~21 days need ~126 beds'),
  'resources.careHomePlacements.units': assume(2, 6, 'Vacancies being filled at once, ~2 days each, for 1–2 placements a day from hospital'),
};

// Clocks: the standards planners measure the system against.
const clocks = [
  ...[
    // [figures: Ambulance › response standards: Cat 1 mean 7, 90th centile 15; Cat 2 mean 18, 90th 40;
    // Cat 3 90% within 2 h; Cat 4 90% within 3 h]. Each clock runs from the call being given its
    // category to the crew reaching the patient, so it includes the wait for a free crew.
    { n: 1, over: [7, 15, 30], standard: { mean: 7, p90: 15 }, from: 'city.ambulance.firstResponse.drive', to: 'city.ambulance.firstResponse.atPatient' },
    { n: 2, over: [18, 40, 60], standard: { mean: 18, p90: 40 } },
    { n: 3, over: [60, 120, 240], standard: { p90: 120 } },
    { n: 4, over: [120, 180, 360], standard: { p90: 180 } },
  ].map(({ n, over, standard, from, to }: { n: number; over: number[]; standard: { mean?: number; p90?: number }; from?: string; to?: string }) => ({
    id: `category${n}Response`,
    label: `Category ${n} response (from the call being categorised to ${n === 1 ? 'the first responder reaching' : 'arrival at'} the patient)`,
    from: from ?? `city.ambulance.crew.category${n}Response`,
    to: to ?? 'city.ambulance.crew.onScene',
    over,
    standard,
  })),
  {
    id: 'handover',
    // [flow: Ambulance handover › the 15, 30 and 60 minute thresholds; no handover over 45 min (2025/26)].
    label: 'Ambulance handover (arrival at hospital to the patient handed over into a space in the department)',
    from: 'city.ambulance.crew.atHospital',
    to: 'city.ed',
    over: [15, 30, 45, 60],
  },
  {
    id: 'edTime',
    label: 'Time in the emergency department (arrival to leaving, including any wait for a bed)',
    from: 'city.ed',
    over: [240, 720],
  },
  {
    id: 'decisionToAdmit',
    // [flow: Emergency department › 12 h or more from decision to admit].
    label: 'From decision to admit to leaving the emergency department for a bed',
    from: ['city.ed.resus.awaitingBed', 'city.ed.majors.awaitingBed', 'city.ed.minors.awaitingBed', 'city.ed.sameDayEmergencyCare.awaitingBed'],
    to: 'city.acute',
    over: [240, 720],
  },
  {
    id: 'hospitalStay',
    // [figures: Admission and discharge › mean length of stay, emergency admissions: 9.1 days (2022)].
    label: 'Length of stay in hospital (admission to leaving, including any wait for care after being medically fit)',
    from: 'city.acute',
    over: [7 * 1440, 21 * 1440],
  },
  {
    id: 'medicallyFit',
    // [flow: Medically fit patients › mean wait from fit to discharge 1.0–2.1 days by region; national 1.3 days].
    label: 'From medically fit to leaving hospital',
    from: ['city.acute.ward.awaitingHomeSupport', 'city.acute.ward.awaitingRehabilitationBed', 'city.acute.ward.awaitingCareHome'],
    over: [1440, 7 * 1440],
  },
];

/**
 * An area of the emergency department that holds its space from arrival to leaving, including the
 * wait for a ward bed after a decision to admit (exit block). Ambulance patients come in through
 * `fromAmbulance`, which has no waiting room: while no space is free the patient waits with the
 * crew (a handover delay). Walk-in patients wait in the waiting room and some leave without being
 * seen.
 */
function edArea(
  description: string,
  resource: keyof typeof resources,
  treatment: {
    description: string;
    duration: Duration;
    assumptions?: Record<string, AssumptionNote>;
    ways: Record<string, { target: string; meta: TransitionMeta }>;
  },
  walkIns: boolean,
) {
  return {
    description,
    meta: {
      uses: resource,
      // How long walk-in patients wait for a space before some leave without being seen, towards
      // [flow: Emergency department › left without treatment].
      ...(walkIns
        ? {
            patience: { dist: 'lognormal', median: 120, p90: 480 } as Duration,
            assumptions: { 'patience.median': assume(60, 300, 'How long walk-in patients wait for a space before some leave; no published figure') },
          }
        : {}),
    },
    initial: 'treatment',
    states: {
      fromAmbulance: {
        description: 'The ambulance crew hands the patient over into a space in this area.',
        meta: { function: 'handover', waitingRoom: 0 },
        on: { HANDED_OVER: { target: 'treatment' } },
      },
      treatment: {
        description: treatment.description,
        meta: { function: 'emergency-treatment', duration: treatment.duration, ...(treatment.assumptions ? { assumptions: treatment.assumptions } : {}) },
        on: treatment.ways,
      },
      awaitingBed: {
        description: 'A decision to admit has been made; the patient waits in the department for a bed.',
        meta: {
          function: 'admit',
          // Requesting and allocating a bed and a porter when one is free; the wait for a bed when none
          // is free is simulated (exit block).
          duration: { dist: 'lognormal', median: 60, p90: 180 } as Duration,
          assumptions: { 'duration.median': assume(30, 90, 'Requesting and allocating a bed and a porter once one is free') },
        },
        on: {
          TO_WARD: { target: '#city.acute.ward', meta: { p: 0.95 } },
          TO_CRITICAL_CARE: {
            target: '#city.acute.criticalCare',
            meta: { p: 0.05, assumptions: { p: assume(0.03, 0.08, 'Admissions from the department that go to critical care (~35 beds, stays of days)') } },
          },
        },
      },
    },
    // Walk-in patients who give up waiting for a space leave without being seen.
    ...(walkIns ? { on: { LEFT_WITHOUT_BEING_SEEN: { target: '#city.ed.leftWithoutBeingSeen', meta: { when: 'abandoned' as const } } } } : {}),
  };
}

export default defineCareModel({
  id: 'city',
  description: 'Urgent and emergency care in a mid-sized English city.',
  meta: {
    title: 'Urgent and emergency care in a mid-sized English city',
    description:
      'Every way a person with an urgent health need can ask for help in a city of about 500,000 people: self-care and the NHS website, community pharmacy, their GP, NHS 111 by phone and online, 999, and walking in to an urgent treatment centre or emergency department; through to treatment, admission, discharge and follow-up.',
    place: 'A mid-sized English city',
    // [figures: Demand › city of ~500k is ~0.87% of England]
    population: 500_000,
    demand: { perDay, hourly },
    resources,
    clocks,
    assumptions: resourceAssumptions,
    sources: [
      'NHS England Ambulance Quality Indicators (AmbSYS), 2022–2025',
      'NHS England Integrated Urgent Care Aggregate Data Collection (NHS 111), 2024',
      'NHS 111 Minimum Data Set, 2014–2017 (dispositions; older figures)',
      'NHS Digital, NHS 111 online dispositions, 2019',
      'NHS England A&E attendances and emergency admissions, 2024; RCEM data pages',
      'Hospital Episode Statistics A&E, 2014/15',
      'Health Foundation: length of stay and discharge delays, 2022',
      'DHSC hospital discharge and community support guidance (discharge to assess pathways)',
      'NHSBSA Pharmacy First activity, Feb 2024–Jan 2025',
      'RCGP analysis of NHS Digital appointments data, April 2024',
      'nhsengland/AmbModelOpen illustrative job-cycle parameters (not observed data)',
      'Flow (beds, ambulance fleet and handover, medically fit patients, ED spaces, NHS 111 answering): models/SOURCES.md',
      'Numbers marked as assumptions (meta.assumptions) are modelling assumptions where no published figure was to hand, each with its range and reasoning',
    ],
    // Aliases are the other names people search the report's pathways by.
    // Bands: where each agency sits on the system map, in the order a request meets them.
    agencies: [
      { id: 'person', label: 'The person and their carers', band: 'entry' },
      { id: 'nhs111', label: 'NHS 111', aliases: ['111'], band: 'entry' },
      { id: 'ambulance', label: 'Ambulance service (999)', aliases: ['999', 'paramedic'], band: 'entry' },
      { id: 'gp', label: 'GP practice', aliases: ['GP surgery', 'family doctor'], band: 'community' },
      { id: 'ooh', label: 'Out-of-hours GP service', aliases: ['OOH'], band: 'community' },
      { id: 'pharmacy', label: 'Community pharmacy', aliases: ['pharmacist', 'chemist'], band: 'community' },
      { id: 'utc', label: 'Urgent treatment centre', aliases: ['UTC', 'walk-in centre', 'minor injuries unit'], band: 'community' },
      { id: 'ed', label: 'Emergency department', aliases: ['A&E', 'ED', 'casualty'], band: 'hospital' },
      { id: 'acute', label: 'Acute hospital wards', aliases: ['hospital', 'inpatient'], band: 'hospital' },
      { id: 'community', label: 'Community health services', aliases: ['district nurse', 'rehabilitation'], band: 'discharge' },
      { id: 'social', label: 'Adult social care', aliases: ['social services', 'home care'], band: 'discharge' },
      { id: 'mentalHealth', label: 'Mental health crisis service', aliases: ['crisis team'], band: 'community' },
    ],
    // The one outcome category whose built-in words would mislead here: acute admissions end later,
    // at home or elsewhere after discharge, and are counted on the way (milestones).
    outcomes: [
      {
        id: 'admitted',
        label: 'Admitted to a mental health bed',
        definition: 'The person was admitted to a mental health hospital bed; the model follows them no further.',
      },
    ],
    // What happens to requests on the way, whatever their outcome: shares reaching each at least once.
    milestones: [
      {
        id: 'conveyed',
        label: 'Taken to an emergency department by ambulance',
        definition: 'An ambulance crew conveyed the person to an emergency department at least once.',
        state: 'city.ambulance.crew.conveyToEd',
      },
      {
        id: 'seen-in-ed',
        label: 'Went to an emergency department (A&E)',
        definition: 'Arrived at the type 1 emergency department or its same-day emergency care at least once, by any route.',
        agency: 'ed',
      },
      {
        id: 'admitted-to-hospital',
        label: 'Admitted to hospital',
        definition: 'Admitted to an acute ward or a critical care bed at least once (mental health admissions are apart).',
        state: 'city.acute',
      },
      {
        id: 'discharged-with-support',
        label: 'Left hospital needing support arranged',
        definition:
          'Became medically fit needing support at home, a rehabilitation bed or a care home place (discharge pathways 1 to 3), and waited in the bed while it was arranged.',
        state: ['city.acute.ward.awaitingHomeSupport', 'city.acute.ward.awaitingRehabilitationBed', 'city.acute.ward.awaitingCareHome'],
      },
      {
        id: 'mental-health-crisis',
        label: 'Seen by the mental health crisis service',
        definition: 'Assessed by the mental health crisis service at least once.',
        agency: 'mentalHealth',
      },
    ],
  },
  initial: 'person',
  states: {
    // -----------------------------------------------------------------------------------------
    person: {
      description: 'The person with an urgent health need, and the people who care for them.',
      meta: { agency: 'person' },
      initial: 'chooseChannel',
      states: {
        chooseChannel: {
          description: 'A person has a new urgent health need and decides where to ask for help.',
          meta: { function: 'seek-help' },
          on: {
            CALL_999: { target: '#city.ambulance.callAnswered', meta: { p: share(channels.call999) } },
            CALL_111: { target: '#city.nhs111.callReceived', meta: { p: share(channels.call111) } },
            USE_111_ONLINE: {
              target: '#city.nhs111.onlineTriage',
              meta: { p: share(channels.online111), assumptions: assumeChannel(50, 200, 'NHS 111 online sessions; no recent volume is published') },
            },
            CONTACT_GP: {
              target: '#city.gp.reception',
              meta: { p: share(channels.gpInHours), assumptions: assumeChannel(300, 900, 'New urgent problems among ~3,900 same-day GP appointments') },
            },
            VISIT_PHARMACY: { target: '#city.pharmacy.counter', meta: { p: share(channels.pharmacyWalkIn) } },
            WALK_IN_UTC: {
              target: '#city.utc.reception',
              meta: { p: share(channels.utcWalkIn), assumptions: assumeChannel(150, 240, 'UTC walk-ins: 250 attendances less those booked in') },
            },
            WALK_IN_ED: {
              target: '#city.ed.reception',
              meta: {
                p: share(channels.edWalkIn),
                assumptions: assumeChannel(120, 285, 'ED walk-ins: 285 not by ambulance, less those sent by NHS 111 and GPs'),
              },
            },
            TRY_SELF_CARE: {
              target: 'selfCare',
              meta: { p: share(channels.selfCareFirst), assumptions: assumeChannel(50, 300, 'People who try self-care first; not counted by any service') },
            },
          },
        },
        selfCare: {
          description: 'The person looks after themselves at home, using advice from the NHS website or a clinician.',
          meta: {
            function: 'recognise-need',
            duration: { dist: 'exponential', mean: DAY },
            assumptions: timeAssumed('mean', 0.5 * DAY, 3 * DAY, 'A day or so of self-care before the need settles or the person asks again'),
          },
          on: {
            // The re-contact loop through NHS 111 and pharmacy when self-care does not work.
            NEED_SETTLES: { target: 'resolvedAtHome', meta: { p: 0.84848 } },
            CALL_111_AGAIN: {
              target: '#city.nhs111.callReceived',
              meta: pAssumed(0.1058, 0.05, 0.2, 'About 1 in 10 call NHS 111 again when self-care does not work'),
            },
            ASK_PHARMACIST: { target: '#city.pharmacy.counter', meta: pAssumed(0.04572, 0.02, 0.1, 'About 1 in 20 ask a pharmacist') },
          },
        },
        afterAbandonedCall: {
          description: 'The person hung up before NHS 111 answered, and decides what to do next.',
          meta: {
            function: 'recognise-need',
            duration: { dist: 'exponential', mean: 30 },
            assumptions: timeAssumed('mean', 5, 120, 'Half an hour or so before calling again; no published figure'),
          },
          on: {
            // No published split: most call again, some look after themselves, a few go to A&E.
            CALL_111_AGAIN: { target: '#city.nhs111.callReceived', meta: { p: 0.6 } },
            SELF_CARE: { target: 'selfCare', meta: pAssumed(0.3, 0.15, 0.45, 'Some callers who hang up look after themselves instead') },
            GO_TO_ED: { target: '#city.ed.reception', meta: pAssumed(0.1, 0.05, 0.2, 'A few callers who hang up go to A&E instead') },
          },
        },
        beforeReattending: {
          description: 'The person is at home after an emergency department visit, and the problem comes back.',
          meta: {
            function: 'recognise-need',
            // [figures: Emergency department › re-attendance within 7 days (?)]: within days, not minutes.
            duration: { dist: 'exponential', mean: 2.5 * DAY },
            assumptions: timeAssumed('mean', 1 * DAY, 4 * DAY, 'Re-attendances come back within days (the indicator counts 7 days)'),
          },
          on: { RETURN_TO_ED: { target: '#city.ed.reception' } },
        },
        resolvedAtHome: {
          type: 'final',
          description: 'The need settles with self-care at home.',
          meta: { outcome: 'self-care' },
        },
      },
    },

    // -----------------------------------------------------------------------------------------
    nhs111: {
      description: 'NHS 111 by phone and online, with its clinical assessment service.',
      meta: { agency: 'nhs111' },
      initial: 'callReceived',
      states: {
        callReceived: {
          description: 'A call handler answers the NHS 111 call and takes the caller’s details.',
          meta: {
            function: 'receive',
            // 3 minutes to answer and register a call, within the ~15 minute episode below.
            duration: { dist: 'exponential', mean: 3 },
            // Call handlers free to answer (2–5 at the busiest hours), for ~487 calls a day at 3 minutes
            // each, sized so that about 1 caller in 20 hangs up first: the schedule is sized by that rule.
            capacity: { servers: 3, schedule: [1, 1, 1, 1, 1, 1, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2] },
            // How long callers hold before hanging up, with [flow: NHS 111 › ~5% of calls not answered]
            // as the figure to reach.
            patience: { dist: 'exponential', mean: 8 },
            assumptions: {
              ...timeAssumed('mean', 2, 5, 'Answering and registering a call, within the ~15 minute episode'),
              'patience.mean': assume(3, 15, 'How long callers hold before hanging up; ~5% of calls are not answered'),
            },
          },
          on: {
            CALL_ABANDONED: { target: '#city.person.afterAbandonedCall', meta: { when: 'abandoned' } },
            // [figures: NHS 111 › calls triaged with NHS Pathways: 85–87%]; the rest want information only.
            TRIAGE: { target: 'healthAdviserTriage', meta: { p: 0.86 } },
            INFORMATION_ONLY: { target: 'informationGiven', meta: { p: 0.14 } },
          },
        },
        healthAdviserTriage: {
          description: 'A health adviser assesses the call with NHS Pathways.',
          meta: {
            function: 'assess',
            // [figures: NHS 111 › mean call episode ~15 min]: lognormal median 12, p90 25 has mean 14.1.
            duration: { dist: 'lognormal', median: 12, p90: 25 },
            // Health advisers on shift, sized at 80–90% of the offered load in each hour (the rule above).
            capacity: { servers: 10, schedule: [4, 4, 3, 3, 3, 3, 4, 6, 9, 11, 12, 12, 12, 12, 11, 11, 11, 11, 11, 11, 10, 9, 7, 5] },
          },
          on: {
            // [figures: NHS 111 › clinical input (call-back or warm transfer): ~40% (2017), over half (2018)]
            CLINICAL_ASSESSMENT: { target: 'clinicalAssessment', meta: pAssumed(0.4, 0.35, 0.55, 'Clinical input ~40% (Dec 2017), over half (2018)') },
            // The other 60% take the disposition mix of triaged calls directly; the cited ranges are the assumptions' ranges.
            SEND_AMBULANCE: {
              target: '#city.ambulance.callTriage',
              meta: pAssumed(0.6 * dispositions.AMBULANCE, 0.6 * 0.1, 0.6 * 0.127, 'Ambulance dispositions 10–12.7% of triaged calls (MDS 2015–17)'),
            },
            ADVISE_A_AND_E: {
              target: 'referEd',
              meta: pAssumed(0.6 * dispositions.A_AND_E, 0.6 * 0.074, 0.6 * 0.09, 'A&E dispositions 7.4–9% of triaged calls (MDS 2015–17)'),
            },
            BOOK_GP: { target: 'bookGp', meta: { p: 0.6 * dispositions.GP_IN_HOURS } },
            BOOK_OUT_OF_HOURS: { target: 'bookOutOfHours', meta: { p: 0.6 * dispositions.OUT_OF_HOURS_GP } },
            REFER_PHARMACY: { target: 'referPharmacy', meta: { p: 0.6 * dispositions.PHARMACY } },
            BOOK_UTC: { target: 'bookUtc', meta: { p: 0.6 * dispositions.UTC } },
            REFER_MENTAL_HEALTH: { target: '#city.mentalHealth.crisisLine', meta: { p: 0.6 * dispositions.MENTAL_HEALTH } },
            SELF_CARE_ADVICE: { target: 'selfCareAdvice', meta: { p: 0.6 * dispositions.SELF_CARE } },
          },
        },
        onlineTriage: {
          description: 'The person answers questions on NHS 111 online about their symptoms.',
          meta: {
            function: 'assess',
            // About 10 minutes to complete an online assessment.
            duration: { dist: 'lognormal', median: 8, p90: 18 },
            assumptions: timeAssumed('median', 5, 12, 'About 10 minutes to complete an online assessment'),
          },
          on: {
            // [figures: NHS 111 › NHS 111 online dispositions (2019)]: self-care 13%; primary care 48%;
            // 999 or A&E 24.7%; dental 6.8%; other incl. pharmacy 7.4%, rounded up to 7.5% to sum to 1.
            SELF_CARE_ADVICE: { target: 'selfCareAdvice', meta: { p: 0.13 } },
            BOOK_GP: { target: 'bookGp', meta: { p: 0.48 * 0.35 } },
            BOOK_OUT_OF_HOURS: { target: 'bookOutOfHours', meta: { p: 0.48 * 0.65 } },
            // Online 999 and A&E outcomes are validated by a clinician calling back (an assumption on where they go, not on the cited share).
            CLINICIAN_CALL_BACK: { target: 'clinicalAssessment', meta: { p: 0.247 } },
            SIGNPOST_DENTAL: { target: 'signpostedToDental', meta: { p: 0.068 } },
            REFER_PHARMACY: { target: 'referPharmacy', meta: { p: 0.075 } },
          },
        },
        clinicalAssessment: {
          description: 'A nurse, paramedic or GP in the clinical assessment service calls the person back and assesses them.',
          meta: {
            function: 'assess',
            // A clinical call of about 20 minutes.
            duration: { dist: 'lognormal', median: 17, p90: 35 },
            // Clinicians on shift in the clinical assessment service (offered load 4.7 at the busiest hour).
            capacity: { servers: 7 },
            assumptions: {
              ...timeAssumed('median', 12, 25, 'A clinical call back of about 20 minutes'),
              'capacity.servers': assume(5, 10, 'Clinicians on shift, for an offered load of 4.7 at the busiest hour'),
            },
          },
          on: {
            // Same disposition mix as triaged calls [figures: NHS 111 › dispositions of triaged calls].
            SEND_AMBULANCE: { target: '#city.ambulance.callTriage', meta: { p: dispositions.AMBULANCE } },
            ADVISE_A_AND_E: { target: 'referEd', meta: pAssumed(dispositions.A_AND_E, 0.074, 0.09, 'A&E dispositions 7.4–9% of triaged calls (MDS 2015–17)') },
            BOOK_GP: { target: 'bookGp', meta: { p: dispositions.GP_IN_HOURS } },
            BOOK_OUT_OF_HOURS: { target: 'bookOutOfHours', meta: { p: dispositions.OUT_OF_HOURS_GP } },
            REFER_PHARMACY: { target: 'referPharmacy', meta: { p: dispositions.PHARMACY } },
            BOOK_UTC: { target: 'bookUtc', meta: { p: dispositions.UTC } },
            REFER_MENTAL_HEALTH: { target: '#city.mentalHealth.crisisLine', meta: { p: dispositions.MENTAL_HEALTH } },
            SELF_CARE_ADVICE: { target: 'selfCareAdvice', meta: { p: dispositions.SELF_CARE } },
          },
        },
        selfCareAdvice: {
          description: 'NHS 111 gives advice on looking after the problem at home and when to call back.',
          meta: { function: 'advise', duration: { dist: 'fixed', value: 2 }, assumptions: timeAssumed('value', 1, 4, 'Closing advice at the end of the call') },
          on: { LOOK_AFTER_SELF: { target: '#city.person.selfCare' } },
        },
        bookGp: {
          description: 'NHS 111 books an urgent appointment at the person’s GP practice.',
          meta: {
            function: 'book',
            duration: { dist: 'fixed', value: 3 },
            assumptions: timeAssumed('value', 2, 6, 'Booking through the Directory of Services'),
          },
          on: { ATTEND_GP: { target: '#city.gp.appointment' } },
        },
        bookOutOfHours: {
          description: 'NHS 111 passes the person to the out-of-hours GP service.',
          meta: {
            function: 'book',
            duration: { dist: 'fixed', value: 3 },
            assumptions: timeAssumed('value', 2, 6, 'Passing the call to the out-of-hours service'),
          },
          on: { OUT_OF_HOURS_CALL_BACK: { target: '#city.ooh.clinicianCall' } },
        },
        bookUtc: {
          description: 'NHS 111 books an arrival time at an urgent treatment centre.',
          meta: { function: 'book', duration: { dist: 'fixed', value: 3 }, assumptions: timeAssumed('value', 2, 6, 'Booking an arrival time at a UTC') },
          on: { ATTEND_UTC: { target: '#city.utc.assessment' } },
        },
        referPharmacy: {
          description: 'NHS 111 refers the person to a community pharmacy for a Pharmacy First consultation.',
          meta: { function: 'book', duration: { dist: 'fixed', value: 2 }, assumptions: timeAssumed('value', 1, 4, 'Sending a Pharmacy First referral') },
          on: { ATTEND_PHARMACY: { target: '#city.pharmacy.consultation' } },
        },
        referEd: {
          description: 'NHS 111 advises the person to go to the emergency department and tells it they are coming.',
          meta: {
            function: 'book',
            duration: { dist: 'fixed', value: 2 },
            assumptions: timeAssumed('value', 1, 4, 'Telling the department the person is coming'),
          },
          on: { GO_TO_ED: { target: '#city.ed.reception' } },
        },
        informationGiven: {
          type: 'final',
          description: 'The caller wanted information only and has it.',
          meta: { outcome: 'information' },
        },
        signpostedToDental: {
          type: 'final',
          description: 'The person is signposted to an urgent dental service, outside this model.',
          meta: { outcome: 'signposted' },
        },
      },
    },

    // -----------------------------------------------------------------------------------------
    ambulance: {
      description: 'The ambulance service: 999 call handling, the clinical hub and ambulance crews.',
      meta: { agency: 'ambulance' },
      initial: 'callAnswered',
      states: {
        callAnswered: {
          description: 'An emergency call handler answers the 999 call.',
          meta: {
            function: 'receive',
            duration: { dist: 'exponential', mean: 2 },
            assumptions: timeAssumed('mean', 1, 4, 'About 2 minutes to answer and locate the caller'),
          },
          on: { TRIAGE_CALL: { target: 'callTriage' } },
        },
        callTriage: {
          description: 'The call handler triages the call and gives it a response category.',
          meta: {
            function: 'assess',
            duration: { dist: 'lognormal', median: 4, p90: 9 },
            assumptions: timeAssumed('median', 3, 7, 'About 5 minutes of structured questions'),
          },
          on: {
            // [figures: Ambulance › category mix (AQI Aug 2024–Jan 2025)]: Cat 1 10.0–11.5%, Cat 2
            // 50.7–52.6%, Cat 3 and 4 36–39%; we take 10.7%, 51.7% and 37.6%.
            CATEGORY_1: { target: 'firstResponse', meta: { p: 0.107 } },
            CATEGORY_2: { target: 'crew.category2Response', meta: { p: 0.517 } },
            CATEGORY_3_OR_4: { target: 'clinicalHub', meta: { p: 0.376 } },
          },
        },
        clinicalHub: {
          description: 'A clinician in the ambulance clinical hub reviews the lower-category call.',
          meta: {
            function: 'assess',
            duration: { dist: 'lognormal', median: 12, p90: 30 },
            assumptions: timeAssumed('median', 8, 20, 'About 15 minutes of clinical review'),
          },
          on: {
            // [figures: Ambulance › response outcome mix: hear & treat 14.5% of all incidents], all of
            // which we place in categories 3 and 4: 0.145 / 0.376 = 0.386.
            HEAR_AND_TREAT: { target: 'hearAndTreat', meta: { p: 0.386 } },
            // The remaining categories 3 and 4 split 0.19 : 0.041 of all incidents (the split is an assumption).
            CATEGORY_3: {
              target: 'crew.category3Response',
              meta: pAssumed(0.505, 0.4, 0.55, 'Category 3 and 4 calls not closed by hear and treat; most are category 3'),
            },
            CATEGORY_4: { target: 'crew.category4Response', meta: { p: 0.109 } },
          },
        },
        hearAndTreat: {
          description: 'The clinician gives advice over the phone and closes the call without sending an ambulance (hear and treat).',
          meta: {
            function: 'advise',
            duration: { dist: 'lognormal', median: 15, p90: 30 },
            assumptions: timeAssumed('median', 10, 25, 'A clinical call of 10–25 minutes'),
          },
          on: {
            // How hear-and-treat calls end: no published split.
            SELF_CARE: { target: '#city.person.selfCare', meta: { p: 0.6 } },
            REFER_GP: { target: '#city.gp.appointment', meta: pAssumed(0.2, 0.1, 0.3, 'Hear and treat referred to the GP') },
            REFER_PHARMACY: { target: '#city.pharmacy.consultation', meta: pAssumed(0.05, 0.02, 0.1, 'Hear and treat referred to a pharmacy') },
            REFER_URGENT_COMMUNITY_RESPONSE: {
              target: '#city.community.urgentResponse',
              meta: pAssumed(0.1, 0.05, 0.15, 'Hear and treat referred to urgent community response (8.4% of its referrals come from ambulance services)'),
            },
            REFER_MENTAL_HEALTH: {
              target: '#city.mentalHealth.crisisAssessment',
              meta: pAssumed(0.05, 0.02, 0.1, 'Hear and treat referred to mental health crisis care'),
            },
          },
        },
        firstResponse: {
          description:
            'The nearest rapid response car (or a crew taken off a lower-priority call) is sent at once to a life-threatening emergency (category 1) and stays with the patient until the ambulance arrives.',
          meta: { uses: 'responders' },
          initial: 'drive',
          states: {
            drive: {
              description: 'The first responder drives to the category 1 patient.',
              // So that the whole response comes near [figures: Ambulance › actual mean response: Cat 1 ~8 min].
              meta: {
                function: 'dispatch',
                priority: 1,
                duration: { dist: 'lognormal', median: 6, p90: 11 },
                assumptions: timeAssumed('median', 5, 8, 'The drive of the nearest responder to a category 1 call'),
              },
              on: { ARRIVE: { target: 'atPatient' } },
            },
            atPatient: {
              description: 'The first responder assesses and treats the patient while an ambulance is sent.',
              meta: {
                function: 'treat',
                duration: { dist: 'lognormal', median: 10, p90: 25 },
                assumptions: timeAssumed('median', 5, 20, 'Assessment and first treatment until the ambulance is on its way'),
              },
              on: { SEND_AMBULANCE: { target: '#city.ambulance.crew.category1Response' } },
            },
          },
        },
        crew: {
          description:
            'An ambulance crew is allocated to the call and stays with it until it is free again: the drive, on scene, the journey to hospital and the handover.',
          meta: {
            uses: 'crews',
            // Calls waiting for a crew for more than 2 hours are escalated to category 2 priority
            // (clinical review of long waits).
            escalate: { after: 120, priority: 2 },
            assumptions: { 'escalate.after': assume(60, 240, 'Long waits are reviewed and escalated after about 2 hours') },
          },
          initial: 'category2Response',
          states: {
            category1Response: {
              description: 'An ambulance crew is sent, first in line, to the category 1 patient a first responder is with, and drives to the scene.',
              // The drive only: the wait for a free crew is simulated.
              meta: {
                function: 'dispatch',
                priority: 1,
                duration: { dist: 'lognormal', median: 6, p90: 11 },
                assumptions: timeAssumed('median', 5, 8, 'The drive of the next free crew to a category 1 call'),
              },
              on: { ARRIVE: { target: 'onScene' } },
            },
            category2Response: {
              description: 'A crew is sent to an emergency (category 2) and drives to the scene.',
              // The drive only: the wait for a free crew is simulated and makes up most of [flow: Ambulance response ›
              // Cat 2 mean 27–36 min]: a longer drive than category 1, from wherever the next free crew is.
              meta: {
                function: 'dispatch',
                priority: 2,
                duration: { dist: 'lognormal', median: 11, p90: 22 },
                assumptions: timeAssumed('median', 8, 14, 'The drive to a category 2 call, from wherever the next free crew is'),
              },
              on: { ARRIVE: { target: 'onScene' } },
            },
            category3Response: {
              description: 'A crew is sent to an urgent problem (category 3) and drives to the scene.',
              // The drive only; the wait for a free crew is simulated.
              meta: {
                function: 'dispatch',
                priority: 3,
                duration: { dist: 'lognormal', median: 13, p90: 25 },
                assumptions: timeAssumed('median', 10, 16, 'The drive to a category 3 call'),
              },
              on: { ARRIVE: { target: 'onScene' } },
            },
            category4Response: {
              description: 'A crew is sent to a less urgent problem (category 4) and drives to the scene.',
              // The drive only; the wait for a free crew is simulated.
              meta: {
                function: 'dispatch',
                priority: 4,
                duration: { dist: 'lognormal', median: 13, p90: 25 },
                assumptions: timeAssumed('median', 10, 16, 'The drive to a category 4 call'),
              },
              on: { ARRIVE: { target: 'onScene' } },
            },
            onScene: {
              description: 'The crew assesses the patient at the scene and decides what they need.',
              // [figures: Ambulance › job cycle (?)]: assessment is part of the ~40 min on scene;
              // 15 minutes of it is assessment.
              meta: {
                function: 'assess',
                duration: { dist: 'gamma', mean: 15, sd: 7 },
                assumptions: timeAssumed('mean', 10, 20, 'The assessment part of ~40 minutes on scene'),
              },
              on: {
                // [figures: Ambulance › response outcome mix]: see & treat 32.5%, to ED 48.8%, elsewhere
                // 4.2%, each out of the 85.5% seen face to face.
                SEE_AND_TREAT: { target: 'seeAndTreat', meta: { p: 0.325 / faceToFace } },
                CONVEY_TO_ED: { target: 'conveyToEd', meta: { p: 0.488 / faceToFace } },
                CONVEY_ELSEWHERE: { target: 'conveyElsewhere', meta: { p: 0.042 / faceToFace } },
              },
            },
            seeAndTreat: {
              description: 'The crew treats the patient at the scene and leaves them at home (see and treat).',
              // [figures: Ambulance › job cycle (?)]: ~75 min on scene for see & treat, less the 15 min of
              // assessment counted above.
              meta: {
                function: 'treat',
                duration: { dist: 'gamma', mean: 60, sd: 25 },
                assumptions: timeAssumed('mean', 45, 75, 'See and treat takes ~75 minutes on scene (illustrative job cycle), less the assessment'),
              },
              on: {
                // How see-and-treat episodes end: no published split.
                LEAVE_AT_HOME: { target: '#city.ambulance.treatedAtHome', meta: { p: 0.8 } },
                REFER_GP: { target: '#city.gp.followUp', meta: pAssumed(0.1, 0.05, 0.2, 'See and treat referred to the GP for follow-up') },
                REFER_URGENT_COMMUNITY_RESPONSE: {
                  target: '#city.community.urgentResponse',
                  meta: pAssumed(0.1, 0.05, 0.15, 'See and treat referred to urgent community response'),
                },
              },
            },
            conveyToEd: {
              description: 'The crew takes the patient to the emergency department.',
              // [figures: Ambulance › job cycle (?)]: ~25 more minutes on scene when conveying, then ~18 min to hospital.
              meta: {
                function: 'convey',
                duration: { dist: 'gamma', mean: 43, sd: 15 },
                assumptions: timeAssumed('mean', 30, 60, 'The illustrative job cycle gives ~25 more minutes on scene and ~18 to hospital'),
              },
              on: { ARRIVE_AT_HOSPITAL: { target: 'atHospital' } },
            },
            conveyElsewhere: {
              description: 'The crew takes the patient somewhere other than the emergency department.',
              meta: { function: 'convey', duration: { dist: 'gamma', mean: 43, sd: 15 } /* as conveyToEd */ },
              on: {
                // Where "elsewhere" is: no published split.
                TO_SAME_DAY_EMERGENCY_CARE: { target: '#city.ed.sameDayEmergencyCare.fromAmbulance', meta: { p: 0.5 } },
                TO_URGENT_TREATMENT_CENTRE: {
                  target: '#city.utc.assessment',
                  meta: pAssumed(0.3, 0.15, 0.45, 'Conveyed elsewhere: to an urgent treatment centre'),
                },
                TO_MENTAL_HEALTH_CRISIS_CARE: {
                  target: '#city.mentalHealth.crisisAssessment',
                  meta: pAssumed(0.2, 0.1, 0.3, 'Conveyed elsewhere: to mental health crisis care'),
                },
              },
            },
            atHospital: {
              description: 'The crew brings the patient into the emergency department and hands over their care.',
              meta: {
                function: 'handover',
                // [flow: Ambulance handover › the 15-minute standard] for the handover itself; any wait for
                // a space in the department is simulated.
                duration: { dist: 'lognormal', median: 12, p90: 20 },
                assumptions: timeAssumed('median', 8, 15, 'The handover itself, within the 15-minute standard'),
              },
              on: {
                // Where ambulance patients go in the department, fitted with the walk-in split to
                // [figures: Emergency department › Type 1 admission conversion 26.3%].
                RESUS: { target: '#city.ed.resus.fromAmbulance', meta: pAssumed(0.1017, 0.05, 0.15, 'Ambulance patients needing resuscitation') },
                MAJORS: { target: '#city.ed.majors.fromAmbulance', meta: { p: 0.80269 } },
                MINORS: { target: '#city.ed.minors.fromAmbulance', meta: pAssumed(0.04561, 0.02, 0.15, 'Ambulance patients streamed to minors') },
                SAME_DAY_EMERGENCY_CARE: {
                  target: '#city.ed.sameDayEmergencyCare.fromAmbulance',
                  meta: pAssumed(0.05, 0.05, 0.2, 'Ambulance patients streamed to same-day emergency care'),
                },
              },
            },
          },
        },
        treatedAtHome: {
          type: 'final',
          description: 'The patient is treated by the ambulance crew and stays at home.',
          meta: { outcome: 'home' },
        },
      },
    },

    // -----------------------------------------------------------------------------------------
    gp: {
      description: 'The person’s GP practice, in working hours.',
      meta: { agency: 'gp' },
      initial: 'reception',
      states: {
        reception: {
          description: 'The practice receives the request by phone, online form or at the desk.',
          meta: {
            function: 'receive',
            duration: { dist: 'exponential', mean: 4 },
            assumptions: timeAssumed('mean', 2, 8, 'Taking the request by phone, online form or at the desk'),
          },
          on: { TRIAGE: { target: 'triage' } },
        },
        triage: {
          description: 'A GP or care navigator reviews the request and decides who should see the person and when.',
          meta: {
            function: 'assess',
            duration: { dist: 'lognormal', median: 5, p90: 12 },
            assumptions: timeAssumed('median', 3, 10, 'A quick review by a GP or care navigator'),
          },
          on: {
            // How practices route urgent requests: no published split. The pharmacy share follows
            // [figures: Demand › Pharmacy First consultations: 2.74M of 4.94M referred by GP or 111].
            SAME_DAY_APPOINTMENT: { target: 'appointment', meta: { p: 0.797562 } },
            REFER_PHARMACY: {
              target: '#city.pharmacy.consultation',
              meta: pAssumed(0.08526, 0.05, 0.2, 'GP referrals to Pharmacy First, within 2.74M a year referred by GP or 111'),
            },
            SEND_TO_UTC: { target: '#city.utc.assessment', meta: pAssumed(0.03543, 0.01, 0.08, 'Urgent GP requests sent on to a UTC') },
            SEND_TO_ED: { target: '#city.ed.reception', meta: pAssumed(0.01741, 0.005, 0.04, 'Urgent GP requests sent on to the emergency department') },
            CALL_999: { target: '#city.ambulance.callTriage', meta: pAssumed(0.009528, 0.003, 0.02, 'Urgent GP requests needing an ambulance') },
            ADVICE_AND_SELF_CARE: { target: '#city.person.selfCare', meta: pAssumed(0.05481, 0.03, 0.12, 'Urgent GP requests closed with advice') },
          },
        },
        appointment: {
          description: 'A GP or practice clinician sees the person the same day.',
          meta: {
            function: 'treat',
            // A 15 minute appointment, sometimes longer.
            duration: { dist: 'gamma', mean: 15, sd: 5 },
            // Urgent appointment slots across the city's practices, in working hours (sized by the rule above).
            capacity: { servers: 40, schedule: [0, 0, 0, 0, 0, 0, 0, 0, 40, 40, 40, 40, 40, 30, 40, 40, 40, 40, 20, 0, 0, 0, 0, 0] },
            assumptions: timeAssumed('mean', 10, 20, 'A 10 to 20 minute GP appointment'),
          },
          on: {
            // How same-day appointments end: no published split.
            TREATED: { target: 'resolved', meta: { p: 0.776096 } },
            FOLLOW_UP: { target: 'followUp', meta: pAssumed(0.09847, 0.05, 0.2, 'Same-day appointments needing a review in the following days') },
            REFER_SAME_DAY_EMERGENCY_CARE: {
              target: '#city.ed.sameDayEmergencyCare',
              meta: pAssumed(0.05809, 0.01, 0.06, 'GP referrals straight to same-day emergency care'),
            },
            REFER_ED: { target: '#city.ed.reception', meta: pAssumed(0.02714, 0.005, 0.05, 'GP referrals to the emergency department') },
            CALL_999: { target: '#city.ambulance.callTriage', meta: pAssumed(0.009724, 0.003, 0.02, 'GP appointments ending in a 999 call') },
            REFER_URGENT_COMMUNITY_RESPONSE: {
              target: '#city.community.urgentResponse',
              meta: pAssumed(0.03048, 0.01, 0.05, 'GP referrals to urgent community response (15.6% of its referrals come from GPs)'),
            },
          },
        },
        followUp: {
          description: 'The GP reviews the person again in the following days.',
          meta: {
            function: 'follow-up',
            duration: { dist: 'fixed', value: 10 },
            assumptions: timeAssumed('value', 5, 15, 'A short review call or appointment'),
          },
          on: {
            RECOVERED: { target: 'resolved', meta: { p: 0.95 } },
            REFER_ED: { target: '#city.ed.reception', meta: pAssumed(0.05, 0.02, 0.1, 'GP reviews that end in a referral to the emergency department') },
          },
        },
        resolved: {
          type: 'final',
          description: 'The GP practice has dealt with the problem.',
          meta: { outcome: 'home' },
        },
      },
    },

    // -----------------------------------------------------------------------------------------
    ooh: {
      description: 'The out-of-hours GP service, evenings, nights, weekends and bank holidays.',
      meta: { agency: 'ooh' },
      initial: 'clinicianCall',
      states: {
        clinicianCall: {
          description: 'An out-of-hours clinician calls the person back and assesses them.',
          meta: {
            function: 'assess',
            duration: { dist: 'lognormal', median: 15, p90: 30 },
            capacity: { servers: 6 },
            assumptions: {
              ...timeAssumed('median', 10, 20, 'A clinical call back of 10 to 20 minutes'),
              'capacity.servers': assume(4, 9, 'Out-of-hours clinicians on shift at once'),
            },
          },
          on: {
            // How out-of-hours calls end: no published split.
            ADVICE_ONLY: { target: '#city.person.selfCare', meta: { p: 0.45 } },
            BASE_APPOINTMENT: { target: 'baseAppointment', meta: pAssumed(0.4, 0.3, 0.5, 'Out-of-hours calls booked into a base appointment') },
            HOME_VISIT: { target: 'homeVisit', meta: pAssumed(0.1, 0.05, 0.15, 'Out-of-hours calls needing a home visit') },
            SEND_TO_ED: { target: '#city.ed.reception', meta: pAssumed(0.05, 0.02, 0.08, 'Out-of-hours calls sent to the emergency department') },
          },
        },
        baseAppointment: {
          description: 'The person sees an out-of-hours GP at a treatment centre.',
          meta: { function: 'treat', duration: { dist: 'gamma', mean: 20, sd: 8 }, assumptions: timeAssumed('mean', 15, 30, 'An out-of-hours GP appointment') },
          on: {
            TREATED: { target: 'resolved', meta: { p: 0.91847 } },
            REFER_ED: { target: '#city.ed.reception', meta: pAssumed(0.0494, 0.02, 0.08, 'Out-of-hours appointments referred to the emergency department') },
            REFER_SAME_DAY_EMERGENCY_CARE: {
              target: '#city.ed.sameDayEmergencyCare',
              meta: pAssumed(0.03213, 0.01, 0.05, 'Out-of-hours appointments referred to same-day emergency care'),
            },
          },
        },
        homeVisit: {
          description: 'An out-of-hours GP visits the person at home.',
          meta: { function: 'treat', duration: { dist: 'gamma', mean: 60, sd: 20 }, assumptions: timeAssumed('mean', 40, 90, 'A home visit, travel included') },
          on: {
            TREATED: { target: 'resolved', meta: { p: 0.85 } },
            CALL_999: { target: '#city.ambulance.callTriage', meta: pAssumed(0.1, 0.05, 0.15, 'Home visits ending in a 999 call') },
            REFER_URGENT_COMMUNITY_RESPONSE: {
              target: '#city.community.urgentResponse',
              meta: pAssumed(0.05, 0.02, 0.1, 'Home visits referred to urgent community response'),
            },
          },
        },
        resolved: {
          type: 'final',
          description: 'The out-of-hours GP has dealt with the problem.',
          meta: { outcome: 'home' },
        },
      },
    },

    // -----------------------------------------------------------------------------------------
    pharmacy: {
      description: 'Community pharmacies, including the Pharmacy First service.',
      meta: { agency: 'pharmacy' },
      initial: 'counter',
      states: {
        counter: {
          description: 'The person asks for help at the pharmacy counter.',
          meta: { function: 'receive', duration: { dist: 'exponential', mean: 5 }, assumptions: timeAssumed('mean', 2, 10, 'Asking at the counter') },
          on: {
            // How walk-in requests are handled: no published split.
            PHARMACY_FIRST: { target: 'consultation', meta: pAssumed(0.55, 0.3, 0.8, 'Walk-ins that become a Pharmacy First consultation') },
            ADVICE: { target: 'advice', meta: { p: 0.45 } },
          },
        },
        advice: {
          description: 'The pharmacist gives advice and, where needed, medicine to buy.',
          meta: { function: 'advise', duration: { dist: 'exponential', mean: 5 }, assumptions: timeAssumed('mean', 2, 10, 'Advice over the counter') },
          on: {
            LOOK_AFTER_SELF: { target: '#city.person.selfCare', meta: { p: 0.9 } },
            SEE_GP: { target: '#city.gp.reception', meta: pAssumed(0.1, 0.05, 0.2, 'Pharmacy advice that sends the person to their GP') },
          },
        },
        consultation: {
          description: 'A pharmacist assesses and treats the person in a Pharmacy First consultation.',
          meta: {
            function: 'treat',
            duration: { dist: 'gamma', mean: 15, sd: 5 },
            assumptions: timeAssumed('mean', 10, 20, 'A Pharmacy First consultation'),
          },
          on: {
            // How Pharmacy First consultations end: no published split.
            TREATED: { target: 'resolved', meta: { p: 0.85 } },
            REFER_GP: { target: '#city.gp.triage', meta: pAssumed(0.1, 0.05, 0.15, 'Pharmacy First consultations referred to the GP') },
            REFER_UTC: { target: '#city.utc.assessment', meta: pAssumed(0.03, 0.01, 0.05, 'Pharmacy First consultations referred to a UTC') },
            CALL_111: { target: '#city.nhs111.callReceived', meta: pAssumed(0.02, 0.01, 0.04, 'Pharmacy First consultations ending in a call to NHS 111') },
          },
        },
        resolved: {
          type: 'final',
          description: 'The pharmacist has treated the problem.',
          meta: { outcome: 'home' },
        },
      },
    },

    // -----------------------------------------------------------------------------------------
    utc: {
      description: 'Urgent treatment centres (walk-in and booked), open at least 12 hours a day.',
      meta: { agency: 'utc' },
      initial: 'reception',
      states: {
        reception: {
          description: 'The person walks in and registers at the urgent treatment centre.',
          meta: { function: 'receive', duration: { dist: 'exponential', mean: 5 }, assumptions: timeAssumed('mean', 2, 10, 'Registering at the UTC') },
          on: { STREAM: { target: 'assessment' } },
        },
        assessment: {
          description: 'A nurse assesses the person and decides how urgently they need treatment.',
          meta: {
            function: 'assess',
            duration: { dist: 'lognormal', median: 10, p90: 25 },
            capacity: { servers: 4 },
            assumptions: {
              ...timeAssumed('median', 5, 15, 'A nurse assessment at the UTC'),
              'capacity.servers': assume(3, 6, 'Assessing nurses on shift, for an offered load of 3.5 at the busiest hour'),
            },
          },
          on: {
            TREAT: { target: 'treatment', meta: { p: 0.92597 } },
            SEND_TO_ED: { target: '#city.ed.triage', meta: pAssumed(0.07403, 0.03, 0.1, 'UTC patients sent on to the emergency department at assessment') },
          },
        },
        treatment: {
          description: 'A nurse, GP or emergency practitioner treats the person.',
          meta: {
            function: 'treat',
            // Most UTC visits end within 2 hours.
            duration: { dist: 'lognormal', median: 60, p90: 150 },
            // Clinicians across the city's UTCs (offered load 21 at the busiest hour; sized by the rule above).
            capacity: { servers: 24, schedule: [10, 10, 8, 8, 8, 8, 10, 14, 20, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 20, 18, 14, 12] },
            assumptions: timeAssumed('median', 40, 90, 'Most UTC visits end within 2 hours'),
          },
          on: {
            TREATED: { target: 'resolved', meta: { p: 0.8771 } },
            GP_FOLLOW_UP: { target: '#city.gp.followUp', meta: pAssumed(0.06982, 0.03, 0.12, 'UTC visits followed up by the GP') },
            REFER_ED: { target: '#city.ed.triage', meta: pAssumed(0.05308, 0.02, 0.08, 'UTC patients referred to the emergency department after treatment') },
          },
        },
        resolved: {
          type: 'final',
          description: 'The urgent treatment centre has treated the problem.',
          meta: { outcome: 'home' },
        },
      },
    },

    // -----------------------------------------------------------------------------------------
    ed: {
      description: 'The emergency department (type 1), with same-day emergency care.',
      meta: { agency: 'ed' },
      initial: 'reception',
      states: {
        reception: {
          description: 'The person books in at the emergency department reception.',
          meta: { function: 'receive', duration: { dist: 'exponential', mean: 5 }, assumptions: timeAssumed('mean', 2, 10, 'Booking in at reception') },
          on: { TRIAGE: { target: 'triage' } },
        },
        triage: {
          description: 'A triage nurse assesses how urgent the problem is (Manchester Triage System).',
          meta: {
            function: 'assess',
            // [figures: Emergency department › Manchester Triage target times] set the urgency bands;
            // triage itself takes minutes (the wait for it is simulated).
            duration: { dist: 'lognormal', median: 6, p90: 15 },
            // Triage nurses on shift (offered load 2.3 at the busiest hour; sized by the rule above).
            capacity: { servers: 3, schedule: [2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2] },
            assumptions: timeAssumed('median', 4, 10, 'Triage itself, a few minutes'),
          },
          on: {
            // Streaming of walk-in patients: no published split (see ambulance.crew.atHospital).
            RESUS: { target: 'resus', meta: pAssumed(0.02119, 0.01, 0.04, 'Walk-in patients needing resuscitation') },
            MAJORS: { target: 'majors', meta: pAssumed(0.3821, 0.25, 0.45, 'Walk-in patients streamed to majors') },
            MINORS: { target: 'minors', meta: { p: 0.44198 } },
            STREAM_TO_UTC: { target: '#city.utc.treatment', meta: pAssumed(0.04433, 0.02, 0.12, 'Walk-in patients streamed to the co-located UTC') },
            SAME_DAY_EMERGENCY_CARE: {
              target: 'sameDayEmergencyCare',
              meta: pAssumed(0.1104, 0.04, 0.12, 'Walk-in patients streamed to same-day emergency care'),
            },
          },
        },
        resus: edArea(
          'The resuscitation area, for critically ill or injured patients.',
          'resusBays',
          {
            description: 'The resuscitation team treats a critically ill or injured patient.',
            duration: { dist: 'lognormal', median: 150, p90: 360 },
            assumptions: timeAssumed('median', 90, 240, 'Resuscitation and stabilisation of a critically ill patient'),
            ways: {
              ADMIT: { target: 'awaitingBed', meta: pAssumed(0.7, 0.55, 0.85, 'Most resuscitation patients are admitted') },
              DISCHARGE: { target: '#city.ed.discharge', meta: { p: 0.26 } },
              DIES: { target: '#city.ed.died', meta: pAssumed(0.04, 0.02, 0.08, 'Deaths in the resuscitation area') },
            },
          },
          false,
        ),
        majors: edArea(
          'The majors area, for seriously unwell patients.',
          'majorsCubicles',
          {
            description: 'Doctors and nurses in the majors area assess and treat a seriously unwell patient.',
            // [figures: Emergency department › median time in department ~2 h 10 min to 2 h 25 min (?)]
            // and [four-hour performance 72–76%]; majors run longer.
            duration: { dist: 'lognormal', median: 180, p90: 480 },
            assumptions: timeAssumed('median', 120, 240, 'Majors stays run longer than the median time in the department'),
            ways: {
              // Fitted to [figures: Emergency department › Type 1 admission conversion] (see ambulance.crew.atHospital).
              ADMIT: { target: 'awaitingBed', meta: pAssumed(0.4521, 0.3, 0.5, 'Majors patients admitted; fitted to the Type 1 conversion of 26–29%') },
              DISCHARGE: { target: '#city.ed.discharge', meta: { p: 0.51815 } },
              REFER_MENTAL_HEALTH: {
                target: '#city.mentalHealth.crisisAssessment',
                meta: pAssumed(0.02975, 0.01, 0.05, 'Majors patients referred to mental health crisis care'),
              },
            },
          },
          true,
        ),
        minors: edArea(
          'The minors area, for minor injuries and illnesses.',
          'minorsCubicles',
          {
            description: 'A nurse practitioner or doctor treats a minor injury or illness.',
            // Median 90, p90 200, so most minors stays end within four hours.
            duration: { dist: 'lognormal', median: 90, p90: 200 },
            assumptions: timeAssumed('median', 60, 120, 'Most minors stays end well within four hours'),
            ways: {
              ADMIT: { target: 'awaitingBed', meta: pAssumed(0.05334, 0.02, 0.08, 'Few minors patients are admitted') },
              DISCHARGE: { target: '#city.ed.discharge', meta: { p: 0.94666 } },
            },
          },
          true,
        ),
        sameDayEmergencyCare: edArea(
          'Same-day emergency care (SDEC).',
          'sdecSpaces',
          {
            description: 'Same-day emergency care assesses, treats and sends home patients who would once have been admitted.',
            duration: { dist: 'lognormal', median: 300, p90: 480 },
            assumptions: timeAssumed('median', 180, 400, 'A day-case stay in same-day emergency care'),
            ways: {
              ADMIT: { target: 'awaitingBed', meta: pAssumed(0.4, 0.15, 0.4, 'Same-day emergency care patients admitted after all') },
              DISCHARGE: { target: '#city.ed.discharge', meta: { p: 0.6 } },
            },
          },
          false,
        ),
        discharge: {
          id: 'city.ed.discharge',
          description: 'The department discharges the patient with advice, a letter to their GP or a referral.',
          meta: { function: 'discharge', duration: { dist: 'exponential', mean: 10 }, assumptions: timeAssumed('mean', 5, 20, 'Discharge advice and letters') },
          on: {
            // [figures: Emergency department › re-attendance within 7 days (?): 7.3% (trusts 3–9%)] of
            // attendances, so a larger share of those discharged (about 7 in 10 attendances): 4–13%.
            HOME: { target: 'dischargedHome', meta: { p: 0.70726 } },
            GP_FOLLOW_UP: { target: '#city.gp.followUp', meta: pAssumed(0.1492, 0.08, 0.25, 'ED discharges with a GP follow-up') },
            COMMUNITY_FOLLOW_UP: { target: '#city.community.followUp', meta: pAssumed(0.05006, 0.02, 0.1, 'ED discharges with community follow-up') },
            COMES_BACK_WITHIN_A_WEEK: {
              target: '#city.person.beforeReattending',
              meta: pAssumed(0.09348, 0.04, 0.13, 'Re-attendance within 7 days: 7.3% of attendances (trusts 3–9%), as a share of those discharged'),
            },
          },
        },
        dischargedHome: {
          type: 'final',
          description: 'The patient goes home from the emergency department.',
          meta: { outcome: 'home' },
        },
        died: {
          id: 'city.ed.died',
          type: 'final',
          description: 'The patient dies in the emergency department.',
          meta: { outcome: 'died' },
        },
        leftWithoutBeingSeen: {
          id: 'city.ed.leftWithoutBeingSeen',
          type: 'final',
          description: 'The patient gave up waiting and left the department without being seen.',
          meta: { outcome: 'left-without-being-seen' },
        },
      },
    },

    // -----------------------------------------------------------------------------------------
    acute: {
      description: 'The acute hospital’s wards and critical care.',
      meta: { agency: 'acute' },
      initial: 'ward',
      states: {
        ward: {
          description: 'An acute ward: the patient holds a bed from admission until they leave hospital, including any wait once medically fit.',
          // No waiting room: a patient admitted from the department waits there, in its space, until a
          // bed is free (exit block), and one stepping down from critical care waits in the critical care bed.
          meta: { uses: 'beds', waitingRoom: 0 },
          initial: 'inpatient',
          states: {
            inpatient: {
              description: 'The patient is cared for on an acute ward.',
              meta: {
                function: 'admit',
                // [figures: Admission and discharge › mean length of stay, emergency admissions: 9.1 days]
                // cannot be held by [flow: Beds › ~870–905 G&A beds for ~500k] at this model's ~130 admissions a day
                // (9.1 days would need ~1,200 beds): the published rows disagree (models/SOURCES.md, "Rows
                // that cannot all hold"). Treatment takes 4.9 days on average (sd 5), so that with the waits
                // once medically fit the beds run at [flow: Beds › 93–96% occupied].
                duration: { dist: 'gamma', mean: 4.9 * DAY, sd: 5 * DAY },
                assumptions: timeAssumed('mean', 4.5 * DAY, 7 * DAY, 'Treatment on the ward, sized so that the beds run at 93–96% occupied'),
              },
              on: {
                READY_FOR_DISCHARGE: { target: 'dischargePlanning', meta: { p: 0.965 } },
                DIES: { target: '#city.acute.died', meta: pAssumed(0.035, 0.025, 0.05, 'In-hospital deaths among emergency admissions') },
              },
            },
            dischargePlanning: {
              description: 'The ward team plans the discharge and decides what support the patient needs at home or elsewhere.',
              meta: {
                function: 'discharge',
                duration: { dist: 'exponential', mean: 240 },
                assumptions: timeAssumed('mean', 120, 480, 'Planning the discharge takes hours, not days'),
              },
              on: {
                // [figures: Admission and discharge › discharge pathways]: pathway 0 ≥50%; 1 ~45%; 2 ≤4%; 3 ≤1%.
                PATHWAY_0_HOME: { target: '#city.acute.dischargedHome', meta: { p: 0.5 } },
                PATHWAY_1_HOME_WITH_SUPPORT: {
                  target: 'awaitingHomeSupport',
                  meta: pAssumed(0.45, 0.35, 0.5, 'Pathway 1 is planned at about 45% (of those aged 65 and over)'),
                },
                PATHWAY_2_REHABILITATION_BED: { target: 'awaitingRehabilitationBed', meta: pAssumed(0.04, 0.02, 0.06, 'Pathway 2 is planned at up to 4%') },
                PATHWAY_3_CARE_HOME: { target: 'awaitingCareHome', meta: pAssumed(0.01, 0.005, 0.02, 'Pathway 3 is planned at up to 1%') },
              },
            },
            // Medically fit for discharge: each wait below has an assessment of its own, and then waits, in
            // the bed, for the service it needs to have room (simulated): together near [flow: Medically fit patients › mean
            // wait from fit to discharge 1.0–2.1 days].
            awaitingHomeSupport: {
              description: 'The patient is medically fit but waits in hospital for support at home to be arranged.',
              meta: {
                function: 'discharge',
                duration: { dist: 'exponential', mean: 1.5 * DAY },
                assumptions: timeAssumed('mean', 0.5 * DAY, 2.5 * DAY, 'Assessing what support is needed at home, before waiting for it to start'),
              },
              on: { SUPPORT_ARRANGED: { target: '#city.social.homeCareStart' } },
            },
            awaitingRehabilitationBed: {
              description: 'The patient is medically fit but waits in hospital for a rehabilitation bed.',
              meta: {
                function: 'discharge',
                duration: { dist: 'exponential', mean: DAY },
                assumptions: timeAssumed('mean', 0.5 * DAY, 2.5 * DAY, 'Referral and assessment for a rehabilitation bed'),
              },
              on: { BED_FOUND: { target: '#city.community.rehabilitationBed' } },
            },
            awaitingCareHome: {
              description: 'The patient is medically fit but waits in hospital for a care home place.',
              meta: {
                function: 'discharge',
                duration: { dist: 'exponential', mean: 2 * DAY },
                assumptions: timeAssumed('mean', 1 * DAY, 4 * DAY, 'Assessment and funding for a care home place'),
              },
              on: { PLACE_FOUND: { target: '#city.social.careHomePlacement' } },
            },
          },
        },
        criticalCare: {
          description: 'The patient is cared for in intensive or high-dependency care.',
          meta: {
            function: 'admit',
            duration: { dist: 'gamma', mean: 4 * DAY, sd: 4 * DAY },
            // [flow: Beds › about 35 adult critical care beds for ~500k]; a patient ready to step down waits for a ward bed in it,
            // and one admitted from the department waits there for a critical care bed (no waiting room).
            uses: 'criticalCareBeds',
            waitingRoom: 0,
            assumptions: timeAssumed('mean', 2 * DAY, 6 * DAY, 'A few days in critical care; ~35 beds at 75–85% occupied'),
          },
          on: {
            STEP_DOWN_TO_WARD: { target: 'ward', meta: { p: 0.85 } },
            DIES: { target: 'died', meta: pAssumed(0.15, 0.1, 0.2, 'Deaths in adult critical care') },
          },
        },
        dischargedHome: {
          id: 'city.acute.dischargedHome',
          type: 'final',
          description: 'The patient goes home from hospital with no new support (pathway 0).',
          meta: { outcome: 'home' },
        },
        died: {
          id: 'city.acute.died',
          type: 'final',
          description: 'The patient dies in hospital.',
          meta: { outcome: 'died' },
        },
      },
    },

    // -----------------------------------------------------------------------------------------
    community: {
      description: 'Community health services: urgent community response, rehabilitation and district nursing.',
      meta: { agency: 'community' },
      initial: 'urgentResponse',
      states: {
        urgentResponse: {
          description: 'The urgent community response team visits the person at home within two hours.',
          meta: {
            function: 'treat',
            duration: { dist: 'gamma', mean: 120, sd: 40 },
            capacity: { servers: 5 },
            assumptions: {
              ...timeAssumed('mean', 90, 180, 'A two-hour visit, travel included'),
              'capacity.servers': assume(4, 8, 'Urgent community response teams on shift, for an offered load of 3.9 at the busiest hour'),
            },
          },
          on: {
            // How urgent community response visits end: [flow: Urgent community response › 5% needed admission (one site)].
            CARED_FOR_AT_HOME: { target: 'resolved', meta: { p: 0.82 } },
            FOLLOW_UP: { target: 'followUp', meta: pAssumed(0.1, 0.05, 0.2, 'Urgent community response visits needing follow-up') },
            CALL_999: { target: '#city.ambulance.callTriage', meta: pAssumed(0.05, 0.02, 0.08, 'Urgent community response visits ending in a 999 call') },
            REFER_SAME_DAY_EMERGENCY_CARE: {
              target: '#city.ed.sameDayEmergencyCare',
              meta: pAssumed(0.03, 0.01, 0.05, 'Urgent community response visits referred to same-day emergency care'),
            },
          },
        },
        rehabilitationBed: {
          description: 'The person recovers in a community rehabilitation bed (discharge pathway 2).',
          meta: {
            function: 'treat',
            duration: { dist: 'gamma', mean: 21 * DAY, sd: 10 * DAY },
            uses: 'rehabilitationBeds',
            waitingRoom: 0,
            assumptions: timeAssumed('mean', 14 * DAY, 35 * DAY, 'About three weeks of rehabilitation'),
          },
          on: {
            // Most go home with support: [flow: Social care › ~82% still at home 91 days after reablement].
            HOME_WITH_SUPPORT: { target: '#city.social.homeCareStart', meta: { p: 0.7 } },
            HOME: { target: 'resolved', meta: pAssumed(0.15, 0.1, 0.25, 'Home from rehabilitation with no new support') },
            CARE_HOME: { target: '#city.social.careHomePlacement', meta: pAssumed(0.1, 0.05, 0.15, 'From rehabilitation into a care home') },
            READMITTED: { target: '#city.ed.reception', meta: pAssumed(0.05, 0.02, 0.1, 'Readmitted from rehabilitation') },
          },
        },
        followUp: {
          description: 'A community nurse or therapist follows the person up at home.',
          meta: {
            function: 'follow-up',
            duration: { dist: 'fixed', value: 45 },
            assumptions: timeAssumed('value', 30, 60, 'A home visit by a community nurse or therapist'),
          },
          on: {
            RECOVERED: { target: 'resolved', meta: { p: 0.95 } },
            CALL_111: { target: '#city.nhs111.callReceived', meta: pAssumed(0.05, 0.02, 0.1, 'Community follow-ups ending in a call to NHS 111') },
          },
        },
        resolved: {
          type: 'final',
          description: 'Community health services have cared for the person at home.',
          meta: { outcome: 'home' },
        },
      },
    },

    // -----------------------------------------------------------------------------------------
    social: {
      description: 'Adult social care: care at home and care home placements.',
      meta: { agency: 'social' },
      initial: 'homeCareStart',
      states: {
        homeCareStart: {
          description: 'Social care starts a package of care and reablement at home (discharge pathway 1).',
          meta: {
            function: 'discharge',
            // Setting up the package takes about a day of the provider's capacity; patients in a bed wait
            // for room (no waiting room: they wait on the ward).
            duration: { dist: 'exponential', mean: DAY },
            uses: 'homeCareStarts',
            waitingRoom: 0,
            assumptions: timeAssumed('mean', 0.5 * DAY, 2 * DAY, 'Setting up a package of care: sourcing a provider, an assessment at home, the first visits'),
          },
          on: { SETTLED_AT_HOME: { target: 'homeWithSupport' } },
        },
        careHomePlacement: {
          description: 'The person moves into a care home (discharge pathway 3).',
          meta: {
            function: 'discharge',
            // Assessment, funding and moving in.
            duration: { dist: 'exponential', mean: 2 * DAY },
            uses: 'careHomePlacements',
            waitingRoom: 0,
            assumptions: timeAssumed('mean', 1 * DAY, 4 * DAY, 'Assessment, funding agreed and moving in'),
          },
          on: { MOVED_IN: { target: 'careHome' } },
        },
        homeWithSupport: {
          type: 'final',
          description: 'The person lives at home with new care and support.',
          meta: { outcome: 'home-with-support' },
        },
        careHome: {
          type: 'final',
          description: 'The person lives in a care home.',
          meta: { outcome: 'care-home' },
        },
      },
    },

    // -----------------------------------------------------------------------------------------
    mentalHealth: {
      description: 'The mental health crisis line, crisis team and home treatment.',
      meta: { agency: 'mentalHealth' },
      initial: 'crisisLine',
      states: {
        crisisLine: {
          description: 'The mental health crisis line answers the call.',
          meta: { function: 'receive', duration: { dist: 'lognormal', median: 15, p90: 40 }, assumptions: timeAssumed('median', 10, 30, 'A crisis line call') },
          on: {
            // How crisis line calls end: no published split.
            SUPPORT_BY_PHONE: { target: 'resolved', meta: { p: 0.5 } },
            CRISIS_ASSESSMENT: { target: 'crisisAssessment', meta: pAssumed(0.45, 0.3, 0.6, 'Crisis line calls needing a face-to-face assessment') },
            CALL_999: { target: '#city.ambulance.callTriage', meta: pAssumed(0.05, 0.02, 0.08, 'Crisis line calls ending in a 999 call') },
          },
        },
        crisisAssessment: {
          description: 'The crisis team assesses the person face to face.',
          meta: {
            function: 'assess',
            duration: { dist: 'lognormal', median: 90, p90: 180 },
            capacity: { servers: 3 },
            assumptions: {
              ...timeAssumed('median', 60, 120, 'A face-to-face crisis assessment'),
              'capacity.servers': assume(2, 5, 'Crisis assessors on shift at once'),
            },
          },
          on: {
            // How crisis assessments end: no published split.
            HOME_TREATMENT: { target: 'homeTreatment', meta: pAssumed(0.45, 0.3, 0.55, 'Crisis assessments leading to home treatment') },
            ADMIT_TO_MENTAL_HEALTH_BED: {
              target: 'admittedToMentalHealthBed',
              meta: pAssumed(0.15, 0.08, 0.25, 'Crisis assessments leading to a mental health admission'),
            },
            SUPPORTED_AT_HOME: { target: 'resolved', meta: { p: 0.4 } },
          },
        },
        homeTreatment: {
          description: 'The home treatment team supports the person at home through the crisis.',
          meta: {
            function: 'treat',
            duration: { dist: 'gamma', mean: 14 * DAY, sd: 7 * DAY },
            assumptions: timeAssumed('mean', 7 * DAY, 28 * DAY, 'Home treatment through a crisis, a few weeks'),
          },
          on: {
            RECOVERED: { target: 'resolved', meta: { p: 0.9 } },
            ADMIT_TO_MENTAL_HEALTH_BED: { target: 'admittedToMentalHealthBed', meta: pAssumed(0.1, 0.05, 0.15, 'Home treatment that ends in an admission') },
          },
        },
        resolved: {
          type: 'final',
          description: 'The crisis has passed and the person is at home.',
          meta: { outcome: 'home' },
        },
        admittedToMentalHealthBed: {
          type: 'final',
          description: 'The person is admitted to a mental health hospital bed.',
          meta: { outcome: 'admitted' },
        },
      },
    },
  },
});
