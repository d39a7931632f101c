import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { dutyApi, type Responsibility, type ResponsibilityKind } from '../api';
import { AddResponsibilityModal } from '../components/AddResponsibilityModal';
import { EndResponsibilityModal } from '../components/EndResponsibilityModal';
import { ResponsibilityTable } from '../components/ResponsibilityTable';
import { RESPONSIBILITY_KIND_NAMES, RESPONSIBILITY_KINDS } from '../labels';

/** 包联责任: who answers for the communities, party branches and grids in scope, by unit and kind. */
export default function ResponsibilitiesPage() {
  const { can } = useAuth();
  const invalidate = useInvalidate();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [kind, setKind] = useState<ResponsibilityKind | undefined>();
  const [currentOnly, setCurrentOnly] = useState(true);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Responsibility | null>(null);
  const q = { unitId, subtree: 'true' as const, kind, ended: currentOnly ? ('false' as const) : undefined };
  const list = useApiQuery(['duty', 'responsibilities', q], (signal) => dutyApi.responsibilities(q, signal));
  const canWrite = can('responsibility.write');
  const done = async () => {
    setAdding(false);
    setEnding(null);
    await invalidate(['duty', 'responsibilities']);
  };

  return (
    <Card
      title="包联责任"
      extra={
        canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="responsibility-add"
          >
            新增
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        区领导分包社区（主责）、科级干部分包党支部、机关干部下沉社区、部门和驻区单位包联社区，以及每个网格的网格长和网格指导员。
      </Typography.Paragraph>
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        <UnitPicker placeholder="全部辖区" allowClear style={{ width: 240 }} value={unitId} onChange={setUnitId} />
        <Select<ResponsibilityKind>
          allowClear
          placeholder="全部类型"
          style={{ width: 150 }}
          value={kind}
          onChange={setKind}
          options={RESPONSIBILITY_KINDS.map((k) => ({ value: k, label: RESPONSIBILITY_KIND_NAMES[k] }))}
          data-testid="responsibility-filter-kind"
        />
        <Space size={6}>
          <Switch size="small" checked={currentOnly} onChange={setCurrentOnly} data-testid="responsibility-current" />
          只看在任
        </Space>
      </Space>
      <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />
      <ResponsibilityTable
        items={list.data?.items ?? []}
        loading={list.loading}
        onEnd={canWrite ? setEnding : undefined}
      />
      {adding && <AddResponsibilityModal defaultTargetId={unitId} onClose={() => setAdding(false)} onDone={done} />}
      {ending && <EndResponsibilityModal item={ending} onClose={() => setEnding(null)} onDone={done} />}
    </Card>
  );
}
