import { InboxOutlined } from '@ant-design/icons';
import { App, Form, Modal, Select, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ApiError, errorText, type FieldError } from '../../../lib/api';
import type { Crs } from '../../org/api';
import { crsOptions } from '../../org/unit-kinds';
import { farmlandApi, type ParcelImportReply } from '../api';

interface Props {
  open: boolean;
  /** The villages the account may import for. */
  villages: { id: string; name: string }[];
  onClose(): void;
  onImported(r: ParcelImportReply): void;
}

type Collection = { type: string; features: { properties?: Record<string, unknown> | null }[] };

/** 导入图斑: a village's farmland parcels from a GeoJSON file, replacing its parcels; all or nothing. */
export function ParcelImportModal({ open, villages, onClose, onImported }: Props) {
  const { message } = App.useApp();
  const [villageId, setVillageId] = useState<string>();
  const [crs, setCrs] = useState<Crs>('wgs84');
  const [file, setFile] = useState<{ name: string; collection: Collection } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<{ text: string; errors: FieldError[] } | null>(null);

  const read = async (f: File) => {
    setServerError(null);
    setReadError(null);
    try {
      const json = JSON.parse(await f.text()) as Collection;
      if (json?.type !== 'FeatureCollection' || !Array.isArray(json.features))
        throw new Error('文件不是 GeoJSON FeatureCollection');
      if (json.features.length === 0) throw new Error('文件中没有任何图斑（features 为空）');
      setFile({ name: f.name, collection: json });
    } catch (e) {
      setFile(null);
      setReadError(e instanceof SyntaxError ? '文件不是有效的 JSON' : (e as Error).message);
    }
    return false;
  };

  const submit = async () => {
    if (!villageId || !file) return;
    setBusy(true);
    setServerError(null);
    try {
      const r = await farmlandApi.importParcels(villageId, crs, file.collection);
      message.success(
        `已导入 ${r.imported} 个图斑（耕地 ${r.farmlandMu} 亩，永久基本农田 ${r.permanentBasicMu} 亩）` +
          (r.partlyOutside ? `，其中 ${r.partlyOutside} 个部分超出村界` : ''),
      );
      setFile(null);
      onImported(r);
    } catch (e) {
      setServerError({ text: errorText(e), errors: e instanceof ApiError ? e.errors : [] });
    } finally {
      setBusy(false);
    }
  };

  const where = (field: string) => {
    const m = /^features\[(\d+)\]\.?(properties\.)?(\w+)?/.exec(field);
    if (!m) return field === 'id' ? '行政村' : field;
    const i = Number(m[1]);
    const code = file?.collection.features[i]?.properties?.code;
    const part = { kind: '地类', code: '图斑编号', name: '图斑名称', geometry: '几何图形' }[m[3] ?? ''] ?? '';
    return `第 ${i + 1} 个图斑${code ? `（${String(code)}）` : ''}${part ? ` ${part}` : ''}`;
  };

  return (
    <Modal
      open={open}
      title="导入耕地图斑"
      okText="导入"
      cancelText="取消"
      onOk={submit}
      okButtonProps={{ disabled: !file || !villageId, ...{ 'data-testid': 'parcel-import-submit' } }}
      confirmLoading={busy}
      onCancel={onClose}
      width={680}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        上传 GeoJSON FeatureCollection，每个要素是一个图斑（Polygon / MultiPolygon），属性 <code>kind</code>{' '}
        填“耕地”或“永久基本农田”，<code>code</code> 填图斑编号，<code>name</code>{' '}
        可填名称。导入会替换该村原有的全部图斑；
        文件有任何错误或图斑完全不在村界内时不导入任何图斑，部分超出村界的图斑照常导入并标注。面积按图形计算。
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="行政村（社区）" required>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder="选择要导入的村"
            value={villageId}
            onChange={setVillageId}
            options={villages.map((v) => ({ value: v.id, label: v.name }))}
            data-testid="parcel-import-village"
          />
        </Form.Item>
        <Form.Item
          label="坐标系"
          extra="高德、腾讯为 GCJ-02，百度为 BD-09，国土调查数据一般为 CGCS2000；系统统一转换为 WGS-84 保存。"
        >
          <Select value={crs} onChange={setCrs} options={crsOptions} />
        </Form.Item>
        <Form.Item label="GeoJSON 文件">
          <Upload.Dragger
            accept=".geojson,.json,application/geo+json,application/json"
            maxCount={1}
            showUploadList={false}
            beforeUpload={read}
            data-testid="parcel-import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{file ? `${file.name}（${file.collection.features.length} 个图斑）` : '点击或拖入 GeoJSON 文件'}</p>
          </Upload.Dragger>
        </Form.Item>
      </Form>
      <ErrorAlert error={readError} />
      {serverError && (
        <>
          <ErrorAlert error={serverError.text} />
          {serverError.errors.length > 0 && (
            <Table
              size="small"
              rowKey={(_, i) => String(i)}
              pagination={false}
              scroll={{ y: 220 }}
              style={{ marginTop: 8 }}
              dataSource={serverError.errors}
              columns={[
                { title: '位置', key: 'where', width: 220, render: (_: unknown, e: FieldError) => where(e.field) },
                { title: '问题', dataIndex: 'message', key: 'message' },
              ]}
              data-testid="parcel-import-errors"
            />
          )}
        </>
      )}
    </Modal>
  );
}
