import { el } from './svg.ts';

/** An arrowhead marker, its id prefixed by the diagram's id. */
export const arrowMarker = (id: string, colour = '#444444', size = 8): string =>
  el(
    'marker',
    { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: size, markerHeight: size, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' },
    el('path', { d: 'M0,0L10,5L0,10z', fill: colour }),
  );
