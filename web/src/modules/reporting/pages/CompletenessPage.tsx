import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Form, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { UnitPicker } from '../../../components/UnitPicker';
import { FormSelect } from '../components/FormSelect';
import { periodLabel } from '../labels';
import '../reporting.css';
import { useCompleteness } from '../use-completeness';
import { CompletenessCards } from '../components/CompletenessCards';
import { CompletenessTabs } from '../components/CompletenessSections';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAuth } from '../../../app/auth';
import type { Completeness } from '../api';

const rangeText = (d: Completeness) =>
  d.from === d.to ? periodLabel(d.from) : `${periodLabel(d.from)} 至 ${periodLabel(d.to)}`;

export default function CompletenessPage() {
  const {
    forms,
    formsError,
    form,
    formId,
    setFormId,
    unitId,
    setUnitId,
    range,
    setRange,
    from,
    to,
    data,
    loading,
    error,
    load,
    missingPage,
    turnMissingPage,
    remind,
    reminding,
    remindResult,
  } = useCompleteness();
  const { can } = useAuth();

  return (
    <Card title="完成情况" data-testid="reporting-completeness-page">
      <Space wrap align="start" style={{ marginBottom: 12 }}>
        <Form.Item label="报表" style={{ marginBottom: 0 }}>
          <FormSelect forms={forms} value={formId} onChange={setFormId} data-testid="comp-form-select" />
        </Form.Item>
        <Form.Item label="单位" style={{ marginBottom: 0 }}>
          <UnitPicker
            value={unitId}
            onChange={setUnitId}
            placeholder="本人数据范围"
            style={{ width: 260 }}
            data-testid="comp-unit"
          />
        </Form.Item>
        <Form.Item label="报告期" style={{ marginBottom: 0 }}>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            picker={form?.periodType === 'weekly' ? 'week' : form?.periodType === 'monthly' ? 'month' : 'date'}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(r) => r && r[0] && r[1] && setRange([r[0], r[1]])}
            presets={[
              { label: '今天', value: [dayjs(), dayjs()] },
              { label: '近 7 天', value: [dayjs().subtract(6, 'day'), dayjs()] },
              { label: '近 30 天', value: [dayjs().subtract(29, 'day'), dayjs()] },
              { label: '本月', value: [dayjs().startOf('month'), dayjs()] },
            ]}
            data-testid="comp-range"
          />
        </Form.Item>
        <Button icon={<ReloadOutlined />} onClick={() => void load()} data-testid="comp-refresh">
          刷新
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        上报率 = 实报 ÷ 应报，及时率 = 按时报 ÷ 应报，口径与国际通行的卫生信息系统上报率统计一致；零报告计为已报。
        单位在报告期内任一时刻存续即应报该期（期中新设或撤销的也计）。截止时间（含宽限天数）未到、尚未报送的计为“未到期”，不计入应报和缺报。
        {data && from && to
          ? ` 统计范围：${data.unitName ?? ''} ${periodLabel(from)}${from !== to ? ` 至 ${periodLabel(to)}` : ''}。`
          : ''}
      </Typography.Paragraph>
      {formsError ? <ErrorAlert error={formsError} style={{ marginBottom: 12 }} /> : null}
      {error && <ErrorAlert error={error} style={{ marginBottom: 12 }} data-testid="comp-error" />}
      {forms && forms.length === 0 && <Empty description="暂无报表" />}
      <Spin spinning={loading || forms === null}>
        <CompletenessCards data={data} formName={forms?.find((f) => f.id === data?.formId)?.name ?? ''} />
        {data && (
          <CompletenessTabs
            data={data}
            missingPage={missingPage}
            onMissingPage={(p) => void turnMissingPage(p)}
            remind={
              can('report.remind')
                ? { sending: reminding, result: remindResult, onSend: remind, rangeText: rangeText(data) }
                : null
            }
          />
        )}
      </Spin>
    </Card>
  );
}
