import { describe, expect, it } from 'vitest';
import city from '../../models/city-uec.ts';
import { checkModel } from '../../src/model/checkModel.ts';

describe('the default city model', () => {
  const { ok, diagnostics, graph } = checkModel(city);

  it('passes every check with no error and no warning', () => {
    expect(diagnostics).toEqual([]);
    expect(ok).toBe(true);
  });

  it('has at least 45 atomic states and 10 agencies, every one of them used', () => {
    const atomic = graph!.stateInfo.filter((s) => s.type === 'atomic');
    expect(atomic.length).toBeGreaterThanOrEqual(45);
    expect(graph!.agencies.length).toBeGreaterThanOrEqual(10);
    const used = new Set(graph!.nodes.map((n) => n.agency));
    expect(graph!.agencies.filter((a) => !used.has(a.id))).toEqual([]);
  });

  it('describes every state in plain words', () => {
    expect(graph!.stateInfo.filter((s) => (s.type === 'atomic' || s.type === 'final') && !s.description?.match(/^[A-Z].+\.$/))).toEqual([]);
  });

  it('has demand per day and a 24-hour profile', () => {
    expect(graph!.meta.demand!.perDay).toBe(1982);
    expect(graph!.meta.demand!.hourly).toHaveLength(24);
  });

  it('offers every entry channel the issue names', () => {
    const first = graph!.edges.filter((e) => e.from === 0).map((e) => e.event);
    expect(first).toEqual(['CALL_999', 'CALL_111', 'USE_111_ONLINE', 'CONTACT_GP', 'VISIT_PHARMACY', 'WALK_IN_UTC', 'WALK_IN_ED', 'TRY_SELF_CARE']);
  });

  it('has re-contact loops: self-care back to NHS 111, and re-attendance at the emergency department', () => {
    const byId = new Map(graph!.nodes.map((n) => [n.id, n.index]));
    const way = (from: string, to: string) => graph!.edges.some((e) => e.from === byId.get(from) && e.to === byId.get(to));
    expect(way('city.person.selfCare', 'city.nhs111.callReceived')).toBe(true);
    // Re-attendance comes days later, through the person at home.
    expect(way('city.ed.discharge', 'city.person.beforeReattending')).toBe(true);
    expect(way('city.person.beforeReattending', 'city.ed.reception')).toBe(true);
  });

  it('routes ambulance incidents in the published proportions (AQI)', () => {
    const byId = new Map(graph!.nodes.map((n) => [n.id, n]));
    const p = (from: string, event: string) => graph!.edges.find((e) => e.from === byId.get(from)!.index && e.event === event)!.p;
    expect(p('city.ambulance.callTriage', 'CATEGORY_1')).toBeCloseTo(0.107, 12);
    // hear and treat: 14.5% of all incidents, all from categories 3 and 4
    expect(p('city.ambulance.callTriage', 'CATEGORY_3_OR_4') * p('city.ambulance.clinicalHub', 'HEAR_AND_TREAT')).toBeCloseTo(0.145, 3);
    // conveyed to ED: 48.8% of all incidents
    expect((1 - 0.145) * p('city.ambulance.crew.onScene', 'CONVEY_TO_ED')).toBeCloseTo(0.488, 12);
  });
});
