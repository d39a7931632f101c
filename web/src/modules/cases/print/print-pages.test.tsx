import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../lib/query';
import { json, mockFetch } from '../../../test/fetch-mock';
import type { CaseDetail, LedgerSheet } from '../api';
import PrintDispatchPage from './PrintDispatchPage';
import PrintLedgerPage from './PrintLedgerPage';

let client: QueryClient;
afterEach(() => {
  client?.clear();
  vi.unstubAllGlobals();
});

function renderAt(path: string, route: string, page: React.ReactNode) {
  client = createQueryClient();
  return render(
    <App>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path={route} element={page} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </App>,
  );
}

const sheet: LedgerSheet = {
  title: '城北街道办事处问题台账',
  subtitle: '打印时间：2026-12-07 14:05  打印人：城北街道管理员',
  columns: [
    { key: 'no', header: '序号', width: 6 },
    { key: 'caseNumber', header: '案卷号', width: 22 },
    { key: 'progress', header: '整改情况', width: 16 },
  ],
  rows: [
    { no: 1, caseNumber: '411602-20261130-0001', progress: '已整改销号' },
    { no: 2, caseNumber: '411602-20261130-0002', progress: '整改中' },
  ],
  truncated: true,
};

describe('the printed ledger', () => {
  it('asks for the ledger with the list’s filters and prints its title, columns and rows', async () => {
    const { calls } = mockFetch({ 'GET /api/v1/cases/ledger-sheet': () => json(200, sheet) });
    renderAt('/cases/print?status=closed&q=%E5%9E%83%E5%9C%BE', '/cases/print', <PrintLedgerPage />);
    expect(await screen.findByTestId('print-ledger-title')).toHaveProperty('textContent', '城北街道办事处问题台账');
    expect(screen.getAllByTestId('print-ledger-row')).toHaveLength(2);
    expect(screen.getByText('整改中')).toBeTruthy();
    expect(screen.getByText(/只打印了前 2000 件/)).toBeTruthy();
    const url = new URL(calls[0].url, 'http://localhost');
    expect(url.searchParams.get('status')).toBe('closed');
    expect(url.searchParams.get('q')).toBe('垃圾');
  });
});

function caseWith(actions: Partial<CaseDetail['actions'][number]>[], assignedUnitId: string | null): CaseDetail {
  return {
    id: 'c1',
    caseNumber: '411602-20261130-0001',
    categoryCode: '0102',
    categoryName: '暴露垃圾',
    description: '路口垃圾堆放',
    location: null,
    address: '北关路口',
    outOfGrid: false,
    gridId: 'g',
    gridName: '北关社区第1网格',
    communityName: '北关社区',
    subdistrictName: '城北街道办事处',
    source: 'patrol',
    status: assignedUnitId ? 'dispatched' : 'returned',
    statusName: assignedUnitId ? '已派遣' : '已退回',
    fixedOnSpot: false,
    assignedUnitId,
    assignedUnitName: assignedUnitId ? '川汇区城市管理局' : null,
    deadline: null,
    deadlineStatus: 'on_time',
    escalationLevel: 0,
    reworkCount: 0,
    urgeCount: 0,
    superviseCount: 0,
    extensionCount: 0,
    pendingExtension: null,
    mergedInto: null,
    reportedAt: '2026-11-30T01:30:00Z',
    closedAt: null,
    reconciledAt: null,
    version: 3,
    rejectionReason: null,
    reporters: 1,
    photos: [],
    actions: actions.map((a, i) => ({
      seq: i + 1,
      type: 'report',
      typeName: '发现上报',
      at: '2026-11-30T01:30:00Z',
      actorName: '王网格',
      unitName: '北关社区第1网格',
      comment: null,
      attachments: [],
      payload: {},
      ...a,
    })),
    allowedActions: [],
  } as CaseDetail;
}

describe('the dispatch order', () => {
  it('says there is none before the case is dispatched', async () => {
    mockFetch({ 'GET /api/v1/cases/c1': () => json(200, caseWith([{ type: 'report' }], null)) });
    renderAt('/cases/c1/dispatch-order', '/cases/:id/dispatch-order', <PrintDispatchPage />);
    expect((await screen.findByTestId('print-dispatch-none')).textContent).toContain('该案卷尚未派遣，没有派遣单');
  });

  it('numbers the order by its dispatch and names the unit it went to', async () => {
    const dispatch = (unitId: string, at: string) => ({
      type: 'dispatch' as const,
      typeName: '派遣',
      at,
      actorName: '李街道',
      unitName: '城北街道办事处',
      payload: { unitId, timeLimit: { value: 2, unit: 'days' }, deadline: '2026-12-02T03:00:00Z' },
    });
    mockFetch({
      'GET /api/v1/cases/c1': () =>
        json(
          200,
          caseWith(
            [{ type: 'report' }, dispatch('u-other', '2026-11-30T02:00:00Z'), dispatch('u-cg', '2026-11-30T03:00:00Z')],
            'u-cg',
          ),
        ),
    });
    renderAt('/cases/c1/dispatch-order', '/cases/:id/dispatch-order', <PrintDispatchPage />);
    await waitFor(() =>
      expect(screen.getByTestId('print-dispatch-number').textContent).toBe('411602-20261130-0001-02'),
    );
    expect(screen.getByTestId('print-dispatch-unit').textContent).toBe('川汇区城市管理局');
    expect(screen.getByText('2 个工作日')).toBeTruthy();
  });
});
