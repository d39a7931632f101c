import { Alert, Card, Empty, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { DuplicateHit } from '../api';
import { CaseStatusTag } from './CaseTags';
import { formatDateTime } from '../../../lib/format-time';

/** 可能重复的问题: open cases of the same category near the point (null until both are known). */
export function DuplicatesCard({ dups, radiusM }: { dups: DuplicateHit[] | null; radiusM: number | null }) {
  return (
    <Card
      size="small"
      title={
        <Space>
          <span>可能重复的问题</span>
          {dups && dups.length > 0 && <Tag color="orange">{dups.length}</Tag>}
        </Space>
      }
      data-testid="case-report-duplicates"
    >
      {dups === null ? (
        <Typography.Text type="secondary">选择问题类别并标注位置后，这里列出附近尚未办结的同类问题。</Typography.Text>
      ) : dups.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={`附近${radiusM ? ` ${radiusM} 米内` : ''}没有尚未办结的同类问题`}
          data-testid="case-report-no-duplicates"
        />
      ) : (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            message="附近已有同类问题在办理，请先核对是否为同一问题；重复上报会在研判时合并。"
          />
          {dups.map((d) => (
            <div key={d.id} className="cg-dup-item" data-testid="case-duplicate">
              <Space size={8} wrap>
                <Link to={`/cases/${d.id}`} target="_blank" className="cg-mono">
                  {d.caseNumber}
                </Link>
                <CaseStatusTag status={d.status} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  相距 {d.distanceM} 米 · {formatDateTime(d.reportedAt)}
                </Typography.Text>
              </Space>
              <div className="cg-case-desc" style={{ fontSize: 13 }}>
                {d.description}
              </div>
            </div>
          ))}
        </>
      )}
    </Card>
  );
}
