/**
 * Urgent and emergency care in a mid-sized English city of about 500,000 people.
 *
 * Every number cites the row of shared/domain/uec-figures.md ("figures") it comes from, as
 * `[figures: section › row]`. A city of ~500k is ~0.87% of England ("figures: Demand › city of
 * ~500k"). Where the figures have nothing to offer, the number is a modelling assumption and is
 * marked `ASSUMPTION` with the reasoning: change those first when you fit the model to a real place.
 *
 * Resources, waiting rooms and clocks (the flow, for the discrete-event simulation) cite the rows of
 * models/SOURCES.md as `[flow: section › row]`, which this repository carries.
 *
 * Capacities (for the discrete-event simulation) are assumptions unless a row is cited: each is sized
 * at about 80–90% of the offered load at the busiest hour that the model itself implies (requests a
 * day × expected visits × mean minutes; the busiest hour carries 1.6 times the average).
 */
import { defineCareModel, type Duration, type TransitionMeta } from 'carepaths/model';

// ---------------------------------------------------------------------------------------------
// Demand: requests for help entering the system each day, by the channel the person chooses.
// ---------------------------------------------------------------------------------------------
const channels = {
  // [figures: Demand › city of ~500k: 209 ambulance incidents a day] less the ~46 a day that start
  // as NHS 111 ambulance dispositions (487 calls × 86% triaged × 11%), which are counted once, in 111.
  call999: 163,
  // [figures: Demand › city of ~500k: 487 NHS 111 calls a day]
  call111: 487,
  // ASSUMPTION: NHS 111 online sessions ending in a disposition; the figures give the online
  // disposition mix but not its volume. Roughly a fifth of phone volume.
  online111: 100,
  // ASSUMPTION: requests to a GP practice for a new urgent problem. The figures give ~3,900 same-day
  // GP appointments a day for such a city (Demand › GP appointments, same day: 13.6M a month × 0.87% / 30);
  // we take ~15% of them as new urgent problems rather than routine same-day care.
  gpInHours: 600,
  // [figures: Demand › Pharmacy First consultations: 2.21M a year on the clinical pathway (walk-in)]
  // × 0.87% / 365 = 52 a day.
  pharmacyWalkIn: 52,
  // [figures: Demand › city of ~500k: 250 UTC/MIU/walk-in attendances a day] less ~50 booked in by
  // NHS 111 and GPs (ASSUMPTION for the split).
  utcWalkIn: 200,
  // [figures: Demand › city of ~500k: 390 Type 1 attendances, ~105 by ambulance] leaves 285 arriving
  // on foot, less ~55 sent by NHS 111 and GPs (ASSUMPTION for the split).
  edWalkIn: 230,
  // ASSUMPTION: people who look up the NHS website first and try self-care; not counted anywhere in
  // the figures, because most never contact a service.
  selfCareFirst: 150,
};
const perDay = Object.values(channels).reduce((a, b) => a + b, 0);
const share = (n: number) => n / perDay;

// ASSUMPTION: the shape of urgent care demand over the day (low overnight, a peak late morning and
// a long afternoon); the figures give no hourly profile. Only the shape matters.
const hourly = [2.2, 1.8, 1.5, 1.3, 1.2, 1.3, 1.8, 2.9, 4.5, 5.8, 6.3, 6.2, 6.0, 5.8, 5.6, 5.4, 5.3, 5.2, 5.0, 4.7, 4.2, 3.7, 3.1, 2.6];

const DAY = 24 * 60;

// NHS 111 dispositions of triaged calls [figures: NHS 111 › dispositions of triaged calls (MDS
// 2015–17)]: ambulance 10–12.7%, A&E 7.4–9%, primary care 61–63%, other service 4–5%, self-care
// 13–16%. We take 11%, 8%, 62%, 4.5% and 14.5% (they sum to 1).
const dispositions = {
  AMBULANCE: 0.11,
  A_AND_E: 0.08,
  // ASSUMPTION: most NHS 111 calls come out of GP hours, so 35% of primary care dispositions are
  // booked into the caller's GP practice and 65% into the out-of-hours GP service.
  GP_IN_HOURS: 0.62 * 0.35,
  OUT_OF_HOURS_GP: 0.62 * 0.65,
  // ASSUMPTION: "other service" (4.5%) split between Pharmacy First 2%, a UTC 1.5% and mental
  // health crisis care 1%.
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
// Each is sized from models/SOURCES.md ("flow" rows), or is a reasoned ASSUMPTION with a range.
// ---------------------------------------------------------------------------------------------
const resources = {
  crews: {
    label: 'Staffed ambulances',
    // [flow: Ambulance fleet › ~24 on duty at a time for ~500k (EEAST ratio, 4.7 per 100,000)], of
    // which ~17 are free to respond: ASSUMPTION (range 20–35%) that about 30% of on-duty time goes on meal
    // breaks, vehicle checks, restocking, cleaning and returning to base, which the figures do not give.
    // The hourly shape is an ASSUMPTION: fewer overnight, most from late morning to evening.
    units: 17,
    schedule: { hourly: [13, 12, 12, 11, 11, 11, 13, 15, 18, 20, 21, 21, 21, 21, 21, 21, 21, 21, 20, 19, 17, 16, 15, 14] },
    queue: 'priority' as const,
    source: 'flow: Ambulance fleet, ~24 on duty at a time',
  },
  resusBays: {
    label: 'Resuscitation bays',
    // ASSUMPTION (range 5–8): ~6 bays across the city's type 1 EDs; [flow: ED › ~57 adult ED spaces] in all.
    units: 6,
    source: 'ASSUMPTION within flow: ED, ~57 adult ED spaces',
  },
  majorsCubicles: {
    label: 'Majors cubicles',
    // [flow: ED › ~57 adult ED spaces for ~142k type 1 attendances a year (0.4 per 1,000)] less the
    // 6 resus bays: 51, taken as 50 (ASSUMPTION, range 45–65 with corridor and escalation spaces).
    units: 50,
    source: 'flow: ED, ~57 adult ED spaces',
  },
  minorsCubicles: {
    label: 'Minors cubicles',
    // ASSUMPTION (range 15–30): minors and see-and-treat spaces, not counted in the adult ED spaces.
    units: 22,
    source: 'ASSUMPTION',
  },
  sdecSpaces: {
    label: 'Same-day emergency care chairs and trolleys',
    // ASSUMPTION (range 18–30), sized at ~85% of the offered load at the busiest hour.
    units: 26,
    source: 'ASSUMPTION',
  },
  beds: {
    label: 'General and acute beds',
    // [flow: Beds › ~870–905 G&A beds for ~500k (0.87% of 99,900–103,800)].
    units: 890,
    source: 'flow: Beds, 870–905 G&A beds',
  },
  criticalCareBeds: {
    label: 'Adult critical care beds',
    // [flow: Beds › about 35 adult critical care beds for ~500k].
    units: 35,
    source: 'flow: Beds, ~35 adult critical care beds',
  },
  homeCareStarts: {
    label: 'Home care and reablement packages being set up',
    // ASSUMPTION (range 40–90): packages the city's providers can be setting up at once (sourcing a
    // provider, assessment at home, the first visits); with ~1 day each this limits starts to ~60 a day,
    // against ~57 a day needed, so medically fit patients wait for them in a bed.
    units: 60,
    source: 'ASSUMPTION within flow: Discharge, reasons (home care 24–25% of delays)',
  },
  rehabilitationBeds: {
    label: 'Community rehabilitation beds',
    // ASSUMPTION (range 80–150): ~5 transfers a day staying ~21 days need ~105 beds.
    units: 110,
    source: 'ASSUMPTION within flow: Discharge, ~15 waiting for a rehab bed on an average day',
  },
  careHomePlacements: {
    label: 'Care home places being filled',
    // ASSUMPTION (range 2–6): vacancies the city's care homes can be filling at once (assessment,
    // funding agreed, move-in), ~2 days each, for ~1–2 placements a day from hospital.
    units: 4,
    source: 'ASSUMPTION within flow: Social care, waits for a care home place',
  },
};

// Clocks: the standards planners measure the system against.
const clocks = [
  ...[
    // [figures: Ambulance › response standards: Cat 1 mean 7, 90th centile 15; Cat 2 mean 18, 90th 40;
    // Cat 3 90% within 2 h; Cat 4 90% within 3 h]. Each clock runs from the call being given its
    // category to the crew reaching the patient, so it includes the wait for a free crew.
    { n: 1, over: [7, 15, 30] },
    { n: 2, over: [18, 40, 60] },
    { n: 3, over: [60, 120, 240] },
    { n: 4, over: [120, 180, 360] },
  ].map(({ n, over }) => ({
    id: `category${n}Response`,
    label: `Category ${n} response (from the call being categorised to arrival at the patient)`,
    from: `city.ambulance.crew.category${n}Response`,
    to: 'city.ambulance.crew.onScene',
    over,
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
    // [flow: ED › 12 h or more from decision to admit].
    label: 'From decision to admit to leaving the emergency department for a bed',
    from: ['city.ed.resus.awaitingBed', 'city.ed.majors.awaitingBed', 'city.ed.minors.awaitingBed', 'city.ed.sameDayEmergencyCare.awaitingBed'],
    to: 'city.acute',
    over: [240, 720],
  },
  {
    id: 'medicallyFit',
    // [flow: NCTR › mean wait from fit to discharge 1.0–2.1 days by region; national 1.3 days].
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
  treatment: { description: string; duration: Duration; ways: Record<string, { target: string; meta: TransitionMeta }> },
  walkIns: boolean,
) {
  return {
    description,
    meta: {
      uses: resource,
      // ASSUMPTION (range: median 1–5 h): how long walk-in patients wait for a space before some
      // leave without being seen, towards [flow: ED › ~30 a day leave without treatment].
      ...(walkIns ? { patience: { dist: 'lognormal', median: 120, p90: 480 } as Duration } : {}),
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
        meta: { function: 'emergency-treatment', duration: treatment.duration },
        on: treatment.ways,
      },
      awaitingBed: {
        description: 'A decision to admit has been made; the patient waits in the department for a bed.',
        meta: {
          function: 'admit',
          // ASSUMPTION (range: median 30–90 min): requesting and allocating a bed and a porter when
          // one is free; the wait for a bed when none is free is simulated (exit block).
          duration: { dist: 'lognormal', median: 60, p90: 180 } as Duration,
        },
        on: {
          // ASSUMPTION: 5% of admissions from the department go to critical care.
          TO_WARD: { target: '#city.acute.ward', meta: { p: 0.95 } },
          TO_CRITICAL_CARE: { target: '#city.acute.criticalCare', meta: { p: 0.05 } },
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
      'Numbers marked ASSUMPTION in models/city-uec.ts are modelling assumptions where no published figure was to hand',
    ],
    agencies: [
      { id: 'person', label: 'The person and their carers' },
      { id: 'nhs111', label: 'NHS 111' },
      { id: 'ambulance', label: 'Ambulance service (999)' },
      { id: 'gp', label: 'GP practice' },
      { id: 'ooh', label: 'Out-of-hours GP service' },
      { id: 'pharmacy', label: 'Community pharmacy' },
      { id: 'utc', label: 'Urgent treatment centre' },
      { id: 'ed', label: 'Emergency department' },
      { id: 'acute', label: 'Acute hospital wards' },
      { id: 'community', label: 'Community health services' },
      { id: 'social', label: 'Adult social care' },
      { id: 'mentalHealth', label: 'Mental health crisis service' },
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
            USE_111_ONLINE: { target: '#city.nhs111.onlineTriage', meta: { p: share(channels.online111) } },
            CONTACT_GP: { target: '#city.gp.reception', meta: { p: share(channels.gpInHours) } },
            VISIT_PHARMACY: { target: '#city.pharmacy.counter', meta: { p: share(channels.pharmacyWalkIn) } },
            WALK_IN_UTC: { target: '#city.utc.reception', meta: { p: share(channels.utcWalkIn) } },
            WALK_IN_ED: { target: '#city.ed.reception', meta: { p: share(channels.edWalkIn) } },
            TRY_SELF_CARE: { target: 'selfCare', meta: { p: share(channels.selfCareFirst) } },
          },
        },
        selfCare: {
          description: 'The person looks after themselves at home, using advice from the NHS website or a clinician.',
          meta: {
            function: 'recognise-need',
            // ASSUMPTION: a day of self-care before the need settles or the person asks again.
            duration: { dist: 'exponential', mean: DAY },
          },
          on: {
            // ASSUMPTION: 1 in 10 people call NHS 111 again when self-care does not work, and 1 in 20
            // go to a pharmacy; this is the re-contact loop through NHS 111.
            NEED_SETTLES: { target: 'resolvedAtHome', meta: { p: 0.85 } },
            CALL_111_AGAIN: { target: '#city.nhs111.callReceived', meta: { p: 0.1 } },
            ASK_PHARMACIST: { target: '#city.pharmacy.counter', meta: { p: 0.05 } },
          },
        },
        afterAbandonedCall: {
          description: 'The person hung up before NHS 111 answered, and decides what to do next.',
          meta: { function: 'recognise-need', duration: { dist: 'exponential', mean: 30 } /* ASSUMPTION: half an hour */ },
          on: {
            // ASSUMPTION (no published split): most call again, some look after themselves, a few go to A&E.
            CALL_111_AGAIN: { target: '#city.nhs111.callReceived', meta: { p: 0.6 } },
            SELF_CARE: { target: 'selfCare', meta: { p: 0.3 } },
            GO_TO_ED: { target: '#city.ed.reception', meta: { p: 0.1 } },
          },
        },
        beforeReattending: {
          description: 'The person is at home after an emergency department visit, and the problem comes back.',
          meta: {
            function: 'recognise-need',
            // [figures: Emergency department › re-attendance within 7 days (?)]: within days, not
            // minutes. ASSUMPTION (range: mean 1–4 days): exponential, mean 2.5 days.
            duration: { dist: 'exponential', mean: 2.5 * DAY },
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
            // ASSUMPTION: 3 minutes to answer and register a call, within the ~15 minute episode below.
            duration: { dist: 'exponential', mean: 3 },
            // ASSUMPTION (range 2–5 at the busiest hours): call handlers free to answer, for ~487 calls a
            // day at 3 minutes each, sized so that about 1 caller in 20 hangs up first.
            capacity: { servers: 3, schedule: [1, 1, 1, 1, 1, 1, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2] },
            // ASSUMPTION (range: mean 3–15 min): how long callers hold before hanging up, with
            // [flow: NHS 111 › ~5% of calls not answered (Nov 2024)] as the figure to reach.
            patience: { dist: 'exponential', mean: 8 },
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
            // ASSUMPTION: health advisers on shift.
            capacity: { servers: 10, schedule: [4, 4, 3, 3, 3, 3, 4, 6, 9, 11, 12, 12, 12, 12, 11, 11, 11, 11, 11, 11, 10, 9, 7, 5] },
          },
          on: {
            // [figures: NHS 111 › clinical input (call-back or warm transfer): ~40%]
            CLINICAL_ASSESSMENT: { target: 'clinicalAssessment', meta: { p: 0.4 } },
            // The other 60% take the disposition mix of triaged calls directly.
            SEND_AMBULANCE: { target: '#city.ambulance.callTriage', meta: { p: 0.6 * dispositions.AMBULANCE } },
            ADVISE_A_AND_E: { target: 'referEd', meta: { p: 0.6 * dispositions.A_AND_E } },
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
            // ASSUMPTION: about 10 minutes to complete an online assessment.
            duration: { dist: 'lognormal', median: 8, p90: 18 },
          },
          on: {
            // [figures: NHS 111 › NHS 111 online dispositions (2019)]: self-care 13%; primary care 48%;
            // 999 or A&E 24.7%; dental 6.8%; other incl. pharmacy 7.4%, rounded up to 7.5% to sum to 1.
            SELF_CARE_ADVICE: { target: 'selfCareAdvice', meta: { p: 0.13 } },
            BOOK_GP: { target: 'bookGp', meta: { p: 0.48 * 0.35 } },
            BOOK_OUT_OF_HOURS: { target: 'bookOutOfHours', meta: { p: 0.48 * 0.65 } },
            // ASSUMPTION: online 999 and A&E outcomes are validated by a clinician calling back.
            CLINICIAN_CALL_BACK: { target: 'clinicalAssessment', meta: { p: 0.247 } },
            SIGNPOST_DENTAL: { target: 'signpostedToDental', meta: { p: 0.068 } },
            REFER_PHARMACY: { target: 'referPharmacy', meta: { p: 0.075 } },
          },
        },
        clinicalAssessment: {
          description: 'A nurse, paramedic or GP in the clinical assessment service calls the person back and assesses them.',
          meta: {
            function: 'assess',
            // ASSUMPTION: a clinical call of about 20 minutes.
            duration: { dist: 'lognormal', median: 17, p90: 35 },
            // ASSUMPTION: clinicians on shift in the clinical assessment service (offered load 4.7 at the busiest hour).
            capacity: { servers: 7 },
          },
          on: {
            // Same disposition mix as triaged calls [figures: NHS 111 › dispositions of triaged calls].
            SEND_AMBULANCE: { target: '#city.ambulance.callTriage', meta: { p: dispositions.AMBULANCE } },
            ADVISE_A_AND_E: { target: 'referEd', meta: { p: dispositions.A_AND_E } },
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
          meta: { function: 'advise', duration: { dist: 'fixed', value: 2 } /* ASSUMPTION: closing advice */ },
          on: { LOOK_AFTER_SELF: { target: '#city.person.selfCare' } },
        },
        bookGp: {
          description: 'NHS 111 books an urgent appointment at the person’s GP practice.',
          meta: { function: 'book', duration: { dist: 'fixed', value: 3 } /* ASSUMPTION: booking through the Directory of Services */ },
          on: { ATTEND_GP: { target: '#city.gp.appointment' } },
        },
        bookOutOfHours: {
          description: 'NHS 111 passes the person to the out-of-hours GP service.',
          meta: { function: 'book', duration: { dist: 'fixed', value: 3 } /* ASSUMPTION */ },
          on: { OUT_OF_HOURS_CALL_BACK: { target: '#city.ooh.clinicianCall' } },
        },
        bookUtc: {
          description: 'NHS 111 books an arrival time at an urgent treatment centre.',
          meta: { function: 'book', duration: { dist: 'fixed', value: 3 } /* ASSUMPTION */ },
          on: { ATTEND_UTC: { target: '#city.utc.assessment' } },
        },
        referPharmacy: {
          description: 'NHS 111 refers the person to a community pharmacy for a Pharmacy First consultation.',
          meta: { function: 'book', duration: { dist: 'fixed', value: 2 } /* ASSUMPTION */ },
          on: { ATTEND_PHARMACY: { target: '#city.pharmacy.consultation' } },
        },
        referEd: {
          description: 'NHS 111 advises the person to go to the emergency department and tells it they are coming.',
          meta: { function: 'book', duration: { dist: 'fixed', value: 2 } /* ASSUMPTION */ },
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
            // ASSUMPTION: about 2 minutes to answer and locate the caller.
            duration: { dist: 'exponential', mean: 2 },
          },
          on: { TRIAGE_CALL: { target: 'callTriage' } },
        },
        callTriage: {
          description: 'The call handler triages the call and gives it a response category.',
          meta: {
            function: 'assess',
            // ASSUMPTION: about 5 minutes of structured questions.
            duration: { dist: 'lognormal', median: 4, p90: 9 },
          },
          on: {
            // [figures: Ambulance › category mix (AQI Aug 2024–Jan 2025)]: Cat 1 10.0–11.5%, Cat 2
            // 50.7–52.6%, Cat 3 and 4 36–39%; we take 10.7%, 51.7% and 37.6%.
            CATEGORY_1: { target: 'crew.category1Response', meta: { p: 0.107 } },
            CATEGORY_2: { target: 'crew.category2Response', meta: { p: 0.517 } },
            CATEGORY_3_OR_4: { target: 'clinicalHub', meta: { p: 0.376 } },
          },
        },
        clinicalHub: {
          description: 'A clinician in the ambulance clinical hub reviews the lower-category call.',
          meta: {
            function: 'assess',
            // ASSUMPTION: about 15 minutes of clinical review.
            duration: { dist: 'lognormal', median: 12, p90: 30 },
          },
          on: {
            // [figures: Ambulance › response outcome mix: hear & treat 14.5% of all incidents], all of
            // which we place in categories 3 and 4: 0.145 / 0.376 = 0.386.
            HEAR_AND_TREAT: { target: 'hearAndTreat', meta: { p: 0.386 } },
            // ASSUMPTION: the remaining categories 3 and 4 split 0.19 : 0.041 of all incidents.
            CATEGORY_3: { target: 'crew.category3Response', meta: { p: 0.505 } },
            CATEGORY_4: { target: 'crew.category4Response', meta: { p: 0.109 } },
          },
        },
        hearAndTreat: {
          description: 'The clinician gives advice over the phone and closes the call without sending an ambulance (hear and treat).',
          meta: { function: 'advise', duration: { dist: 'lognormal', median: 15, p90: 30 } /* ASSUMPTION */ },
          on: {
            // ASSUMPTION: how hear-and-treat calls end.
            SELF_CARE: { target: '#city.person.selfCare', meta: { p: 0.6 } },
            REFER_GP: { target: '#city.gp.appointment', meta: { p: 0.2 } },
            REFER_PHARMACY: { target: '#city.pharmacy.consultation', meta: { p: 0.05 } },
            REFER_URGENT_COMMUNITY_RESPONSE: { target: '#city.community.urgentResponse', meta: { p: 0.1 } },
            REFER_MENTAL_HEALTH: { target: '#city.mentalHealth.crisisAssessment', meta: { p: 0.05 } },
          },
        },
        crew: {
          description:
            'An ambulance crew is allocated to the call and stays with it until it is free again: the drive, on scene, the journey to hospital and the handover.',
          meta: {
            uses: 'crews',
            // ASSUMPTION (range 60–240 min): calls waiting for a crew for more than 2 hours are
            // escalated to category 2 priority (clinical review of long waits).
            escalate: { after: 120, priority: 2 },
          },
          initial: 'category2Response',
          states: {
            category1Response: {
              description: 'The nearest free crew is sent at once to a life-threatening emergency (category 1) and drives to the scene.',
              // The drive only: the wait for a free crew is simulated. ASSUMPTION (range: median 5–8 min),
              // so that the whole response comes near [figures: Ambulance › actual mean response: Cat 1 ~8 min].
              meta: { function: 'dispatch', priority: 1, duration: { dist: 'lognormal', median: 6, p90: 11 } },
              on: { ARRIVE: { target: 'onScene' } },
            },
            category2Response: {
              description: 'A crew is sent to an emergency (category 2) and drives to the scene.',
              // The drive only: the wait for a free crew is simulated and makes up most of [flow: Ambulance ›
              // Cat 2 mean 27–36 min]. ASSUMPTION (range: median 8–14 min): a longer drive than category 1,
              // from wherever the next free crew is.
              meta: { function: 'dispatch', priority: 2, duration: { dist: 'lognormal', median: 11, p90: 22 } },
              on: { ARRIVE: { target: 'onScene' } },
            },
            category3Response: {
              description: 'A crew is sent to an urgent problem (category 3) and drives to the scene.',
              // The drive only; the wait for a free crew is simulated. ASSUMPTION (range: median 10–16 min).
              meta: { function: 'dispatch', priority: 3, duration: { dist: 'lognormal', median: 13, p90: 25 } },
              on: { ARRIVE: { target: 'onScene' } },
            },
            category4Response: {
              description: 'A crew is sent to a less urgent problem (category 4) and drives to the scene.',
              // The drive only; the wait for a free crew is simulated. ASSUMPTION (range: median 10–16 min).
              meta: { function: 'dispatch', priority: 4, duration: { dist: 'lognormal', median: 13, p90: 25 } },
              on: { ARRIVE: { target: 'onScene' } },
            },
            onScene: {
              description: 'The crew assesses the patient at the scene and decides what they need.',
              // [figures: Ambulance › job cycle (?)]: assessment is part of the ~40 min on scene;
              // ASSUMPTION: 15 minutes of it is assessment.
              meta: { function: 'assess', duration: { dist: 'gamma', mean: 15, sd: 7 } },
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
              meta: { function: 'treat', duration: { dist: 'gamma', mean: 60, sd: 25 } },
              on: {
                // ASSUMPTION: how see-and-treat episodes end.
                LEAVE_AT_HOME: { target: '#city.ambulance.treatedAtHome', meta: { p: 0.8 } },
                REFER_GP: { target: '#city.gp.followUp', meta: { p: 0.1 } },
                REFER_URGENT_COMMUNITY_RESPONSE: { target: '#city.community.urgentResponse', meta: { p: 0.1 } },
              },
            },
            conveyToEd: {
              description: 'The crew takes the patient to the emergency department.',
              // [figures: Ambulance › job cycle (?)]: ~25 more minutes on scene when conveying, then ~18 min to hospital.
              meta: { function: 'convey', duration: { dist: 'gamma', mean: 43, sd: 15 } },
              on: { ARRIVE_AT_HOSPITAL: { target: 'atHospital' } },
            },
            conveyElsewhere: {
              description: 'The crew takes the patient somewhere other than the emergency department.',
              meta: { function: 'convey', duration: { dist: 'gamma', mean: 43, sd: 15 } /* as conveyToEd */ },
              on: {
                // ASSUMPTION: where "elsewhere" is.
                TO_SAME_DAY_EMERGENCY_CARE: { target: '#city.ed.sameDayEmergencyCare.fromAmbulance', meta: { p: 0.5 } },
                TO_URGENT_TREATMENT_CENTRE: { target: '#city.utc.assessment', meta: { p: 0.3 } },
                TO_MENTAL_HEALTH_CRISIS_CARE: { target: '#city.mentalHealth.crisisAssessment', meta: { p: 0.2 } },
              },
            },
            atHospital: {
              description: 'The crew brings the patient into the emergency department and hands over their care.',
              meta: {
                function: 'handover',
                // [flow: Ambulance handover › the 15-minute standard]: ASSUMPTION (range: median 8–15) for
                // the handover itself; any wait for a space in the department is simulated.
                duration: { dist: 'lognormal', median: 12, p90: 20 },
              },
              on: {
                // ASSUMPTION: where ambulance patients go in the department, calibrated with the walk-in
                // split to [figures: Emergency department › Type 1 admission conversion 26.3%].
                RESUS: { target: '#city.ed.resus.fromAmbulance', meta: { p: 0.1 } },
                MAJORS: { target: '#city.ed.majors.fromAmbulance', meta: { p: 0.75 } },
                MINORS: { target: '#city.ed.minors.fromAmbulance', meta: { p: 0.05 } },
                SAME_DAY_EMERGENCY_CARE: { target: '#city.ed.sameDayEmergencyCare.fromAmbulance', meta: { p: 0.1 } },
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
          meta: { function: 'receive', duration: { dist: 'exponential', mean: 4 } /* ASSUMPTION */ },
          on: { TRIAGE: { target: 'triage' } },
        },
        triage: {
          description: 'A GP or care navigator reviews the request and decides who should see the person and when.',
          meta: { function: 'assess', duration: { dist: 'lognormal', median: 5, p90: 12 } /* ASSUMPTION */ },
          on: {
            // ASSUMPTION: how practices route urgent requests. The pharmacy share follows
            // [figures: Demand › Pharmacy First: 2.74M of 4.94M referred by GP or 111].
            SAME_DAY_APPOINTMENT: { target: 'appointment', meta: { p: 0.72 } },
            REFER_PHARMACY: { target: '#city.pharmacy.consultation', meta: { p: 0.15 } },
            SEND_TO_UTC: { target: '#city.utc.assessment', meta: { p: 0.04 } },
            SEND_TO_ED: { target: '#city.ed.reception', meta: { p: 0.02 } },
            CALL_999: { target: '#city.ambulance.callTriage', meta: { p: 0.01 } },
            ADVICE_AND_SELF_CARE: { target: '#city.person.selfCare', meta: { p: 0.06 } },
          },
        },
        appointment: {
          description: 'A GP or practice clinician sees the person the same day.',
          meta: {
            function: 'treat',
            // ASSUMPTION: a 15 minute appointment, sometimes longer.
            duration: { dist: 'gamma', mean: 15, sd: 5 },
            // ASSUMPTION: urgent appointment slots across the city's practices.
            capacity: { servers: 40, schedule: [0, 0, 0, 0, 0, 0, 0, 0, 40, 40, 40, 40, 40, 30, 40, 40, 40, 40, 20, 0, 0, 0, 0, 0] },
          },
          on: {
            // ASSUMPTION: how same-day appointments end.
            TREATED: { target: 'resolved', meta: { p: 0.8 } },
            FOLLOW_UP: { target: 'followUp', meta: { p: 0.1 } },
            REFER_SAME_DAY_EMERGENCY_CARE: { target: '#city.ed.sameDayEmergencyCare', meta: { p: 0.03 } },
            REFER_ED: { target: '#city.ed.reception', meta: { p: 0.03 } },
            CALL_999: { target: '#city.ambulance.callTriage', meta: { p: 0.01 } },
            REFER_URGENT_COMMUNITY_RESPONSE: { target: '#city.community.urgentResponse', meta: { p: 0.03 } },
          },
        },
        followUp: {
          description: 'The GP reviews the person again in the following days.',
          meta: { function: 'follow-up', duration: { dist: 'fixed', value: 10 } /* ASSUMPTION */ },
          on: {
            // ASSUMPTION
            RECOVERED: { target: 'resolved', meta: { p: 0.95 } },
            REFER_ED: { target: '#city.ed.reception', meta: { p: 0.05 } },
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
            duration: { dist: 'lognormal', median: 15, p90: 30 } /* ASSUMPTION */,
            capacity: { servers: 6 } /* ASSUMPTION */,
          },
          on: {
            // ASSUMPTION: how out-of-hours calls end.
            ADVICE_ONLY: { target: '#city.person.selfCare', meta: { p: 0.45 } },
            BASE_APPOINTMENT: { target: 'baseAppointment', meta: { p: 0.4 } },
            HOME_VISIT: { target: 'homeVisit', meta: { p: 0.1 } },
            SEND_TO_ED: { target: '#city.ed.reception', meta: { p: 0.05 } },
          },
        },
        baseAppointment: {
          description: 'The person sees an out-of-hours GP at a treatment centre.',
          meta: { function: 'treat', duration: { dist: 'gamma', mean: 20, sd: 8 } /* ASSUMPTION */ },
          on: {
            TREATED: { target: 'resolved', meta: { p: 0.92 } },
            REFER_ED: { target: '#city.ed.reception', meta: { p: 0.05 } },
            REFER_SAME_DAY_EMERGENCY_CARE: { target: '#city.ed.sameDayEmergencyCare', meta: { p: 0.03 } },
          },
        },
        homeVisit: {
          description: 'An out-of-hours GP visits the person at home.',
          meta: { function: 'treat', duration: { dist: 'gamma', mean: 60, sd: 20 } /* ASSUMPTION: includes travel */ },
          on: {
            TREATED: { target: 'resolved', meta: { p: 0.85 } },
            CALL_999: { target: '#city.ambulance.callTriage', meta: { p: 0.1 } },
            REFER_URGENT_COMMUNITY_RESPONSE: { target: '#city.community.urgentResponse', meta: { p: 0.05 } },
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
          meta: { function: 'receive', duration: { dist: 'exponential', mean: 5 } /* ASSUMPTION */ },
          on: {
            // ASSUMPTION: how walk-in requests are handled.
            PHARMACY_FIRST: { target: 'consultation', meta: { p: 0.6 } },
            ADVICE: { target: 'advice', meta: { p: 0.4 } },
          },
        },
        advice: {
          description: 'The pharmacist gives advice and, where needed, medicine to buy.',
          meta: { function: 'advise', duration: { dist: 'exponential', mean: 5 } /* ASSUMPTION */ },
          on: {
            LOOK_AFTER_SELF: { target: '#city.person.selfCare', meta: { p: 0.9 } },
            SEE_GP: { target: '#city.gp.reception', meta: { p: 0.1 } },
          },
        },
        consultation: {
          description: 'A pharmacist assesses and treats the person in a Pharmacy First consultation.',
          meta: {
            function: 'treat',
            duration: { dist: 'gamma', mean: 15, sd: 5 } /* ASSUMPTION */,
          },
          on: {
            // ASSUMPTION: how Pharmacy First consultations end.
            TREATED: { target: 'resolved', meta: { p: 0.85 } },
            REFER_GP: { target: '#city.gp.triage', meta: { p: 0.1 } },
            REFER_UTC: { target: '#city.utc.assessment', meta: { p: 0.03 } },
            CALL_111: { target: '#city.nhs111.callReceived', meta: { p: 0.02 } },
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
          meta: { function: 'receive', duration: { dist: 'exponential', mean: 5 } /* ASSUMPTION */ },
          on: { STREAM: { target: 'assessment' } },
        },
        assessment: {
          description: 'A nurse assesses the person and decides how urgently they need treatment.',
          meta: {
            function: 'assess',
            duration: { dist: 'lognormal', median: 10, p90: 25 } /* ASSUMPTION */,
            capacity: { servers: 4 } /* ASSUMPTION: offered load 3.5 at the busiest hour */,
          },
          on: {
            // ASSUMPTION
            TREAT: { target: 'treatment', meta: { p: 0.93 } },
            SEND_TO_ED: { target: '#city.ed.triage', meta: { p: 0.07 } },
          },
        },
        treatment: {
          description: 'A nurse, GP or emergency practitioner treats the person.',
          meta: {
            function: 'treat',
            // ASSUMPTION: most UTC visits end within 2 hours.
            duration: { dist: 'lognormal', median: 60, p90: 150 },
            // ASSUMPTION: clinicians across the city's UTCs (offered load 21 at the busiest hour).
            capacity: { servers: 24, schedule: [10, 10, 8, 8, 8, 8, 10, 14, 20, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 20, 18, 14, 12] },
          },
          on: {
            // ASSUMPTION
            TREATED: { target: 'resolved', meta: { p: 0.88 } },
            GP_FOLLOW_UP: { target: '#city.gp.followUp', meta: { p: 0.07 } },
            REFER_ED: { target: '#city.ed.triage', meta: { p: 0.05 } },
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
          meta: { function: 'receive', duration: { dist: 'exponential', mean: 5 } /* ASSUMPTION */ },
          on: { TRIAGE: { target: 'triage' } },
        },
        triage: {
          description: 'A triage nurse assesses how urgent the problem is (Manchester Triage System).',
          meta: {
            function: 'assess',
            // [figures: Emergency department › Manchester Triage target times] set the urgency bands;
            // ASSUMPTION: triage itself, median 6 min, p90 15 (the wait for it is simulated).
            duration: { dist: 'lognormal', median: 6, p90: 15 },
            // ASSUMPTION: triage nurses on shift (offered load 2.3 at the busiest hour).
            capacity: { servers: 3, schedule: [2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2] },
          },
          on: {
            // ASSUMPTION: streaming of walk-in patients (see ambulance.crew.atHospital for the calibration).
            RESUS: { target: 'resus', meta: { p: 0.02 } },
            MAJORS: { target: 'majors', meta: { p: 0.35 } },
            MINORS: { target: 'minors', meta: { p: 0.5 } },
            STREAM_TO_UTC: { target: '#city.utc.treatment', meta: { p: 0.05 } },
            SAME_DAY_EMERGENCY_CARE: { target: 'sameDayEmergencyCare', meta: { p: 0.08 } },
          },
        },
        resus: edArea(
          'The resuscitation area, for critically ill or injured patients.',
          'resusBays',
          {
            description: 'The resuscitation team treats a critically ill or injured patient.',
            duration: { dist: 'lognormal', median: 150, p90: 360 } /* ASSUMPTION */,
            ways: {
              // ASSUMPTION
              ADMIT: { target: 'awaitingBed', meta: { p: 0.7 } },
              DISCHARGE: { target: '#city.ed.discharge', meta: { p: 0.26 } },
              DIES: { target: '#city.ed.died', meta: { p: 0.04 } },
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
            // and [four-hour performance 72–76%]; majors run longer: ASSUMPTION median 180, p90 480.
            duration: { dist: 'lognormal', median: 180, p90: 480 },
            ways: {
              // ASSUMPTION (calibrated to the 26.3% conversion, see ambulance.crew.atHospital).
              ADMIT: { target: 'awaitingBed', meta: { p: 0.4 } },
              DISCHARGE: { target: '#city.ed.discharge', meta: { p: 0.57 } },
              REFER_MENTAL_HEALTH: { target: '#city.mentalHealth.crisisAssessment', meta: { p: 0.03 } },
            },
          },
          true,
        ),
        minors: edArea(
          'The minors area, for minor injuries and illnesses.',
          'minorsCubicles',
          {
            description: 'A nurse practitioner or doctor treats a minor injury or illness.',
            // ASSUMPTION: median 90, p90 200, so most minors stays end within four hours.
            duration: { dist: 'lognormal', median: 90, p90: 200 },
            ways: {
              ADMIT: { target: 'awaitingBed', meta: { p: 0.05 } },
              DISCHARGE: { target: '#city.ed.discharge', meta: { p: 0.95 } },
            },
          },
          true,
        ),
        sameDayEmergencyCare: edArea(
          'Same-day emergency care (SDEC).',
          'sdecSpaces',
          {
            description: 'Same-day emergency care assesses, treats and sends home patients who would once have been admitted.',
            duration: { dist: 'lognormal', median: 300, p90: 480 } /* ASSUMPTION: a day-case stay */,
            ways: {
              // ASSUMPTION
              ADMIT: { target: 'awaitingBed', meta: { p: 0.3 } },
              DISCHARGE: { target: '#city.ed.discharge', meta: { p: 0.7 } },
            },
          },
          false,
        ),
        discharge: {
          id: 'city.ed.discharge',
          description: 'The department discharges the patient with advice, a letter to their GP or a referral.',
          meta: { function: 'discharge', duration: { dist: 'exponential', mean: 10 } /* ASSUMPTION */ },
          on: {
            // [figures: Emergency department › re-attendance within 7 days (?): 7.3%] is the re-attendance
            // loop; the follow-up split is an ASSUMPTION.
            HOME: { target: 'dischargedHome', meta: { p: 0.727 } },
            GP_FOLLOW_UP: { target: '#city.gp.followUp', meta: { p: 0.15 } },
            COMMUNITY_FOLLOW_UP: { target: '#city.community.followUp', meta: { p: 0.05 } },
            COMES_BACK_WITHIN_A_WEEK: { target: '#city.person.beforeReattending', meta: { p: 0.073 } },
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
          meta: { uses: 'beds' },
          initial: 'inpatient',
          states: {
            inpatient: {
              description: 'The patient is cared for on an acute ward.',
              meta: {
                function: 'admit',
                // [figures: Admission and discharge › mean length of stay, emergency admissions: 9.1 days]
                // cannot be held by [flow: Beds › 870–905 G&A beds] at this model's ~130 admissions a day
                // (9.1 days would need ~1,200 beds): the published rows disagree. ASSUMPTION (range: mean
                // 4.5–7 days): treatment takes 5.8 days on average (sd 6), so that with the waits once
                // medically fit the beds run at [flow: Beds › 93–96% occupied].
                duration: { dist: 'gamma', mean: 5.8 * DAY, sd: 6 * DAY },
              },
              on: {
                // ASSUMPTION: in-hospital deaths among emergency admissions.
                READY_FOR_DISCHARGE: { target: 'dischargePlanning', meta: { p: 0.965 } },
                DIES: { target: '#city.acute.died', meta: { p: 0.035 } },
              },
            },
            dischargePlanning: {
              description: 'The ward team plans the discharge and decides what support the patient needs at home or elsewhere.',
              meta: {
                function: 'discharge',
                duration: { dist: 'exponential', mean: 240 } /* ASSUMPTION */,
              },
              on: {
                // [figures: Admission and discharge › discharge pathways]: pathway 0 ≥50%; 1 ~45%; 2 ≤4%; 3 ≤1%.
                PATHWAY_0_HOME: { target: '#city.acute.dischargedHome', meta: { p: 0.5 } },
                PATHWAY_1_HOME_WITH_SUPPORT: { target: 'awaitingHomeSupport', meta: { p: 0.45 } },
                PATHWAY_2_REHABILITATION_BED: { target: 'awaitingRehabilitationBed', meta: { p: 0.04 } },
                PATHWAY_3_CARE_HOME: { target: 'awaitingCareHome', meta: { p: 0.01 } },
              },
            },
            // Medically fit for discharge: each wait below has an assessment of its own (ASSUMPTION, range
            // 0.5–1.5 days; 2 days for a care home), and then waits, in the bed, for the service it needs
            // to have room (simulated): together near [flow: NCTR › mean wait from fit to discharge 1.0–2.1 days].
            awaitingHomeSupport: {
              description: 'The patient is medically fit but waits in hospital for support at home to be arranged.',
              meta: { function: 'discharge', duration: { dist: 'exponential', mean: DAY } },
              on: { SUPPORT_ARRANGED: { target: '#city.social.homeCareStart' } },
            },
            awaitingRehabilitationBed: {
              description: 'The patient is medically fit but waits in hospital for a rehabilitation bed.',
              meta: { function: 'discharge', duration: { dist: 'exponential', mean: DAY } },
              on: { BED_FOUND: { target: '#city.community.rehabilitationBed' } },
            },
            awaitingCareHome: {
              description: 'The patient is medically fit but waits in hospital for a care home place.',
              meta: { function: 'discharge', duration: { dist: 'exponential', mean: 2 * DAY } },
              on: { PLACE_FOUND: { target: '#city.social.careHomePlacement' } },
            },
          },
        },
        criticalCare: {
          description: 'The patient is cared for in intensive or high-dependency care.',
          meta: {
            function: 'admit',
            duration: { dist: 'gamma', mean: 4 * DAY, sd: 4 * DAY } /* ASSUMPTION */,
            // [flow: Beds › ~35 adult critical care beds]; a patient ready to step down waits for a ward bed in it.
            uses: 'criticalCareBeds',
          },
          on: {
            STEP_DOWN_TO_WARD: { target: 'ward', meta: { p: 0.85 } },
            DIES: { target: 'died', meta: { p: 0.15 } } /* ASSUMPTION */,
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
            duration: { dist: 'gamma', mean: 120, sd: 40 } /* ASSUMPTION: includes travel */,
            capacity: { servers: 5 } /* ASSUMPTION: teams on shift (offered load 3.9 at the busiest hour) */,
          },
          on: {
            // ASSUMPTION
            CARED_FOR_AT_HOME: { target: 'resolved', meta: { p: 0.82 } },
            FOLLOW_UP: { target: 'followUp', meta: { p: 0.1 } },
            CALL_999: { target: '#city.ambulance.callTriage', meta: { p: 0.05 } },
            REFER_SAME_DAY_EMERGENCY_CARE: { target: '#city.ed.sameDayEmergencyCare', meta: { p: 0.03 } },
          },
        },
        rehabilitationBed: {
          description: 'The person recovers in a community rehabilitation bed (discharge pathway 2).',
          meta: {
            function: 'treat',
            duration: { dist: 'gamma', mean: 21 * DAY, sd: 10 * DAY } /* ASSUMPTION */,
            uses: 'rehabilitationBeds',
            waitingRoom: 0,
          },
          on: {
            // ASSUMPTION
            HOME_WITH_SUPPORT: { target: '#city.social.homeCareStart', meta: { p: 0.7 } },
            HOME: { target: 'resolved', meta: { p: 0.15 } },
            CARE_HOME: { target: '#city.social.careHomePlacement', meta: { p: 0.1 } },
            READMITTED: { target: '#city.ed.reception', meta: { p: 0.05 } },
          },
        },
        followUp: {
          description: 'A community nurse or therapist follows the person up at home.',
          meta: { function: 'follow-up', duration: { dist: 'fixed', value: 45 } /* ASSUMPTION */ },
          on: {
            RECOVERED: { target: 'resolved', meta: { p: 0.95 } },
            CALL_111: { target: '#city.nhs111.callReceived', meta: { p: 0.05 } },
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
            // ASSUMPTION (range 0.5–2 days): setting up the package takes about a day of the provider's
            // capacity; patients in a bed wait for room (no waiting room: they wait on the ward).
            duration: { dist: 'exponential', mean: DAY },
            uses: 'homeCareStarts',
            waitingRoom: 0,
          },
          on: { SETTLED_AT_HOME: { target: 'homeWithSupport' } },
        },
        careHomePlacement: {
          description: 'The person moves into a care home (discharge pathway 3).',
          meta: {
            function: 'discharge',
            // ASSUMPTION (range 1–4 days): assessment, funding and moving in.
            duration: { dist: 'exponential', mean: 2 * DAY },
            uses: 'careHomePlacements',
            waitingRoom: 0,
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
          meta: { function: 'receive', duration: { dist: 'lognormal', median: 15, p90: 40 } /* ASSUMPTION */ },
          on: {
            // ASSUMPTION
            SUPPORT_BY_PHONE: { target: 'resolved', meta: { p: 0.5 } },
            CRISIS_ASSESSMENT: { target: 'crisisAssessment', meta: { p: 0.45 } },
            CALL_999: { target: '#city.ambulance.callTriage', meta: { p: 0.05 } },
          },
        },
        crisisAssessment: {
          description: 'The crisis team assesses the person face to face.',
          meta: {
            function: 'assess',
            duration: { dist: 'lognormal', median: 90, p90: 180 } /* ASSUMPTION */,
            capacity: { servers: 3 } /* ASSUMPTION */,
          },
          on: {
            // ASSUMPTION
            HOME_TREATMENT: { target: 'homeTreatment', meta: { p: 0.45 } },
            ADMIT_TO_MENTAL_HEALTH_BED: { target: 'admittedToMentalHealthBed', meta: { p: 0.15 } },
            SUPPORTED_AT_HOME: { target: 'resolved', meta: { p: 0.4 } },
          },
        },
        homeTreatment: {
          description: 'The home treatment team supports the person at home through the crisis.',
          meta: { function: 'treat', duration: { dist: 'gamma', mean: 14 * DAY, sd: 7 * DAY } /* ASSUMPTION */ },
          on: {
            RECOVERED: { target: 'resolved', meta: { p: 0.9 } },
            ADMIT_TO_MENTAL_HEALTH_BED: { target: 'admittedToMentalHealthBed', meta: { p: 0.1 } },
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
