import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Tabs, Tag } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { AssignmentsTable } from '../components/AssignmentsTable';
import { OpinionsTable } from '../components/OpinionsTable';
import { SupervisionDialogModal } from '../components/SupervisionDialogModal';
import { useSupervision } from '../use-supervision';

/** 民主监督: who supervises which unit, their visits, and the opinions followed up to the end. */
export default function SupervisionPage() {
  const s = useSupervision();
  return (
    <Card
      title="民主监督"
      extra={
        s.canAssign && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => s.setDialog({ kind: 'assign' })}>
            选派民主监督员
          </Button>
        )
      }
    >
      {s.error && <ErrorAlert error={s.error} style={{ marginBottom: 12 }} />}
      <Tabs
        items={[
          {
            key: 'assignments',
            label: s.visitor ? `我的选派（${s.assignments.length}）` : `选派情况（${s.assignments.length}）`,
            children: <AssignmentsTable assignments={s.assignments} visitor={s.visitor} onDialog={s.setDialog} />,
          },
          {
            key: 'opinions',
            label: (
              <span>
                意见跟踪（{s.opinions.length}）
                {s.overdueCount > 0 && (
                  <Tag color="error" style={{ marginLeft: 6 }}>
                    逾期 {s.overdueCount}
                  </Tag>
                )}
              </span>
            ),
            children: (
              <OpinionsTable opinions={s.opinions} filter={s.filter} onFilter={s.setFilter} onDialog={s.setDialog} />
            ),
          },
        ]}
      />
      <SupervisionDialogModal dialog={s.dialog} onClose={() => s.setDialog(null)} onDone={s.done} />
    </Card>
  );
}
