import type { FunctionDeclaration } from './types.ts';

/**
 * The default functions of an urgent and emergency care system, after the functional
 * decomposition in shared/domain/uec-figures.md. Models that declare `meta.functions`
 * replace this list.
 */
export const defaultFunctions: readonly FunctionDeclaration[] = [
  {
    id: 'recognise-need',
    label: 'Recognise need',
    description: 'The person, a carer or the NHS website recognises a health need and may manage it with self-care.',
  },
  { id: 'seek-help', label: 'Seek help', description: 'The person chooses where to ask for help: NHS 111, 999, their GP, a pharmacy or a walk-in service.' },
  { id: 'receive', label: 'Receive the request', description: 'A call handler, receptionist or front-door clinician takes the request and records it.' },
  { id: 'assess', label: 'Assess or triage', description: 'A clinician or trained call handler decides how urgent the need is and what care it needs.' },
  { id: 'advise', label: 'Advise', description: 'A clinician gives advice by phone or online (hear and treat, self-care advice).' },
  { id: 'book', label: 'Book or refer', description: 'The request is booked into, referred to or signposted to another service.' },
  { id: 'dispatch', label: 'Dispatch a response', description: 'An ambulance, first responder or urgent community team is sent to the person.' },
  {
    id: 'treat',
    label: 'Treat in the community',
    description: 'The person is treated where they are or in a community service (see and treat, GP, pharmacy, UTC).',
  },
  { id: 'convey', label: 'Convey', description: 'An ambulance takes the person to hospital or another place of care.' },
  { id: 'handover', label: 'Hand over', description: 'Ambulance crews hand the patient over to the emergency department.' },
  {
    id: 'emergency-treatment',
    label: 'Emergency treatment',
    description: 'The emergency department or same-day emergency care assesses and treats the person.',
  },
  { id: 'admit', label: 'Admit', description: 'The person is admitted to a hospital ward or critical care.' },
  { id: 'discharge', label: 'Discharge', description: 'The person leaves hospital, home or to a place with the support they need.' },
  { id: 'follow-up', label: 'Follow up', description: 'A GP or community team follows the person up after the episode.' },
];
