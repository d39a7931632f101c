import { AimOutlined, CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Col, Form, InputNumber, Row, Select, Space, Typography } from 'antd';
import type { LocateResult } from '../../org/api';
import { crsOptions } from '../../org/unit-kinds';
import type { UploadedFile } from '../api';
import { PhotoUpload } from './PhotoUpload';

/** 问题位置: longitude, latitude and coordinate system, and which grid the point falls in. */
export function LocationFields({
  gpsNote,
  onManualEdit,
  located,
}: {
  /** Set when the point came from a photo's GPS. */
  gpsNote: string | null;
  onManualEdit: () => void;
  located: LocateResult | null;
}) {
  return (
    <>
      <Form.Item label="问题位置" required extra="在右侧地图上点击即可标注；也可以输入坐标并选择坐标系。">
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="lng" noStyle>
            <InputNumber
              placeholder="经度"
              min={-180}
              max={180}
              precision={6}
              controls={false}
              style={{ width: '32%' }}
              data-testid="case-report-lng"
              onChange={onManualEdit}
            />
          </Form.Item>
          <Form.Item name="lat" noStyle>
            <InputNumber
              placeholder="纬度"
              min={-90}
              max={90}
              precision={6}
              controls={false}
              style={{ width: '32%' }}
              data-testid="case-report-lat"
              onChange={onManualEdit}
            />
          </Form.Item>
          <Form.Item name="crs" noStyle>
            <Select
              options={crsOptions}
              style={{ width: '36%' }}
              popupMatchSelectWidth={false}
              data-testid="case-report-crs"
            />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
      <div data-testid="case-report-located" style={{ marginTop: -12, marginBottom: 16 }}>
        {gpsNote && (
          <Typography.Text type="success" style={{ display: 'block', fontSize: 12 }} data-testid="case-report-gps-note">
            <AimOutlined /> {gpsNote}
          </Typography.Text>
        )}
        {located &&
          (located.found && located.grid ? (
            <Typography.Text style={{ fontSize: 12 }} data-testid="case-report-grid">
              <CheckCircleOutlined style={{ color: '#52c41a' }} /> 位于{' '}
              {[...located.ancestors.slice(1).map((u) => u.name), located.grid.name].join(' / ')}
            </Typography.Text>
          ) : (
            <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="case-report-grid">
              <WarningOutlined /> 该点不在任何网格内，上报后将标记为网格外问题。
            </Typography.Text>
          ))}
      </div>
    </>
  );
}

/** 立行整改: the before and after photos a problem fixed on the spot needs. */
export function FixedOnSpotPhotos() {
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Form.Item
          name="beforePhotos"
          label="整改前照片"
          valuePropName="value"
          rules={[
            {
              validator: (_, v?: UploadedFile[]) =>
                v?.length ? Promise.resolve() : Promise.reject(new Error('请上传整改前照片')),
            },
          ]}
        >
          <PhotoUpload max={5} label="整改前" data-testid="case-report-before" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name="afterPhotos"
          label="整改后照片"
          valuePropName="value"
          rules={[
            {
              validator: (_, v?: UploadedFile[]) =>
                v?.length ? Promise.resolve() : Promise.reject(new Error('请上传整改后照片')),
            },
          ]}
        >
          <PhotoUpload max={5} label="整改后" data-testid="case-report-after" />
        </Form.Item>
      </Col>
    </Row>
  );
}
