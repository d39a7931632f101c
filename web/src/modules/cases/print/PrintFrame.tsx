import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Result, Skeleton, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorText } from '../../../lib/api';
import './print.css';

/**
 * A print preview: a sheet of A4 paper (landscape for the ledger) under a toolbar with 返回 and 打印.
 * Printed, the console's frame and the toolbar drop away (print.css) and the sheet is all there is.
 */
export function PrintFrame({
  name,
  landscape = false,
  loading,
  error,
  children,
  testId,
}: {
  /** What is printed, e.g. 案卷, 派遣单 — said in the toolbar. */
  name: string;
  landscape?: boolean;
  loading: boolean;
  error: unknown;
  children?: ReactNode;
  testId: string;
}) {
  const navigate = useNavigate();
  const layout = landscape ? ' landscape' : '';
  if (error && !children) {
    const status = error instanceof ApiError ? error.status : 0;
    return (
      <Result
        status={status === 404 ? '404' : status === 403 ? '403' : 'error'}
        title={`${name}无法打印`}
        subTitle={errorText(error)}
        extra={<Button onClick={() => navigate(-1)}>返回</Button>}
      />
    );
  }
  return (
    <div data-testid={testId}>
      <div className={`cg-print-toolbar cg-no-print${layout}`}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          返回
        </Button>
        <Space>
          <Typography.Text type="secondary">
            打印预览：{name}（A4{landscape ? ' 横向' : ''}）
          </Typography.Text>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={loading || !children}
            onClick={() => window.print()}
            data-testid="print-button"
          >
            打印
          </Button>
        </Space>
      </div>
      {loading || !children ? (
        <Card style={{ maxWidth: landscape ? '297mm' : '210mm', margin: '0 auto' }}>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <div className={`cg-print-sheet${layout}`}>{children}</div>
      )}
    </div>
  );
}

/** Blank lines to sign on: 经办人（签字）____ and the like. */
export function SignatureBlock({ labels }: { labels: string[] }) {
  return (
    <>
      <div className="cg-print-sign">
        {labels.map((l) => (
          <div key={l}>{l}：</div>
        ))}
      </div>
      <div className="cg-print-stamp">{'（单位盖章）\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日'}</div>
    </>
  );
}
