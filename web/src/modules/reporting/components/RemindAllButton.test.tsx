import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { RemindAllButton } from './RemindAllButton';

const sent = { from: '2026-11-29', to: '2026-11-30', missingUnits: 2, missingReports: 3, unitsReached: 1, messages: 2 };

describe('一键催报', () => {
  it('asks first, naming the reports out, then sends once and shows how many it reached', async () => {
    const onSend = vi.fn();
    const props = { missing: 2, notDue: 1, rangeText: '2026年11月29日 至 2026年11月30日', sending: false };
    const { rerender } = render(
      <App>
        <RemindAllButton {...props} result={null} onSend={onSend} />
      </App>,
    );
    fireEvent.click(screen.getByTestId('comp-remind'));
    const text = await screen.findByTestId('comp-remind-confirm-text');
    expect(text.textContent).toContain('2026年11月29日 至 2026年11月30日');
    expect(text.textContent).toContain('缺报 2 份');
    expect(text.textContent).toContain('未到期 1 份');
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('comp-remind-ok'));
    await waitFor(() => expect(onSend).toHaveBeenCalledTimes(1));
    rerender(
      <App>
        <RemindAllButton {...props} result={sent} onSend={onSend} />
      </App>,
    );
    expect(screen.getByTestId('comp-remind-result').textContent).toContain('已向 1 个单位发出催报消息 2 条');
  });

  it('cannot be pressed when every report is in', () => {
    render(
      <App>
        <RemindAllButton
          missing={0}
          notDue={0}
          rangeText="2026年11月30日"
          sending={false}
          result={null}
          onSend={vi.fn()}
        />
      </App>,
    );
    expect((screen.getByTestId('comp-remind') as HTMLButtonElement).disabled).toBe(true);
  });

  it('says so when no unit had an account to receive the reminder', () => {
    render(
      <App>
        <RemindAllButton
          missing={1}
          notDue={0}
          rangeText="2026年11月30日"
          sending={false}
          result={{ ...sent, unitsReached: 0, messages: 0, missingUnits: 1, missingReports: 1 }}
          onSend={vi.fn()}
        />
      </App>,
    );
    expect(screen.getByTestId('comp-remind-result').textContent).toContain('没有可接收消息的报送人员账号');
  });
});
