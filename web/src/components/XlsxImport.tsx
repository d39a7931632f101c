import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Table, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, errorText, type FieldError } from '../lib/api';

/**
 * An all-or-nothing .xlsx import (工作要点, 居民台账 …): a drop zone that sends the file, and when the
 * server refuses it, the reason and every problem by row and column (the API names each as
 * `rows[4].身份证号`). `onDone` shows what was imported; the caller renders the result.
 */
export function useXlsxImport<T>(send: (file: File) => Promise<T>, onDone: (result: T) => Promise<void> | void) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<T | null>(null);
  const [failure, setFailure] = useState<{ text: string; errors: FieldError[] } | null>(null);
  const upload = async (file: File) => {
    if (!/\.xlsx$/i.test(file.name)) {
      message.error('请上传 .xlsx 文件');
      return;
    }
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      const r = await send(file);
      setResult(r);
      await onDone(r);
    } catch (e) {
      setFailure({ text: errorText(e), errors: e instanceof ApiError ? e.errors : [] });
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    setResult(null);
    setFailure(null);
  };
  return { busy, result, failure, upload, reset };
}

/** What the drop zone shows of an import, whatever its result type. */
export interface XlsxImportState {
  busy: boolean;
  failure: { text: string; errors: FieldError[] } | null;
  upload(file: File): Promise<void>;
}

export function XlsxDropZone({
  state,
  testId,
  failurePrefix = '导入失败',
}: {
  state: XlsxImportState;
  /** Prefix of the test ids: `${testId}-upload`, `${testId}-error`. */
  testId: string;
  failurePrefix?: string;
}) {
  const { busy, failure, upload } = state;
  return (
    <>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
        data-testid={`${testId}-upload`}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{busy ? '正在导入…' : '点击或拖入 .xlsx 文件'}</p>
      </Upload.Dragger>
      {failure && (
        <Alert
          style={{ marginTop: 16 }}
          type="error"
          showIcon
          message={`${failurePrefix}：${failure.text}`}
          data-testid={`${testId}-error`}
          description={
            failure.errors.length > 0 && (
              <Table
                size="small"
                pagination={failure.errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
                rowKey={(e) => e.field + e.message}
                dataSource={failure.errors.slice(0, 500)}
                columns={[
                  { title: '位置', dataIndex: 'field', width: 170 },
                  { title: '问题', dataIndex: 'message' },
                ]}
              />
            )
          }
        />
      )}
    </>
  );
}
