import { describe, expect, it } from 'vitest';
import { distinctOwners, instructionNotice, replyNotice, replyRefusal } from './instruction-rules.js';

describe('the owners of an instruction', () => {
  it('tells each unit once, under its first role, keeping the order given', () => {
    const owners = distinctOwners([
      { unitId: 'chengbei', role: 'handling' },
      { unitId: 'chengbei', role: 'triage' },
      { unitId: 'cgj', role: 'cooperating' },
    ]);
    expect(owners).toEqual([
      { unitId: 'chengbei', role: 'handling' },
      { unitId: 'cgj', role: 'cooperating' },
    ]);
  });

  it('keeps an empty list empty (a case still in a community’s list may have no owner yet)', () => {
    expect(distinctOwners([])).toEqual([]);
  });
});

describe('answering an instruction', () => {
  const owners = [
    { unitId: 'cgj', replied: false },
    { unitId: 'chengbei', replied: true },
  ];

  it('lets an owner unit answer once', () => {
    expect(replyRefusal(owners, 'cgj')).toBeNull();
    expect(replyRefusal(owners, 'chengbei')).toBe('already_replied');
  });

  it('refuses a unit the instruction was not sent to', () => {
    expect(replyRefusal(owners, 'dianxin')).toBe('not_owner');
    expect(replyRefusal([], 'cgj')).toBe('not_owner');
  });
});

describe('the messages', () => {
  it('names the leader, the kind of record, its title and the instruction', () => {
    const n = instructionNotice({
      targetKind: 'case',
      targetTitle: '411602-20261130-0001',
      leaderName: '张区长',
      content: '请城管局三日内清理完毕。',
    });
    expect(n.title).toBe('【领导批示】411602-20261130-0001');
    expect(n.body).toContain('张区长在案卷「411602-20261130-0001」上批示：请城管局三日内清理完毕。');
  });

  it('tells the leader which unit answered what', () => {
    expect(
      replyNotice({ targetTitle: '背街小巷整治', unitName: '川汇区城市管理局', content: '已阅，正在落实' }),
    ).toEqual({
      title: '【批示答复】背街小巷整治',
      body: '川汇区城市管理局：已阅，正在落实',
    });
  });
});
