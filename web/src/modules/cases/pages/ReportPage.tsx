import { SendOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, Row, Space, Switch } from 'antd';
import { Link, useNavigate } from 'react-router';
import { usePublicSettings } from '../../../app/settings';
import { UnitMap } from '../../org/components/UnitMap';
import { CategorySelect } from '../components/CategorySelect';
import { DuplicatesCard } from '../components/DuplicatesCard';
import { FixedOnSpotPhotos, LocationFields } from '../components/ReportFormSections';
import { PhotoUpload } from '../components/PhotoUpload';
import { timeLimitText } from '../labels';
import { useCaseReport, type CaseReportValues } from '../use-case-report';
import '../cases.css';

/** 上报问题 (office): the form on the left, the map and possible duplicates on the right. */
export default function ReportPage() {
  const settings = usePublicSettings();
  const navigate = useNavigate();
  const {
    form,
    category,
    fixedOnSpot,
    busy,
    error,
    setError,
    gpsNote,
    setGpsNote,
    focus,
    children,
    located,
    gridBoundary,
    marker,
    dups,
    dupRadius,
    onPick,
    onUploaded,
    submit,
  } = useCaseReport();

  return (
    <Form<CaseReportValues>
      form={form}
      layout="vertical"
      initialValues={{ crs: 'wgs84', fixedOnSpot: false, lng: null, lat: null }}
      onFinish={submit}
      data-testid="case-report-form"
      scrollToFirstError
    >
      <Row gutter={16} data-testid="case-report-page">
        <Col xs={24} xl={11}>
          <Card title="上报问题" extra={<Link to="/cases">返回问题台账</Link>}>
            {error && (
              <Alert
                type="error"
                showIcon
                message={error}
                style={{ marginBottom: 16 }}
                data-testid="case-report-error"
                closable
                onClose={() => setError(null)}
              />
            )}
            <Form.Item
              name="categoryCode"
              label="问题类别"
              rules={[{ required: true, message: '请选择问题小类' }]}
              extra={
                category ? (
                  <span data-testid="case-report-category-info">
                    处置时限 {timeLimitText(category.timeLimit)}
                    {category.defaultUnitName ? ` · 默认责任单位：${category.defaultUnitName}` : ''}
                  </span>
                ) : (
                  '先选大类，再选小类'
                )
              }
            >
              <CategorySelect
                leavesOnly
                placeholder="选择问题小类，可输入名称或代码搜索"
                data-testid="case-report-category"
              />
            </Form.Item>
            <Form.Item
              name="description"
              label="问题描述"
              rules={[
                { required: true, whitespace: true, message: '请描述问题' },
                { min: 2, message: '请至少写两个字' },
                { max: 4000 },
              ]}
            >
              <Input.TextArea
                rows={4}
                showCount
                maxLength={4000}
                placeholder="写清楚问题是什么、在哪里、影响多大"
                data-testid="case-report-description"
              />
            </Form.Item>
            <LocationFields gpsNote={gpsNote} onManualEdit={() => setGpsNote(null)} located={located} />
            <Form.Item name="address" label="地址（可选）" rules={[{ max: 200 }]}>
              <Input placeholder="如：七一路与中州大道交叉口东北角" data-testid="case-report-address" />
            </Form.Item>
            <Form.Item
              name="photos"
              label="现场照片"
              extra="JPEG / PNG / HEIC，单张不超过 15 MB；带 GPS 的照片可自动定位。"
              valuePropName="value"
            >
              <PhotoUpload onUploaded={onUploaded} data-testid="case-report-photos" />
            </Form.Item>
            <Form.Item
              name="fixedOnSpot"
              label="立行整改"
              valuePropName="checked"
              extra="能当场解决的问题：整改后上传整改前、整改后照片，直接进入核查，不再派遣。"
            >
              <Switch checkedChildren="已现场整改" unCheckedChildren="否" data-testid="case-report-fixed" />
            </Form.Item>
            {fixedOnSpot && <FixedOnSpotPhotos />}
            <Space>
              <Button
                type="primary"
                htmlType="submit"
                icon={<SendOutlined />}
                loading={busy}
                data-testid="case-report-submit"
              >
                {fixedOnSpot ? '提交（立行整改）' : '上报'}
              </Button>
              <Button onClick={() => navigate('/cases')}>取消</Button>
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card
              size="small"
              title={
                <Space>
                  <EnvironmentOutlined />
                  <span>点击地图标注问题位置</span>
                </Space>
              }
              styles={{ body: { padding: 8 } }}
            >
              <div data-testid="case-report-map">
                <UnitMap
                  tileUrl={settings.mapTileUrl}
                  focus={focus}
                  childBoundaries={children}
                  highlight={gridBoundary}
                  marker={marker}
                  picking
                  onChildClick={() => undefined}
                  onPick={onPick}
                  height={420}
                />
              </div>
            </Card>
            <DuplicatesCard dups={dups} radiusM={dupRadius} />
          </Space>
        </Col>
      </Row>
    </Form>
  );
}
