import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Result, Skeleton, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorText } from '../../../lib/api';
import type { CasePhoto } from '../api';
import { photoRoleLabel } from '../labels';
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

/** A row of a field table: one label and value across the sheet, or two side by side. */
export type FieldRow = [string, ReactNode] | [string, ReactNode, string, ReactNode];

/** The bordered label/value table at the head of a 案卷 or 派遣单. */
export function FieldTable({ rows }: { rows: FieldRow[] }) {
  return (
    <table className="cg-print-table cg-print-fields">
      <tbody>
        {rows.map((r) => (
          <tr key={r[0]}>
            <th>{r[0]}</th>
            {r.length === 2 ? (
              <td colSpan={3}>{r[1]}</td>
            ) : (
              <>
                <td>{r[1]}</td>
                <th>{r[2]}</th>
                <td>{r[3]}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Photos under a heading, each captioned 整改前 / 整改后 / 现场照片. */
export function PrintPhotos({ photos }: { photos: CasePhoto[] }) {
  if (!photos.length) return null;
  return (
    <>
      <div className="cg-print-section">现场照片</div>
      <div className="cg-print-photos">
        {photos.map((p, i) => (
          <figure key={`${p.fileId}-${i}`}>
            <img src={p.thumbnailUrl} alt={photoRoleLabel[p.role ?? 'evidence']} />
            <figcaption>{photoRoleLabel[p.role ?? 'evidence']}</figcaption>
          </figure>
        ))}
      </div>
    </>
  );
}
