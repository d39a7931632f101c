import { describe, expect, it } from 'vitest';
import { registrationOf, sameName, type ResidentFacts } from './registration.js';

const rec = (o: Partial<ResidentFacts & { status: string }> = {}) => ({
  name: '张丽华',
  phone: null,
  tags: ['left_behind_elderly'],
  note: null,
  householdId: 'h1',
  gridId: 'g1',
  status: 'active',
  ...o,
});
const entry = (o: Partial<ResidentFacts> = {}): ResidentFacts => ({
  name: '张丽华',
  phone: null,
  tags: [],
  note: null,
  householdId: 'h1',
  gridId: 'g1',
  ...o,
});

describe('registering a person who may already be on record', () => {
  it('creates a record for a new ID number', () => {
    expect(registrationOf(null, entry())).toEqual({ kind: 'create' });
  });
  it('merges a second entry with the same name, filling only what the record lacks', () => {
    expect(registrationOf(rec({ phone: '13900000001' }), entry({ phone: '13900000002', tags: ['disabled'] }))).toEqual({
      kind: 'merge',
      patch: { tags: ['left_behind_elderly', 'disabled'] },
    });
    expect(registrationOf(rec(), entry({ phone: '13900000002', note: '新登记' }))).toEqual({
      kind: 'merge',
      patch: { phone: '13900000002', note: '新登记' },
    });
  });
  it('moves the person when the entry finds them in another household, and brings back one marked gone', () => {
    expect(registrationOf(rec({ status: 'left' }), entry({ householdId: 'h2', gridId: 'g2' }))).toEqual({
      kind: 'merge',
      patch: { moveTo: { householdId: 'h2', gridId: 'g2' }, reactivate: true },
    });
  });
  it('does not move a person in a household when an entry names only the same grid', () => {
    expect(registrationOf(rec(), entry({ householdId: null, gridId: 'g9' }))).toEqual({ kind: 'merge', patch: {} });
  });
  it('asks for a review when the names differ', () => {
    expect(registrationOf(rec(), entry({ name: '张莉华' }))).toEqual({ kind: 'review' });
  });
  it('compares names without spaces or middle dots', () => {
    expect(sameName('买买提·艾力', '买买提 艾力')).toBe(true);
    expect(sameName('张丽华', '张莉华')).toBe(false);
  });
});
