import { ReloadOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, DatePicker, Empty, Form, Select, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { XlsxButton } from '../../../components/XlsxButton';
import { reportingApi } from '../api';
import { FormSelect } from '../components/FormSelect';
import { RollupCharts, RollupTable } from '../components/RollupSections';
import { periodLabel } from '../labels';
import { useRollup } from '../use-rollup';
import '../reporting.css';

/** 数据汇总: numeric fields rolled up per sub-district and community, with trends and an .xlsx export. */
export default function RollupPage() {
  const s = useRollup();
  const { forms, form, formId, query, data, from, to, trail } = s;

  return (
    <Card
      title="数据汇总"
      data-testid="reporting-rollup-page"
      extra={
        formId && query ? (
          <Space>
            <XlsxButton href={reportingApi.rollupXlsxUrl(formId, query)} data-testid="rollup-export">
              导出 Excel（按单位）
            </XlsxButton>
            <XlsxButton href={reportingApi.rollupXlsxUrl(formId, { ...query, by: 'period' })}>
              导出 Excel（按报告期）
            </XlsxButton>
          </Space>
        ) : null
      }
    >
      <Space wrap align="start" style={{ marginBottom: 12 }}>
        <Form.Item label="报表" style={{ marginBottom: 0 }}>
          <FormSelect forms={forms} value={formId} onChange={s.setFormId} data-testid="rollup-form-select" />
        </Form.Item>
        <Form.Item label="指标" style={{ marginBottom: 0 }}>
          <Select
            mode="multiple"
            allowClear
            placeholder="全部数值指标"
            style={{ minWidth: 260, maxWidth: 520 }}
            value={s.fields}
            onChange={s.setFields}
            options={s.numeric.map((f) => ({ value: f.code, label: f.label }))}
            maxTagCount="responsive"
            data-testid="rollup-fields"
          />
        </Form.Item>
        <Form.Item label="报告期" style={{ marginBottom: 0 }}>
          <DatePicker.RangePicker
            value={s.range}
            allowClear={false}
            picker={form?.periodType === 'weekly' ? 'week' : form?.periodType === 'monthly' ? 'month' : 'date'}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(r) => r && r[0] && r[1] && s.setRange([r[0], r[1]])}
            presets={[
              { label: '近 7 天', value: [dayjs().subtract(6, 'day'), dayjs()] },
              { label: '近 30 天', value: [dayjs().subtract(29, 'day'), dayjs()] },
              { label: '本月', value: [dayjs().startOf('month'), dayjs()] },
              { label: '本年', value: [dayjs().startOf('year'), dayjs()] },
            ]}
            data-testid="rollup-range"
          />
        </Form.Item>
        <Button icon={<ReloadOutlined />} onClick={() => void s.load()}>
          刷新
        </Button>
      </Space>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={trail.map((t, i) => ({
          title: i < trail.length - 1 ? <Typography.Link onClick={() => s.back(i)}>{t.name}</Typography.Link> : t.name,
        }))}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        数值指标按字段规则汇总（合计、平均或最大）；零报告各项计为 0，选填项空白不计。点击单位名称查看其下级单位。
        {data && from && to
          ? ` 汇总范围：${data.unitName} ${periodLabel(from)}${from !== to ? ` 至 ${periodLabel(to)}` : ''}，共 ${data.reports.toLocaleString('zh-CN')} 份报告。`
          : ''}
      </Typography.Paragraph>
      {s.formsError ? <ErrorAlert error={s.formsError} style={{ marginBottom: 12 }} /> : null}
      {s.error && <ErrorAlert error={s.error} style={{ marginBottom: 12 }} />}
      {forms && forms.length === 0 && <Empty description="暂无报表" />}
      <Spin spinning={s.loading || forms === null}>
        {data && (
          <>
            <RollupTable data={data} onDrill={s.drill} />
            <RollupCharts data={data} />
          </>
        )}
      </Spin>
    </Card>
  );
}
