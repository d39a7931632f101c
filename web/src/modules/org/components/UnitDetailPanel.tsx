import { Badge, Breadcrumb, Card, Descriptions, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import type { UnitDetail } from '../api';
import { gridKinds } from '../unit-kinds';
import { UnitActions, type UnitChange } from './UnitActions';
import { UnitKindTag } from '../../../components/UnitKindTag';
import { personKindLabel } from '../../people/api';
import { UnitResponsibilities } from '../../duty/components/UnitResponsibilities';

interface Props {
  unit: UnitDetail | null;
  loading: boolean;
  canWrite: boolean;
  canWriteBoundary: boolean;
  onSelect(id: string): void;
  onChanged(change: UnitChange): void;
}

export function UnitDetailPanel({ unit, loading, canWrite, canWriteBoundary, onSelect, onChanged }: Props) {
  if (!unit) {
    return (
      <Card title="单位详情" data-testid="unit-detail">
        {loading ? <Skeleton active /> : <Empty description="请在左侧选择单位" />}
      </Card>
    );
  }
  const isGrid = gridKinds.includes(unit.kind);
  return (
    <Card
      data-testid="unit-detail"
      title={
        <Space>
          <UnitKindTag kind={unit.kind} />
          <span data-testid="unit-detail-name">{unit.name}</span>
          {unit.status === 'retired' && <Tag>已撤销</Tag>}
        </Space>
      }
      loading={loading && !unit}
    >
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2, xl: 2, xxl: 3 }}
        styles={{ label: { width: 110 } }}
      >
        <Descriptions.Item label="名称">{unit.name}</Descriptions.Item>
        <Descriptions.Item label="类型">
          <UnitKindTag kind={unit.kind} />
        </Descriptions.Item>
        <Descriptions.Item label="代码">
          {unit.code ? (
            <Typography.Text copyable>{unit.code}</Typography.Text>
          ) : (
            <Typography.Text type="secondary">未设置</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          {unit.status === 'active' ? <Badge status="success" text="正常" /> : <Badge status="default" text="已撤销" />}
        </Descriptions.Item>
        <Descriptions.Item label="下级单位">{unit.childCount} 个</Descriptions.Item>
        <Descriptions.Item label="边界">
          {unit.hasBoundary ? <Badge status="processing" text="已导入" /> : <Badge status="warning" text="未导入" />}
        </Descriptions.Item>
        <Descriptions.Item label="上级路径" span={3}>
          {unit.ancestors.length === 0 ? (
            <Typography.Text type="secondary">（顶级单位）</Typography.Text>
          ) : (
            <Breadcrumb
              data-testid="unit-detail-path"
              items={unit.ancestors.map((a) => ({
                title: (
                  <a
                    onClick={(e) => {
                      e.preventDefault();
                      onSelect(a.id);
                    }}
                  >
                    {a.name}
                  </a>
                ),
              }))}
            />
          )}
        </Descriptions.Item>
        {isGrid && (
          <Descriptions.Item label="网格员" span={3}>
            {unit.gridWorkers.length === 0 ? (
              <Typography.Text type="secondary">暂未配备网格员</Typography.Text>
            ) : (
              <List
                size="small"
                split={false}
                dataSource={unit.gridWorkers}
                data-testid="unit-grid-workers"
                renderItem={(p) => (
                  <List.Item style={{ padding: '2px 0' }}>
                    <Space>
                      <Typography.Text strong>{p.name}</Typography.Text>
                      <Tag bordered={false}>{personKindLabel[p.kind] ?? p.kind}</Tag>
                      <Typography.Text type="secondary">{p.phone ?? '无电话'}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Descriptions.Item>
        )}
      </Descriptions>
      <UnitResponsibilities unitId={unit.id} unitKind={unit.kind} />
      {(canWrite || canWriteBoundary) && (
        <div style={{ marginTop: 16 }}>
          <UnitActions unit={unit} canWrite={canWrite} canWriteBoundary={canWriteBoundary} onChanged={onChanged} />
        </div>
      )}
    </Card>
  );
}
