import { Alert, DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import type { Account } from '../../accounts/api';
import { PhotoUpload } from '../../cases/components/PhotoUpload';
import { UnitPicker } from '../../../components/UnitPicker';
import { REPLY_CLASSES } from '../../../../../src/contracts/proposals';
import type { ProposalCommand, ProposalDetail } from '../api';
import { REPLY_CLASS_NAMES } from '../labels';

/** The fields one proposal command takes (the modal around them submits). */
export function CommandFields({
  command,
  proposal,
  index,
  leaders,
}: {
  command: ProposalCommand | undefined;
  proposal: ProposalDetail;
  index?: number;
  leaders: Account[];
}) {
  switch (command) {
    case 'assign':
      return (
        <>
          <Form.Item
            name="mainHandlerIds"
            label="主办单位"
            rules={[{ required: true, message: '至少指定一个主办单位' }]}
          >
            <UnitPicker multiple placeholder="选择主办单位" />
          </Form.Item>
          <Form.Item name="assistingHandlerIds" label="协办单位">
            <UnitPicker multiple placeholder="选择协办单位（可选）" />
          </Form.Item>
          <Form.Item
            name="replyDeadline"
            label="答复期限"
            extra={`承办单位应自交办之日起三个月内答复（今日交办为 ${proposal.defaultReplyDeadline}）；情况复杂的可适当延长，最长不超过六个月。`}
          >
            <DatePicker placeholder={proposal.defaultReplyDeadline} />
          </Form.Item>
        </>
      );
    case 'mark_key':
      return (
        <Form.Item name="leaderUsername" label="牵头督办领导" rules={[{ required: true, message: '请选择区领导' }]}>
          <Select
            placeholder="选择区领导"
            options={leaders.map((a) => ({ value: a.username, label: `${a.displayName}（${a.username}）` }))}
          />
        </Form.Item>
      );
    case 'consult':
      return (
        <>
          <Form.Item name="on" label="协商日期" rules={[{ required: true, message: '请选择协商日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="participants" label="参加人员" rules={[{ required: true, message: '请填写参加人员' }]}>
            <Input maxLength={500} placeholder="提案人及承办单位参加人员" />
          </Form.Item>
          <Form.Item name="outcome" label="协商结果" rules={[{ required: true, message: '请填写协商结果' }]}>
            <Input.TextArea rows={4} maxLength={5000} placeholder="提案人的意见、商定的办理思路" />
          </Form.Item>
        </>
      );
    case 'waive_consultation':
      return (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message="答复前应与提案人见面协商。确无必要时，请写明原因（如提案人书面表示无需见面），原因将记入办理过程。"
          />
          <Form.Item name="reason" label="原因" rules={[{ required: true, message: '请说明无需见面协商的原因' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </>
      );
    case 'reply':
      return (
        <>
          <Form.Item name="replyClass" label="答复类别" rules={[{ required: true, message: '请选择答复类别' }]}>
            <Radio.Group
              options={REPLY_CLASSES.map((c) => ({ value: c, label: `${c} 类：${REPLY_CLASS_NAMES[c]}` }))}
            />
          </Form.Item>
          <Form.Item name="summary" label="答复内容" rules={[{ required: true, message: '请填写答复内容' }]}>
            <Input.TextArea rows={5} maxLength={20000} />
          </Form.Item>
          <Form.Item name="files" label="附件（可选）">
            <PhotoUpload label="上传答复函" />
          </Form.Item>
        </>
      );
    case 'add_commitment':
      return (
        <>
          <Form.Item name="title" label="落实事项" rules={[{ required: true, message: '请填写落实事项' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="deadline" label="完成期限" rules={[{ required: true, message: '请选择完成期限' }]}>
            <DatePicker />
          </Form.Item>
        </>
      );
    case 'complete_commitment':
      return (
        <>
          <Form.Item label="落实事项">{proposal.commitmentList[index ?? 0]?.title}</Form.Item>
          <Form.Item
            name="files"
            label="佐证材料"
            rules={[{ required: true, type: 'array', min: 1, message: '至少上传一份佐证材料' }]}
          >
            <PhotoUpload label="上传佐证" />
          </Form.Item>
          <Form.Item name="note" label="落实情况说明">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      );
    case 'complete':
    case 'hear_progress':
      return (
        <Form.Item name="comment" label={command === 'complete' ? '办结说明' : '领导批示'}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      );
    case 'rate':
      return (
        <>
          <Form.Item name="satisfaction" label="对办理结果的评价" rules={[{ required: true, message: '请选择评价' }]}>
            <Radio.Group
              options={[
                { value: 'satisfied', label: '满意' },
                { value: 'basically_satisfied', label: '基本满意' },
                { value: 'unsatisfied', label: '不满意' },
              ]}
            />
          </Form.Item>
          <Form.Item name="comment" label="意见（不满意时将重新办理）">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      );
    case 'report_progress':
      return (
        <>
          <Form.Item name="text" label="办理进展" rules={[{ required: true, message: '请填写办理进展' }]}>
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          <Form.Item name="files" label="附件（可选）">
            <PhotoUpload label="上传照片" />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}
