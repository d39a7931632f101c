import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Input, Row, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorText } from '../../../lib/api';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { venuesApi, type SettingKind, type VenueSettingItem } from '../api';

/** One list (types or checklist): rename in place, retire / restore, add at the end. */
function SettingList({
  kind,
  title,
  items,
  hint,
}: {
  kind: SettingKind;
  title: string;
  items: VenueSettingItem[];
  hint: string;
}) {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [name, setName] = useState('');
  const run = async (p: Promise<unknown>, done: string) => {
    try {
      await p;
      message.success(done);
      await invalidate(['venues']);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Card title={title} size="small">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {hint}
      </Typography.Paragraph>
      <Table<VenueSettingItem>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={items}
        columns={[
          {
            title: '名称',
            dataIndex: 'name',
            render: (v: string, r) => (
              <Typography.Text
                editable={{
                  onChange: (next) => {
                    if (next.trim() && next.trim() !== v)
                      void run(venuesApi.updateSetting(kind, r.code, { name: next.trim() }), '已改名');
                  },
                }}
                type={r.active ? undefined : 'secondary'}
              >
                {v}
              </Typography.Text>
            ),
          },
          {
            title: '启用',
            dataIndex: 'active',
            width: 80,
            render: (v: boolean, r) => (
              <Switch
                size="small"
                checked={v}
                onChange={(active) =>
                  void run(venuesApi.updateSetting(kind, r.code, { active }), active ? '已恢复启用' : '已停用')
                }
              />
            ),
          },
        ]}
      />
      <Space.Compact style={{ width: '100%', marginTop: 12 }}>
        <Input placeholder="新增名称" maxLength={30} value={name} onChange={(e) => setName(e.target.value)} />
        <Button
          type="primary"
          disabled={!name.trim()}
          onClick={() => void run(venuesApi.addSetting(kind, name.trim()), '已新增').then(() => setName(''))}
        >
          新增
        </Button>
      </Space.Compact>
    </Card>
  );
}

/** 场所类型与检查项: the district's lists, kept by the admin; retired entries stay on old records. */
export default function VenueSettingsPage() {
  const navigate = useNavigate();
  const settings = useApiQuery(['venues', 'settings'], (signal) => venuesApi.settings(signal));
  const s = settings.data;
  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/venues')} aria-label="返回列表" />
          场所类型与检查项
        </Space>
      }
      loading={settings.loading && !s}
    >
      <ErrorAlert error={settings.error} />
      {s && !s.canConfigure && (
        <Typography.Paragraph type="secondary">只有全区场所管理员可以修改以下设置。</Typography.Paragraph>
      )}
      {s && (
        <Row gutter={16}>
          <Col span={12}>
            <SettingList
              kind="types"
              title="场所类型"
              items={s.types}
              hint="登记场所时可选的类型。停用后不能再选，已登记的场所保留原类型。"
            />
          </Col>
          <Col span={12}>
            <SettingList
              kind="check-items"
              title="检查项"
              items={s.checkItems}
              hint="每次检查须逐项填写在用的检查项（合格 / 不合格 / 不适用），任一项不合格即判定不合格。"
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
