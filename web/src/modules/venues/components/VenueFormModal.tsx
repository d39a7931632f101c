import { App, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { UnitPicker } from '../../../components/UnitPicker';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { venuesApi, type VenueDetail, type VenueSettingItem } from '../api';

interface Values {
  name: string;
  typeCode: string;
  address: string;
  ownerName: string;
  ownerPhone: string;
  placeBy: 'grid' | 'point';
  gridId?: string;
  lng?: number;
  lat?: number;
}

const FIELDS = ['name', 'typeCode', 'address', 'ownerName', 'ownerPhone', 'gridId'];

/**
 * 登记 / 编辑场所. The place is a small grid picked from the tree, or a point (WGS-84) the server
 * locates into the smallest grid. Editing needs the full phone: the keeper reveals it first (audited).
 */
export function VenueFormModal({
  venue,
  revealedPhone,
  types,
  onClose,
  onSaved,
}: {
  /** The venue being edited; none to register a new one. */
  venue?: VenueDetail;
  /** Its owner's full phone, when revealed on the page; else the field starts empty and may stay so. */
  revealedPhone?: string | null;
  types: VenueSettingItem[];
  onClose(): void;
  onSaved(v: VenueDetail): void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const placeBy = Form.useWatch('placeBy', form);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    const body = {
      name: v.name,
      typeCode: v.typeCode,
      address: v.address,
      ownerName: v.ownerName,
      // Left empty on an edit: the number stays as it is (the editor need not see it).
      ...(v.ownerPhone?.trim() ? { ownerPhone: v.ownerPhone.trim() } : {}),
      ...(v.placeBy === 'point'
        ? { location: { lng: v.lng!, lat: v.lat! }, gridId: null }
        : { gridId: v.gridId!, location: null }),
    };
    try {
      const saved = venue
        ? await venuesApi.update(venue.id, body)
        : await venuesApi.create({ ...body, ownerPhone: v.ownerPhone.trim() });
      message.success(venue ? '已保存' : `已登记「${saved.name}」`);
      onSaved(saved);
    } catch (e) {
      const rest = applyFieldErrors(form, e, FIELDS);
      // The server names the point `location`: shown under the coordinates (or the grid, when none was given).
      const place = rest.filter((r) => r.field.startsWith('location'));
      if (place.length)
        form.setFields([{ name: v.placeBy === 'point' ? 'lng' : 'gridId', errors: place.map((r) => r.message) }]);
      if (rest.length > place.length || !(e as { errors?: unknown[] }).errors?.length) message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const typeOptions = types
    .filter((t) => t.active || t.code === venue?.typeCode)
    .map((t) => ({ value: t.code, label: t.active ? t.name : `${t.name}（已停用）` }));
  return (
    <Modal
      title={venue ? '编辑场所' : '登记场所'}
      open
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okText={venue ? '保存' : '登记'}
      width={620}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          venue
            ? {
                name: venue.name,
                typeCode: venue.typeCode,
                address: venue.address,
                ownerName: venue.ownerName,
                ownerPhone: revealedPhone ?? '',
                placeBy: venue.location ? 'point' : 'grid',
                gridId: venue.grid.id,
                lng: venue.location?.lng,
                lat: venue.location?.lat,
              }
            : { placeBy: 'grid' }
        }
      >
        <Space size={12} style={{ display: 'flex' }} align="start">
          <Form.Item name="name" label="场所名称" rules={[{ required: true, message: '请填写场所名称' }]}>
            <Input maxLength={100} style={{ width: 300 }} data-testid="venue-name" />
          </Form.Item>
          <Form.Item name="typeCode" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select style={{ width: 240 }} options={typeOptions} placeholder="选择类型" data-testid="venue-type" />
          </Form.Item>
        </Space>
        <Form.Item name="address" label="地址" rules={[{ required: true, message: '请填写地址' }]}>
          <Input maxLength={200} data-testid="venue-address" />
        </Form.Item>
        <Space size={12} style={{ display: 'flex' }} align="start">
          <Form.Item name="ownerName" label="负责人" rules={[{ required: true, message: '请填写负责人' }]}>
            <Input maxLength={50} style={{ width: 200 }} data-testid="venue-owner" />
          </Form.Item>
          <Form.Item
            name="ownerPhone"
            label="联系电话"
            rules={venue ? [] : [{ required: true, message: '请填写联系电话' }]}
          >
            <Input
              maxLength={20}
              style={{ width: 240 }}
              placeholder={venue && !revealedPhone ? `${venue.ownerPhone}，不修改请留空` : undefined}
              data-testid="venue-phone"
            />
          </Form.Item>
        </Space>
        <Form.Item name="placeBy" label="位置">
          <Radio.Group
            options={[
              { value: 'grid', label: '选择所在网格' },
              { value: 'point', label: '填写经纬度（自动落入网格）' },
            ]}
          />
        </Form.Item>
        {placeBy === 'point' ? (
          <Space size={12} align="start">
            <Form.Item name="lng" label="经度" rules={[{ required: true, message: '请填写经度' }]}>
              <InputNumber min={-180} max={180} step={0.0001} style={{ width: 180 }} data-testid="venue-lng" />
            </Form.Item>
            <Form.Item name="lat" label="纬度" rules={[{ required: true, message: '请填写纬度' }]}>
              <InputNumber min={-90} max={90} step={0.0001} style={{ width: 180 }} data-testid="venue-lat" />
            </Form.Item>
          </Space>
        ) : (
          <Form.Item name="gridId" label="所在网格（小网格）" rules={[{ required: true, message: '请选择网格' }]}>
            <UnitPicker selectableKinds={['grid_small']} placeholder="选择小网格" data-testid="venue-grid" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
