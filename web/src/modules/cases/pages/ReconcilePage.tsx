import { CheckSquareOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Popconfirm, Row, Segmented, Space, Statistic, Typography } from 'antd';
import { UnitPicker } from '../../../components/UnitPicker';
import { casesApi } from '../api';
import { ReconcileTable } from '../components/ReconcileTable';
import '../cases.css';
import { useReconcile, type ReconcileView } from '../use-reconcile';
import { XlsxButton } from '../../../components/XlsxButton';

/** 对账销号: go through a unit's closed cases and check each off the ledger. */
export default function ReconcilePage() {
  const r = useReconcile();
  const { view, counts, selected } = r;

  return (
    <Card
      title="对账销号"
      data-testid="case-reconcile-page"
      extra={
        <XlsxButton href={casesApi.exportUrl(r.listQuery)} data-testid="reconcile-export">
          导出 Excel
        </XlsxButton>
      }
    >
      <Typography.Paragraph type="secondary">
        逐件核对已结案的问题，确认无误后销号。销号只是台账上的勾销，不改变案卷的办理状态。
      </Typography.Paragraph>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={14}>
          <Space wrap>
            <UnitPicker
              value={r.unitId}
              onChange={r.setUnitId}
              placeholder="全部单位"
              style={{ width: 260 }}
              data-testid="reconcile-unit"
            />
            <DatePicker.RangePicker
              value={r.period}
              onChange={(p) => r.setPeriod(p && p[0] && p[1] ? [p[0], p[1]] : null)}
              placeholder={['上报开始日期', '结束日期']}
              data-testid="reconcile-period"
            />
          </Space>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Statistic
            title="待销号"
            value={counts?.pending ?? '—'}
            valueStyle={{ color: '#d46b08' }}
            suffix={counts ? '件' : undefined}
            data-testid="reconcile-count-pending"
          />
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Statistic
            title="已销号"
            value={counts?.done ?? '—'}
            valueStyle={{ color: '#389e0d' }}
            suffix={counts ? '件' : undefined}
            data-testid="reconcile-count-done"
          />
        </Col>
      </Row>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<ReconcileView>
          value={view}
          onChange={r.setView}
          options={[
            { value: 'pending', label: '待销号' },
            { value: 'done', label: '已销号' },
          ]}
          data-testid="reconcile-view"
        />
        {view === 'pending' && (
          <Popconfirm
            title={`确认将选中的 ${selected.length} 件问题销号？`}
            okText="销号"
            cancelText="取消"
            onConfirm={() => void r.reconcileSelected()}
            disabled={!selected.length}
          >
            <Button
              type="primary"
              icon={<CheckSquareOutlined />}
              disabled={!selected.length}
              loading={r.batchBusy}
              data-testid="reconcile-batch"
            >
              批量销号{selected.length ? `（${selected.length}）` : ''}
            </Button>
          </Popconfirm>
        )}
        <Button icon={<ReloadOutlined />} onClick={() => void r.refresh()}>
          刷新
        </Button>
      </Space>
      <ReconcileTable
        view={view}
        items={r.items}
        loading={r.loading}
        selected={selected}
        onSelect={r.setSelected}
        busyIds={r.busyIds}
        onReconcile={(c) => void r.reconcile(c)}
      />
      {r.nextCursor && (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button onClick={r.loadMore} data-testid="reconcile-load-more">
            加载更多
          </Button>
        </div>
      )}
    </Card>
  );
}
