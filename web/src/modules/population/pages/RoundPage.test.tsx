import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../lib/query';
import { json, mockFetch, type Call } from '../../../test/fetch-mock';
import type { CoverageReport, Round } from '../api';
import RoundPage from './RoundPage';

let client: QueryClient;
afterEach(() => {
  client?.clear();
  vi.unstubAllGlobals();
});

const ROUND = 'r0000000-0000-4000-8000-000000000001';
const cov = (households: number, visited: number, verified = visited, absentOnly = 0) => ({
  households,
  visited,
  verified,
  absentOnly,
  rate: households ? visited / households : null,
});

const round: Round = {
  id: ROUND,
  name: '12月入户走访',
  scope: { id: 'u-dist', name: '川汇区', kind: 'district' },
  startsOn: '2026-12-01',
  endsOn: '2026-12-15',
  phase: 'open',
  note: null,
  createdByName: '区网格中心',
  createdAt: '2026-11-30T02:00:00.000Z',
  coverage: cov(300, 120),
};

function report(unit: { id: string; name: string; kind: string }, rows: CoverageReport['rows']): CoverageReport {
  return {
    round: { id: ROUND, name: round.name, startsOn: round.startsOn, endsOn: round.endsOn },
    unit,
    total: cov(300, 120),
    rows,
  };
}

const byUnit: Record<string, CoverageReport> = {
  '': report({ id: 'u-dist', name: '川汇区', kind: 'district' }, [
    { unitId: 'u-cb', unitName: '城北街道', unitKind: 'subdistrict', ...cov(200, 100, 80, 10) },
    { unitId: 'u-qy', unitName: '七一路街道', unitKind: 'subdistrict', ...cov(100, 20) },
  ]),
  'u-cb': report({ id: 'u-cb', name: '城北街道', kind: 'subdistrict' }, [
    { unitId: 'u-dh', unitName: '德化社区', unitKind: 'community', ...cov(200, 100, 80, 10) },
  ]),
  'u-dh': report({ id: 'u-dh', name: '德化社区', kind: 'community' }, [
    { unitId: 'u-g3', unitName: '德化三网格', unitKind: 'grid_small', ...cov(40, 30, 25, 3) },
  ]),
};

function renderPage() {
  client = createQueryClient();
  return render(
    <App>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[`/door-knocking/${ROUND}`]}>
          <Routes>
            <Route path="/door-knocking/:id" element={<RoundPage />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </App>,
  );
}

const unitOf = (c: Call) => new URL(c.url, 'http://x').searchParams.get('unitId') ?? '';

describe('a round’s coverage, drilled down', () => {
  it('goes from the district to a sub-district and a community by clicking rows, and back by the breadcrumb', async () => {
    const { calls } = mockFetch({
      [`GET /api/v1/door-knock-rounds/${ROUND}`]: () => json(200, round),
      [`GET /api/v1/door-knock-rounds/${ROUND}/coverage`]: (c) => json(200, byUnit[unitOf(c)]),
    });
    renderPage();
    fireEvent.click(await screen.findByText('城北街道'));
    fireEvent.click(await screen.findByText('德化社区'));
    await screen.findByText('德化三网格');

    const asked = calls.filter((c) => c.path.endsWith('/coverage')).map(unitOf);
    expect(asked).toEqual(['', 'u-cb', 'u-dh']);
    const crumbs = screen.getByTestId('coverage-path');
    expect(crumbs.textContent).toBe('川汇区/城北街道/德化社区');

    fireEvent.click(within(crumbs).getByText('川汇区'));
    await screen.findByText('七一路街道');
    expect(screen.getByTestId('coverage-path').textContent).toBe('川汇区');
  });

  it('opens a grid’s gaps instead of going below a grid', async () => {
    const { calls } = mockFetch({
      [`GET /api/v1/door-knock-rounds/${ROUND}`]: () => json(200, round),
      [`GET /api/v1/door-knock-rounds/${ROUND}/coverage`]: (c) => json(200, byUnit[unitOf(c)]),
      [`GET /api/v1/door-knock-rounds/${ROUND}/households`]: () =>
        json(200, {
          grid: { id: 'u-g3', name: '德化三网格', communityName: '德化社区' },
          items: [
            {
              id: 'h1',
              address: '德化街3号院2号楼301',
              buildingName: null,
              headName: '张桂兰',
              members: [{ id: 'p1', name: '张桂兰', relation: 'head' }],
              lastResult: null,
              lastVisitedAt: null,
              visits: 0,
            },
          ],
        }),
      [`GET /api/v1/door-knock-rounds/${ROUND}/visits`]: () => json(200, { items: [] }),
    });
    renderPage();
    fireEvent.click(await screen.findByText('城北街道'));
    fireEvent.click(await screen.findByText('德化社区'));
    fireEvent.click(await screen.findByText('德化三网格'));

    await screen.findByText('德化街3号院2号楼301');
    const gaps = calls.find((c) => c.path.endsWith('/households'))!;
    expect(new URL(gaps.url, 'http://x').searchParams.toString()).toBe('gridId=u-g3&gaps=true');
    // Still the community's rows: a grid has nothing below it.
    expect(calls.filter((c) => c.path.endsWith('/coverage')).map(unitOf)).toEqual(['', 'u-cb', 'u-dh']);
    await waitFor(() => expect(screen.getByTestId('coverage-path').textContent).toBe('川汇区/城北街道/德化社区'));
  });
});
