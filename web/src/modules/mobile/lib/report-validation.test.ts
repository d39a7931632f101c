import { describe, expect, it } from 'vitest';
import { validateReportDraft, type ReportDraftCheck } from './report-validation';

const ok: ReportDraftCheck = {
  categoryCode: '0101',
  knownCategory: true,
  description: '路口有流动摊贩',
  address: '',
  location: { lng: 114.3, lat: 30.6 },
  fixedOnSpot: false,
  photoCount: 0,
  beforeCount: 0,
  afterCount: 0,
};

describe("the phone's report check (the server's ReportCaseBody)", () => {
  it('passes a complete report', () => {
    expect(validateReportDraft(ok)).toEqual({});
  });

  it("uses the schema's own Chinese message for a too-short description", () => {
    expect(validateReportDraft({ ...ok, description: ' 乱 ' })).toEqual({ description: '请描述问题' });
  });

  it('says in Chinese when the description is too long', () => {
    expect(validateReportDraft({ ...ok, description: '字'.repeat(4001) })).toEqual({
      description: '问题描述最多 4000 个字',
    });
  });

  it('says in Chinese when the address is too long', () => {
    expect(validateReportDraft({ ...ok, address: '址'.repeat(201) })).toEqual({ address: '地址最多 200 个字' });
  });

  it('asks for a 小类 when none is chosen', () => {
    expect(validateReportDraft({ ...ok, categoryCode: null, knownCategory: false })).toEqual({
      categoryCode: '请选择问题类别（小类）',
    });
  });

  it('refuses a location off the globe', () => {
    expect(validateReportDraft({ ...ok, location: { lng: 200, lat: 30 } }).location).toBe('位置不能大于 180');
  });

  it('needs before and after photos for 立行整改', () => {
    expect(validateReportDraft({ ...ok, fixedOnSpot: true, beforeCount: 1 })).toEqual({
      after: '立行整改须有整改后照片',
    });
  });

  it('needs some way to place the problem: a fix, a photo or an address', () => {
    const nowhere = { ...ok, location: null };
    expect(validateReportDraft(nowhere)).toEqual({ location: '请定位、拍照（照片带拍摄位置）或填写地址' });
    expect(validateReportDraft({ ...nowhere, photoCount: 1 })).toEqual({});
    expect(validateReportDraft({ ...nowhere, address: '解放路 1 号' })).toEqual({});
  });
});
