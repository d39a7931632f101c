import { Typography } from 'antd';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiQuery } from '../../../lib/query';
import { dutyApi } from '../api';
import { ResponsibilityTable } from './ResponsibilityTable';

/** Kinds of unit someone may answer for (分包 / 包联 / 下沉 / 网格长 / 网格指导员). */
const KINDS = ['community', 'village', 'party_branch', 'grid_large', 'grid_small'];

/** The unit page's 包联责任 section: who answers for this unit, current and past, from the duty module. */
export function UnitResponsibilities({ unitId, unitKind }: { unitId: string; unitKind: string }) {
  const { can } = useAuth();
  const show = can('duty.read') && KINDS.includes(unitKind);
  const list = useApiQuery(
    ['duty', 'responsibilities', 'unit', unitId],
    (signal) => dutyApi.responsibilities({ unitId }, signal),
    undefined,
    { enabled: show, keepPrevious: false },
  );
  if (!show) return null;
  return (
    <div style={{ marginTop: 16 }} data-testid="unit-responsibilities">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        包联责任
      </Typography.Title>
      <ErrorAlert error={list.error} style={{ marginBottom: 8 }} />
      <ResponsibilityTable items={list.data?.items ?? []} loading={list.loading} showTarget={false} compact />
    </div>
  );
}
