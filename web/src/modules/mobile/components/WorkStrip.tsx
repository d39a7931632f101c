import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { insightsApi, type Workbench } from '../../insights/api';
import { phoneLinkOf, type PhoneAbilities } from '../lib/phone-links';

/**
 * 待办: the console 工作台's lines (GET /api/v1/workbench) that have something waiting, as chips at
 * the top of the phone's home page; a tap opens the list behind the count, on the phone where it has
 * the page. Nothing waiting, offline or not loaded: no strip, the page starts at once.
 */
export function WorkStrip({ who }: { who: PhoneAbilities }) {
  const wb = useQuery<Workbench>({
    queryKey: ['insights', 'workbench'],
    queryFn: ({ signal }) => insightsApi.workbench(signal),
    refetchInterval: 3 * 60_000,
    refetchOnWindowFocus: true,
    staleTime: 30_000,
    retry: false,
  });
  const items = (wb.data?.items ?? []).filter((i) => i.total > 0);
  if (!items.length) return null;
  return (
    <nav className="cgm-work-strip" aria-label="待办" data-testid="m-work-strip">
      <span className="cgm-work-strip-title">待办</span>
      {items.map((i) => (
        <Link
          key={i.code}
          to={phoneLinkOf(i.link, who)}
          className={i.overdue ? 'cgm-work-chip is-overdue' : 'cgm-work-chip'}
          data-testid={`m-work-${i.code}`}
        >
          {i.label} <b>{i.total}</b>
          {!!i.overdue && <em>超期 {i.overdue}</em>}
          {!i.overdue && !!i.dueSoon && <em className="is-soon">临期 {i.dueSoon}</em>}
        </Link>
      ))}
    </nav>
  );
}
