import { render, screen } from '@testing-library/react';
import { App } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { ApiTokensTable, daysLeft } from './ApiTokensTable';

const token = {
  id: '0123456789abcdef',
  name: '大屏集成',
  createdAt: '2026-11-30T02:00:00.000Z',
  lastSeenAt: '2026-11-30T02:00:00.000Z',
  expiresAt: '2027-02-28T02:00:00.000Z',
};
// 2026-12-10T02:00Z: 80 whole days before the expiry.
const now = Date.parse('2026-12-10T02:00:00.000Z');

describe('API 令牌', () => {
  it('shows each token’s expiry in Beijing time with the days left', () => {
    render(
      <App>
        <ApiTokensTable items={[token]} loading={false} canCreate now={now} onCreate={vi.fn()} onRevoke={vi.fn()} />
      </App>,
    );
    expect(screen.getByTestId('api-token-expires').textContent).toBe('2027-02-28 10:00 剩 80 天');
    expect(screen.getByTestId('api-token-create')).toBeTruthy();
  });

  it('hides the issue button from roles without token.create', () => {
    render(
      <App>
        <ApiTokensTable
          items={[token]}
          loading={false}
          canCreate={false}
          now={now}
          onCreate={vi.fn()}
          onRevoke={vi.fn()}
        />
      </App>,
    );
    expect(screen.queryByTestId('api-token-create')).toBeNull();
    expect(screen.getByTestId('api-token-revoke')).toBeTruthy();
  });

  it('counts a part day whole and nothing once expired', () => {
    expect(daysLeft('2027-02-28T02:00:00.000Z', Date.parse('2026-11-30T02:00:00.000Z'))).toBe(90);
    expect(daysLeft('2027-02-28T02:00:00.000Z', Date.parse('2026-11-30T02:00:00.001Z'))).toBe(90);
    expect(daysLeft('2027-02-28T02:00:00.000Z', Date.parse('2027-02-28T01:59:59.000Z'))).toBe(1);
    expect(daysLeft('2027-02-28T02:00:00.000Z', Date.parse('2027-03-01T00:00:00.000Z'))).toBe(0);
  });
});
