import { describe, expect, it } from 'vitest';
import { residentsExportUrl } from './ExportButtons';

describe('the residents export address', () => {
  it('carries the list’s filters but not its search words', () => {
    expect(residentsExportUrl({ unitId: 'u1', q: '张', tag: 'disabled', status: 'active' })).toBe(
      '/api/v1/residents/export.xlsx?unitId=u1&tag=disabled&status=active',
    );
    expect(residentsExportUrl({})).toBe('/api/v1/residents/export.xlsx');
  });
  it('asks for the full values only with a reason', () => {
    expect(residentsExportUrl({ unitId: 'u1' }, { reason: '核对 低保' })).toBe(
      '/api/v1/residents/export.xlsx?unitId=u1&reveal=true&reason=%E6%A0%B8%E5%AF%B9+%E4%BD%8E%E4%BF%9D',
    );
  });
});
