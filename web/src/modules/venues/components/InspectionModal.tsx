import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Checkbox, Input, Modal, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../lib/api';
import { uploadPhoto, venuesApi, type CheckResult, type VenueDetail } from '../api';
import { ChecklistFields, findingsOf } from './ChecklistFields';

/** 检查: every active item 合格 / 不合格 / 不适用, a note, photos; a failure may raise a ledger case. */
export function InspectionModal({ venue, onClose, onDone }: { venue: VenueDetail; onClose(): void; onDone(): void }) {
  const [value, setValue] = useState<Record<string, CheckResult | undefined>>({});
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [raiseCase, setRaiseCase] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { message } = App.useApp();
  const findings = findingsOf(venue.checklist, value);
  const failed = !!findings?.some((f) => f.result === 'fail');
  const uploading = files.some((f) => f.status === 'uploading');
  const submit = async () => {
    if (!findings) return;
    setBusy(true);
    setError(null);
    try {
      const r = await venuesApi.inspect(venue.id, {
        items: findings,
        note: note.trim() || null,
        photoIds: files.flatMap((f) => (f.status === 'done' && f.response?.id ? [f.response.id as string] : [])),
        raiseCase: failed && raiseCase,
      });
      message.success(r.case ? `检查已记录，已上报问题 ${r.case.number}` : '检查已记录');
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={`检查：${venue.name}`}
      open
      onCancel={onClose}
      onOk={submit}
      okText="提交检查"
      okButtonProps={{ disabled: !findings || uploading, loading: busy, 'data-testid': 'inspection-submit' } as never}
      width={620}
      destroyOnHidden
    >
      <Space direction="vertical" size={14} style={{ width: '100%' }}>
        <ChecklistFields checklist={venue.checklist} value={value} onChange={setValue} />
        {findings && (
          <Alert
            type={failed ? 'error' : 'success'}
            showIcon
            message={failed ? '检查结果：不合格' : '检查结果：合格'}
          />
        )}
        <Input.TextArea
          rows={2}
          maxLength={1000}
          placeholder="检查情况说明（选填）"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <div>
          <Typography.Text type="secondary">现场照片（最多 9 张）</Typography.Text>
          <Upload
            listType="picture-card"
            accept="image/jpeg,image/png,image/heic,image/heif"
            fileList={files}
            maxCount={9}
            onChange={({ fileList }) => setFiles(fileList)}
            customRequest={({ file, onSuccess, onError }) => {
              const f = file as File;
              uploadPhoto(f, f.name).then(
                (meta) => onSuccess?.(meta),
                (e: Error) => {
                  message.error(errorText(e));
                  onError?.(e);
                },
              );
            }}
          >
            {files.length < 9 && (
              <div>
                <PlusOutlined />
                <div style={{ marginTop: 4 }}>上传</div>
              </div>
            )}
          </Upload>
        </div>
        {failed && (
          <Checkbox checked={raiseCase} onChange={(e) => setRaiseCase(e.target.checked)} data-testid="inspection-case">
            不合格项上报为问题（进入问题台账）
          </Checkbox>
        )}
        {error ? <Alert type="error" showIcon message={errorText(error)} /> : null}
      </Space>
    </Modal>
  );
}
