import { InboxOutlined } from '@ant-design/icons';
import { App, Form, Modal, Select, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, errorText, type FieldError } from '../../../lib/api';
import { orgApi, type Crs, type Unit } from '../api';
import { crsOptions } from '../unit-kinds';
import { ErrorAlert } from '../../../components/ErrorAlert';

interface Props {
  open: boolean;
  unit: Unit;
  onClose(): void;
  onImported(updated: number): void;
}

interface LoadedFile {
  name: string;
  collection: { type: string; features: { properties?: Record<string, unknown> | null }[] };
}

/** 导入边界: a GeoJSON FeatureCollection whose features are the unit's children. */
export function BoundaryImportModal({ open, unit, onClose, onImported }: Props) {
  const { message } = App.useApp();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [crs, setCrs] = useState<Crs>('wgs84');
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<{ text: string; errors: FieldError[] } | null>(null);

  const reset = () => {
    setFile(null);
    setReadError(null);
    setServerError(null);
    setCrs('wgs84');
  };

  const read = async (f: File) => {
    setServerError(null);
    setReadError(null);
    try {
      const json = JSON.parse(await f.text()) as LoadedFile['collection'];
      if (json?.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
        throw new Error('文件不是 GeoJSON FeatureCollection');
      }
      if (json.features.length === 0) throw new Error('文件中没有任何要素（features 为空）');
      setFile({ name: f.name, collection: json });
    } catch (e) {
      setFile(null);
      setReadError(e instanceof SyntaxError ? '文件不是有效的 JSON' : (e as Error).message);
    }
    return false;
  };

  const submit = async () => {
    if (!file) {
      setReadError('请先选择 GeoJSON 文件');
      return;
    }
    setBusy(true);
    setServerError(null);
    try {
      const r = await orgApi.importBoundaries(unit.id, crs, file.collection);
      message.success(`已更新 ${r.updated} 个下级单位的边界`);
      reset();
      onImported(r.updated);
    } catch (e) {
      setServerError({ text: errorText(e), errors: e instanceof ApiError ? e.errors : [] });
    } finally {
      setBusy(false);
    }
  };

  const featureLabel = (field: string) => {
    const m = /^features\[(\d+)\]/.exec(field);
    if (!m || !file) return '';
    const i = Number(m[1]);
    const p = file.collection.features[i]?.properties ?? {};
    const name = (p.name ?? p.NAME ?? '') as string;
    const code = (p.code ?? '') as string;
    return `第 ${i + 1} 个要素${name ? `「${name}」` : ''}${code ? `（${code}）` : ''}`;
  };

  return (
    <Modal
      open={open}
      title={`导入边界 — ${unit.name} 的下级单位`}
      okText="导入"
      cancelText="取消"
      onOk={submit}
      okButtonProps={{ disabled: !file, ...{ 'data-testid': 'boundary-import-submit' } }}
      confirmLoading={busy}
      onCancel={() => {
        reset();
        onClose();
      }}
      width={680}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        上传 GeoJSON FeatureCollection 文件，每个要素（Polygon / MultiPolygon）按 <code>properties.code</code> 或{' '}
        <code>properties.name</code> 匹配到「{unit.name}」的一个下级单位。文件有任何错误时不会写入任何边界。
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item
          label="坐标系"
          extra="高德、腾讯地图取的坐标为 GCJ-02，百度地图为 BD-09，系统会自动转换为 WGS-84 保存。"
        >
          <Select value={crs} onChange={setCrs} options={crsOptions} data-testid="boundary-import-crs" />
        </Form.Item>
        <Form.Item label="GeoJSON 文件">
          <Upload.Dragger
            accept=".geojson,.json,application/geo+json,application/json"
            maxCount={1}
            showUploadList={false}
            beforeUpload={read}
            data-testid="boundary-import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{file ? file.name : '点击或拖拽文件到此处'}</p>
            <p className="ant-upload-hint">
              {file ? `共 ${file.collection.features.length} 个要素` : '支持 .geojson / .json'}
            </p>
          </Upload.Dragger>
        </Form.Item>
      </Form>
      {readError && <ErrorAlert error={readError} />}
      {serverError && (
        <div data-testid="boundary-import-errors">
          <ErrorAlert error={serverError.text} style={{ marginBottom: 12 }} />
          {serverError.errors.length > 0 && (
            <Table
              size="small"
              rowKey={(_, i) => String(i)}
              pagination={serverError.errors.length > 8 ? { pageSize: 8, size: 'small' } : false}
              dataSource={serverError.errors}
              columns={[
                {
                  title: '位置',
                  dataIndex: 'field',
                  width: 260,
                  render: (f: string) => (
                    <div>
                      <div>{featureLabel(f) || '—'}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }} code>
                        {f}
                      </Typography.Text>
                    </div>
                  ),
                },
                { title: '问题', dataIndex: 'message' },
              ]}
            />
          )}
        </div>
      )}
    </Modal>
  );
}
