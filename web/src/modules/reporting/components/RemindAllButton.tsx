import { BellOutlined } from '@ant-design/icons';
import { Alert, Button, Popconfirm } from 'antd';
import type { RemindersSent } from '../api';

/**
 * 一键催报: one reminder to every unit of the view that has not reported the range (缺报 and 未到期),
 * after a confirmation naming how many reports are out; the result says how many units it reached.
 */
export function RemindAllButton({
  missing,
  notDue,
  rangeText,
  sending,
  result,
  onSend,
}: {
  missing: number;
  notDue: number;
  /** e.g. '2026年11月30日' or '2026年11月24日 至 2026年11月30日'. */
  rangeText: string;
  sending: boolean;
  result: RemindersSent | null;
  onSend(): void;
}) {
  const out = missing + notDue;
  return (
    <div style={{ marginBottom: 12 }}>
      <Popconfirm
        title="一键催报"
        description={
          <span data-testid="comp-remind-confirm-text">
            向{rangeText}尚未报送的单位发送催报消息：缺报 {missing} 份{notDue ? `，未到期 ${notDue} 份` : ''}
            。每个单位只收到一条。
          </span>
        }
        okText="发送催报"
        cancelText="取消"
        okButtonProps={{ 'data-testid': 'comp-remind-ok' } as Record<string, string>}
        onConfirm={onSend}
        disabled={out === 0}
      >
        <Button
          icon={<BellOutlined />}
          type="primary"
          ghost
          disabled={out === 0}
          loading={sending}
          data-testid="comp-remind"
        >
          一键催报
        </Button>
      </Popconfirm>
      {result && (
        <Alert
          style={{ marginTop: 8 }}
          type={result.messages > 0 ? 'success' : 'warning'}
          showIcon
          data-testid="comp-remind-result"
          message={
            result.messages > 0
              ? `已向 ${result.unitsReached} 个单位发出催报消息 ${result.messages} 条（未报 ${result.missingReports} 份，涉及 ${result.missingUnits} 个单位）。`
              : `${result.missingUnits} 个单位未报，但都没有可接收消息的报送人员账号，未发出消息。`
          }
        />
      )}
    </div>
  );
}
