import { describe, expect, it } from 'vitest';
import { phoneLinkOf } from './phone-links';

const grid = { mode: 'grid' as const, permissions: ['case.read', 'resident.write', 'venue.inspect'] };
const crew = { mode: 'crew' as const, permissions: ['case.read'] };

describe('the phone page of a 工作台 link', () => {
  it('sends the cases waiting for me to 待核查 for a grid worker and 待处置 for a crew', () => {
    expect(phoneLinkOf('/cases?waiting=me', grid)).toBe('/m/verify');
    expect(phoneLinkOf('/cases?waiting=overdue', grid)).toBe('/m/verify');
    expect(phoneLinkOf('/cases?waiting=me', crew)).toBe('/m/crew');
  });

  it('keeps a ledger link that is not a waiting list on the console', () => {
    expect(phoneLinkOf('/cases?deadlineStatus=overdue', grid)).toBe('/cases?deadlineStatus=overdue');
  });

  it('maps a page to its phone twin only when the account may use the twin', () => {
    expect(phoneLinkOf('/venues', grid)).toBe('/m/venues');
    expect(phoneLinkOf('/venues', crew)).toBe('/venues');
    expect(phoneLinkOf('/door-knocking', grid)).toBe('/m/knock');
    expect(phoneLinkOf('/measures?followUps=today', { mode: 'grid', permissions: ['followup.record'] })).toBe(
      '/m/followups',
    );
    expect(phoneLinkOf('/stars/weekly', { mode: 'grid', permissions: ['star.report'] })).toBe('/m/weekly');
    expect(phoneLinkOf('/stars/weekly', grid)).toBe('/stars/weekly');
  });

  it('leaves pages without a phone twin as they are', () => {
    expect(phoneLinkOf('/inbox?unread=true', grid)).toBe('/inbox?unread=true');
    expect(phoneLinkOf('/reporting', grid)).toBe('/reporting');
  });
});
