import { Alert, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { usePublicSettings } from '../../../app/settings';
import { UnitPicker } from '../../../components/UnitPicker';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { UnitMap } from '../../org/components/UnitMap';
import { orgApi } from '../../org/api';
import { boardsApi, type BoardDetail, type BoardKind } from '../api';
import { BOARD_KIND_NAMES, BOARD_KINDS } from '../labels';
import { PhotoField } from './PhotoField';

interface Values {
  kind: BoardKind;
  name: string;
  unitId?: string;
  address?: string;
  photoId?: string | null;
}

const FIELDS = ['kind', 'name', 'unitId', 'address', 'photoId', 'location'] as const;

/** 登记 / 修改宣传阵地: kind, name, the unit it stands in, a point picked on its map or an address, a photo. */
export function BoardFormModal({
  open,
  board,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The board to edit; none to register a new one. */
  board?: BoardDetail | null;
  onClose(): void;
  onSaved(b: BoardDetail): void;
}) {
  const settings = usePublicSettings();
  const invalidate = useInvalidate();
  const [form] = Form.useForm<Values>();
  const [point, setPoint] = useState<{ lng: number; lat: number } | null>(board?.location ?? null);
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unitId = Form.useWatch('unitId', form);
  const boundary = useApiQuery(
    ['org', 'boundary', unitId],
    (s) => orgApi.boundary(unitId!, s).catch(() => null),
    undefined,
    { enabled: open && !!unitId },
  );

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const body = {
        kind: v.kind,
        name: v.name,
        unitId: v.unitId ?? null,
        location: point,
        address: v.address ?? null,
        photoId: v.photoId ?? null,
      };
      const saved = board ? await boardsApi.update(board.id, body) : await boardsApi.create(body);
      await invalidate(['boards']);
      onSaved(saved);
    } catch (e) {
      const rest = applyFieldErrors(form, e, FIELDS);
      const loc = rest.find((r) => r.field.startsWith('location'));
      setError(loc ? `位置：${loc.message}` : rest.length ? rest.map((r) => r.message).join('；') : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={board ? `修改宣传阵地 — ${board.name}` : '登记宣传阵地'}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      confirmLoading={busy}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      okButtonProps={{ ...{ 'data-testid': 'board-form-submit' } }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          board
            ? {
                kind: board.kind,
                name: board.name,
                unitId: board.unitId,
                address: board.address ?? undefined,
                photoId: board.photoId,
              }
            : { kind: 'board' }
        }
      >
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select
              style={{ width: 120 }}
              options={BOARD_KINDS.map((k) => ({ value: k, label: BOARD_KIND_NAMES[k] }))}
              data-testid="board-form-kind"
            />
          </Form.Item>
          <Form.Item
            name="name"
            label="名称 / 内容"
            style={{ flex: 1 }}
            rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
          >
            <Input maxLength={100} placeholder="如：德化街社区宣传栏" data-testid="board-form-name" />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="unitId" label="所在单位" extra="选点时可不选，系统按位置定位到网格">
            <UnitPicker style={{ width: 240 }} allowClear placeholder="街道、社区、村或网格" />
          </Form.Item>
          <Form.Item name="address" label="详细地址" style={{ flex: 1 }} extra="未在地图上选点时必填">
            <Input maxLength={200} placeholder="如：德化街28号东墙" data-testid="board-form-address" />
          </Form.Item>
        </div>
        <Form.Item label="地图位置">
          <Space style={{ marginBottom: 6 }}>
            <Button
              type={picking ? 'primary' : 'default'}
              onClick={() => setPicking(!picking)}
              disabled={!unitId && !point}
            >
              {picking ? '点击地图选点…' : '在地图上选点'}
            </Button>
            {point && (
              <>
                <Typography.Text type="secondary">
                  {point.lng.toFixed(6)}, {point.lat.toFixed(6)}
                </Typography.Text>
                <Button type="link" onClick={() => setPoint(null)}>
                  清除
                </Button>
              </>
            )}
            {!unitId && !point && <Typography.Text type="secondary">先选择所在单位，在其范围内选点</Typography.Text>}
          </Space>
          <UnitMap
            tileUrl={settings.mapTileUrl}
            focus={boundary.data ?? null}
            childBoundaries={null}
            highlight={null}
            marker={point}
            picking={picking}
            onChildClick={() => undefined}
            onPick={(p) => {
              setPoint(p);
              setPicking(false);
            }}
            height={220}
          />
        </Form.Item>
        <Form.Item name="photoId" label="照片">
          <PhotoField />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
