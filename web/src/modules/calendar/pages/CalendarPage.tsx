import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Select, Space, Typography } from 'antd';
import { DayEditModal, SpecialDaysTable } from '../components/CalendarSections';
import { MonthGrid } from '../components/MonthGrid';
import { useCalendar } from '../use-calendar';

export default function CalendarPage() {
  const c = useCalendar();
  const { year, setYear, thisYear, data, special, today, canWrite } = c;
  const years = [];
  for (let y = thisYear + 2; y >= 2004; y--) years.push({ value: y, label: `${y} 年` });
  const holidays = (data?.days ?? []).filter((d) => d.kind === 'holiday').length;
  const workdays = (data?.days ?? []).filter((d) => d.kind === 'workday').length;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="calendar-page">
      <Card
        title="工作日历"
        extra={
          <Space>
            <Button icon={<LeftOutlined />} onClick={() => setYear((y) => y - 1)} disabled={year <= 2004} />
            <Select
              value={year}
              onChange={setYear}
              options={years}
              style={{ width: 110 }}
              data-testid="calendar-year"
            />
            <Button icon={<RightOutlined />} onClick={() => setYear((y) => y + 1)} />
            <Button onClick={() => setYear(thisYear)} disabled={year === thisYear}>
              今年
            </Button>
          </Space>
        }
        loading={c.loading && !data}
      >
        {data && !data.covered && (
          <Alert
            type="warning"
            showIcon
            data-testid="calendar-not-covered"
            style={{ marginBottom: 16 }}
            message={`${year} 年的法定节假日安排尚未收录`}
            description="在收录前，系统按周一至周五为工作日计算处置时限和报送期限。国务院办公厅公布该年放假安排后，请管理员及时补录节假日和调休上班日。"
          />
        )}
        <Space wrap size={24} style={{ marginBottom: 16 }}>
          <Space size={6}>
            <span className="cg-legend cg-day-holiday">休</span>节假日（{holidays} 天）
          </Space>
          <Space size={6}>
            <span className="cg-legend cg-day-workday">班</span>调休上班（{workdays} 天）
          </Space>
          <Space size={6}>
            <span className="cg-legend cg-day-weekend">六</span>周末
          </Space>
          <Space size={6}>
            <span className="cg-legend-dot" />
            管理员调整
          </Space>
          {data?.source && (
            <Typography.Text type="secondary" data-testid="calendar-source">
              数据来源：{data.source}
            </Typography.Text>
          )}
          {canWrite && <Typography.Text type="secondary">点击日期可调整</Typography.Text>}
        </Space>
        <Row gutter={[16, 16]}>
          {Array.from({ length: 12 }, (_, m) => (
            <Col key={m} xs={24} sm={12} lg={8} xxl={6}>
              <MonthGrid
                year={year}
                month={m}
                special={special}
                today={today}
                onDayClick={canWrite ? c.openDay : undefined}
              />
            </Col>
          ))}
        </Row>
      </Card>

      <SpecialDaysTable year={year} days={data?.days ?? []} onEdit={canWrite ? c.openDay : undefined} />
      <DayEditModal
        editing={c.editing}
        editingDay={c.editingDay}
        form={c.form}
        saving={c.saving}
        onSave={() => void c.save()}
        onClear={c.clear}
        onClose={c.closeDay}
      />
    </Space>
  );
}
