/**
 * Urgent and emergency care in a mid-sized English city of about 500,000 people.
 *
 * Every number cites the row of shared/domain/uec-figures.md ("figures") it comes from, as
 * `[figures: section › row]`. A city of ~500k is ~0.87% of England ("figures: Demand › city of
 * ~500k"). Where the figures have nothing to offer, the number is a modelling assumption and is
 * marked `ASSUMPTION` with the reasoning: change those first when you fit the model to a real place.
 *
 * Capacities (for the discrete-event simulation) are assumptions unless a row is cited: each is sized
 * at about 80–90% of the offered load at the busiest hour that the model itself implies (requests a
 * day × expected visits × mean minutes; the busiest hour carries 1.6 times the average).
 */
import { defineCareModel } from 'carepaths/model';

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
            // ASSUMPTION: call handlers on shift, scaled to ~487 calls a day.
            capacity: { servers: 4, schedule: [2, 2, 2, 2, 2, 2, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 3, 3] },
          },
          on: {
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
            CATEGORY_1: { target: 'category1Response', meta: { p: 0.107 } },
            CATEGORY_2: { target: 'category2Response', meta: { p: 0.517 } },
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
            CATEGORY_3: { target: 'category3Response', meta: { p: 0.505 } },
            CATEGORY_4: { target: 'category4Response', meta: { p: 0.109 } },
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
        category1Response: {
          description: 'An ambulance is sent at once for a life-threatening emergency (category 1) and drives to the scene.',
          // [figures: Ambulance › actual mean response: Cat 1 ~8 min] and [response standards: mean 7,
          // 90th centile 15]: lognormal median 7, p90 14 has mean 8.1.
          meta: { function: 'dispatch', priority: 1, duration: { dist: 'lognormal', median: 7, p90: 14 } },
          on: { ARRIVE: { target: 'onScene' } },
        },
        category2Response: {
          description: 'An ambulance is sent for an emergency (category 2) and drives to the scene.',
          // [figures: Ambulance › actual mean response: Cat 2 27–32 min in 2023–24]: lognormal median
          // 22, p90 60 has mean 29.9 (the 90th centile of 60 is an ASSUMPTION; the standard is 40).
          meta: { function: 'dispatch', priority: 2, duration: { dist: 'lognormal', median: 22, p90: 60 } },
          on: { ARRIVE: { target: 'onScene' } },
        },
        category3Response: {
          description: 'An ambulance is sent for an urgent problem (category 3) and drives to the scene.',
          // [figures: Ambulance › response standards: Cat 3 90% within 2 h]; ASSUMPTION that actual
          // performance misses it: median 60, p90 150.
          meta: { function: 'dispatch', priority: 3, duration: { dist: 'lognormal', median: 60, p90: 150 } },
          on: { ARRIVE: { target: 'onScene' } },
        },
        category4Response: {
          description: 'An ambulance is sent for a less urgent problem (category 4) and drives to the scene.',
          // [figures: Ambulance › response standards: Cat 4 90% within 3 h]; ASSUMPTION: median 90, p90 200.
          meta: { function: 'dispatch', priority: 4, duration: { dist: 'lognormal', median: 90, p90: 200 } },
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
            LEAVE_AT_HOME: { target: 'treatedAtHome', meta: { p: 0.8 } },
            REFER_GP: { target: '#city.gp.followUp', meta: { p: 0.1 } },
            REFER_URGENT_COMMUNITY_RESPONSE: { target: '#city.community.urgentResponse', meta: { p: 0.1 } },
          },
        },
        conveyToEd: {
          description: 'The crew takes the patient to the emergency department.',
          // [figures: Ambulance › job cycle (?)]: ~25 more minutes on scene when conveying, then ~18 min to hospital.
          meta: { function: 'convey', duration: { dist: 'gamma', mean: 43, sd: 15 } },
          on: { ARRIVE_AT_ED: { target: '#city.ed.ambulanceHandover' } },
        },
        conveyElsewhere: {
          description: 'The crew takes the patient somewhere other than the emergency department.',
          meta: { function: 'convey', duration: { dist: 'gamma', mean: 43, sd: 15 } /* as conveyToEd */ },
          on: {
            // ASSUMPTION: where "elsewhere" is.
            TO_SAME_DAY_EMERGENCY_CARE: { target: '#city.ed.sameDayEmergencyCare', meta: { p: 0.5 } },
            TO_URGENT_TREATMENT_CENTRE: { target: '#city.utc.assessment', meta: { p: 0.3 } },
            TO_MENTAL_HEALTH_CRISIS_CARE: { target: '#city.mentalHealth.crisisAssessment', meta: { p: 0.2 } },
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
        ambulanceHandover: {
          description: 'The ambulance crew hands the patient over to the emergency department team.',
          meta: {
            function: 'handover',
            // [figures: Ambulance › handovers over 30 min: 26–29%] with an ASSUMPTION that 10% take
            // over an hour: lognormal median 16, p90 60 puts 27% over 30 minutes.
            duration: { dist: 'lognormal', median: 16, p90: 60 },
            // ASSUMPTION: handover bays; the most urgent ambulance category is handed over first.
            capacity: { servers: 6, queue: 'priority' },
          },
          on: {
            // ASSUMPTION: where ambulance patients go in the department, calibrated with the walk-in
            // split below to [figures: Emergency department › Type 1 admission conversion 26.3%].
            RESUS: { target: 'resus', meta: { p: 0.1 } },
            MAJORS: { target: 'majors', meta: { p: 0.75 } },
            MINORS: { target: 'minors', meta: { p: 0.05 } },
            SAME_DAY_EMERGENCY_CARE: { target: 'sameDayEmergencyCare', meta: { p: 0.1 } },
          },
        },
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
            // ASSUMPTION: streaming of walk-in patients (see ambulanceHandover for the calibration).
            RESUS: { target: 'resus', meta: { p: 0.02 } },
            MAJORS: { target: 'majors', meta: { p: 0.35 } },
            MINORS: { target: 'minors', meta: { p: 0.5 } },
            STREAM_TO_UTC: { target: '#city.utc.treatment', meta: { p: 0.05 } },
            SAME_DAY_EMERGENCY_CARE: { target: 'sameDayEmergencyCare', meta: { p: 0.08 } },
          },
        },
        resus: {
          description: 'The resuscitation team treats a critically ill or injured patient.',
          meta: {
            function: 'emergency-treatment',
            duration: { dist: 'lognormal', median: 150, p90: 360 } /* ASSUMPTION */,
            capacity: { servers: 6 } /* ASSUMPTION: resus bays (offered load 4 at the busiest hour) */,
          },
          on: {
            // ASSUMPTION
            ADMIT: { target: '#city.acute.awaitingBed', meta: { p: 0.7 } },
            DISCHARGE: { target: 'discharge', meta: { p: 0.26 } },
            DIES: { target: 'died', meta: { p: 0.04 } },
          },
        },
        majors: {
          description: 'Doctors and nurses in the majors area assess and treat a seriously unwell patient.',
          meta: {
            function: 'emergency-treatment',
            // [figures: Emergency department › median time in department ~2 h 10 min to 2 h 25 min (?)]
            // and [four-hour performance 72–76%]; majors run longer: ASSUMPTION median 180, p90 480.
            duration: { dist: 'lognormal', median: 180, p90: 480 },
            capacity: { servers: 62 } /* ASSUMPTION: majors cubicles (offered load 59 at the busiest hour) */,
          },
          on: {
            // ASSUMPTION (calibrated to the 26.3% conversion, see ambulanceHandover).
            ADMIT: { target: '#city.acute.awaitingBed', meta: { p: 0.4 } },
            DISCHARGE: { target: 'discharge', meta: { p: 0.57 } },
            REFER_MENTAL_HEALTH: { target: '#city.mentalHealth.crisisAssessment', meta: { p: 0.03 } },
          },
        },
        minors: {
          description: 'A nurse practitioner or doctor treats a minor injury or illness.',
          meta: {
            function: 'emergency-treatment',
            // ASSUMPTION: median 90, p90 200, so most minors stays end within four hours.
            duration: { dist: 'lognormal', median: 90, p90: 200 },
            capacity: { servers: 26 } /* ASSUMPTION: minors cubicles (offered load 24 at the busiest hour) */,
          },
          on: {
            ADMIT: { target: '#city.acute.awaitingBed', meta: { p: 0.05 } },
            DISCHARGE: { target: 'discharge', meta: { p: 0.95 } },
          },
        },
        sameDayEmergencyCare: {
          description: 'Same-day emergency care assesses, treats and sends home patients who would once have been admitted.',
          meta: {
            function: 'emergency-treatment',
            duration: { dist: 'lognormal', median: 300, p90: 480 } /* ASSUMPTION: a day-case stay */,
            capacity: { servers: 26 } /* ASSUMPTION: SDEC chairs and trolleys (offered load 24 at the busiest hour) */,
          },
          on: {
            // ASSUMPTION
            ADMIT: { target: '#city.acute.awaitingBed', meta: { p: 0.3 } },
            DISCHARGE: { target: 'discharge', meta: { p: 0.7 } },
          },
        },
        discharge: {
          description: 'The department discharges the patient with advice, a letter to their GP or a referral.',
          meta: { function: 'discharge', duration: { dist: 'exponential', mean: 10 } /* ASSUMPTION */ },
          on: {
            // [figures: Emergency department › re-attendance within 7 days (?): 7.3%] is the re-attendance
            // loop; the follow-up split is an ASSUMPTION.
            HOME: { target: 'dischargedHome', meta: { p: 0.727 } },
            GP_FOLLOW_UP: { target: '#city.gp.followUp', meta: { p: 0.15 } },
            COMMUNITY_FOLLOW_UP: { target: '#city.community.followUp', meta: { p: 0.05 } },
            COMES_BACK_WITHIN_A_WEEK: { target: 'reception', meta: { p: 0.073 } },
          },
        },
        dischargedHome: {
          type: 'final',
          description: 'The patient goes home from the emergency department.',
          meta: { outcome: 'home' },
        },
        died: {
          type: 'final',
          description: 'The patient dies in the emergency department.',
          meta: { outcome: 'died' },
        },
      },
    },

    // -----------------------------------------------------------------------------------------
    acute: {
      description: 'The acute hospital’s wards and critical care.',
      meta: { agency: 'acute' },
      initial: 'awaitingBed',
      states: {
        awaitingBed: {
          description: 'The patient waits in the emergency department for a bed after the decision to admit.',
          meta: {
            function: 'admit',
            // [figures: Emergency department › 12 h from decision to admit: 439,411 in a year] shows the
            // long tail; ASSUMPTION: median 2 h, p90 10 h.
            duration: { dist: 'lognormal', median: 120, p90: 600 },
          },
          on: {
            // ASSUMPTION
            TO_WARD: { target: 'ward', meta: { p: 0.95 } },
            TO_CRITICAL_CARE: { target: 'criticalCare', meta: { p: 0.05 } },
          },
        },
        ward: {
          description: 'The patient is cared for on an acute ward.',
          meta: {
            function: 'admit',
            // [figures: Admission and discharge › mean length of stay, emergency admissions: 9.1 days];
            // the spread (sd 10 days) is an ASSUMPTION.
            duration: { dist: 'gamma', mean: 9.1 * DAY, sd: 10 * DAY },
            // [figures: Admission and discharge › ~100k G&A beds] × 0.87% gives 870 beds, but that cannot
            // hold [figures: Demand › emergency admissions ~525k a month] × 0.87% at the 9.1-day mean stay
            // above (~1,385 beds): the published rows disagree. ASSUMPTION: 1,300 beds, about 90% occupied
            // by this model's ~129 admissions a day (offered load 1,170).
            capacity: { servers: 1300 },
          },
          on: {
            // ASSUMPTION: in-hospital deaths among emergency admissions.
            READY_FOR_DISCHARGE: { target: 'dischargePlanning', meta: { p: 0.965 } },
            DIES: { target: 'died', meta: { p: 0.035 } },
          },
        },
        criticalCare: {
          description: 'The patient is cared for in intensive or high-dependency care.',
          meta: {
            function: 'admit',
            duration: { dist: 'gamma', mean: 4 * DAY, sd: 4 * DAY } /* ASSUMPTION */,
            capacity: { servers: 32 } /* ASSUMPTION: offered load 26 */,
          },
          on: {
            STEP_DOWN_TO_WARD: { target: 'ward', meta: { p: 0.85 } },
            DIES: { target: 'died', meta: { p: 0.15 } } /* ASSUMPTION */,
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
            PATHWAY_0_HOME: { target: 'dischargedHome', meta: { p: 0.5 } },
            PATHWAY_1_HOME_WITH_SUPPORT: { target: 'awaitingHomeSupport', meta: { p: 0.45 } },
            PATHWAY_2_REHABILITATION_BED: { target: 'awaitingRehabilitationBed', meta: { p: 0.04 } },
            PATHWAY_3_CARE_HOME: { target: 'awaitingCareHome', meta: { p: 0.01 } },
          },
        },
        // [figures: Admission and discharge › mean delay from fit to discharge: 1.3 days] for each of
        // the three waits below.
        awaitingHomeSupport: {
          description: 'The patient is medically fit but waits in hospital for support at home to be arranged.',
          meta: { function: 'discharge', duration: { dist: 'exponential', mean: 1.3 * DAY } },
          on: { SUPPORT_ARRANGED: { target: '#city.social.homeCareStart' } },
        },
        awaitingRehabilitationBed: {
          description: 'The patient is medically fit but waits in hospital for a rehabilitation bed.',
          meta: { function: 'discharge', duration: { dist: 'exponential', mean: 1.3 * DAY } },
          on: { BED_FOUND: { target: '#city.community.rehabilitationBed' } },
        },
        awaitingCareHome: {
          description: 'The patient is medically fit but waits in hospital for a care home place.',
          meta: { function: 'discharge', duration: { dist: 'exponential', mean: 1.3 * DAY } },
          on: { PLACE_FOUND: { target: '#city.social.careHomePlacement' } },
        },
        dischargedHome: {
          type: 'final',
          description: 'The patient goes home from hospital with no new support (pathway 0).',
          meta: { outcome: 'home' },
        },
        died: {
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
          meta: { function: 'discharge', duration: { dist: 'exponential', mean: 120 } /* ASSUMPTION */ },
          on: { SETTLED_AT_HOME: { target: 'homeWithSupport' } },
        },
        careHomePlacement: {
          description: 'The person moves into a care home (discharge pathway 3).',
          meta: { function: 'discharge', duration: { dist: 'exponential', mean: 240 } /* ASSUMPTION */ },
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
