import { Drawer, Image, Tag, Timeline, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../lib/format-time';
import { useApiQuery } from '../../../lib/query';
import { photoUrls } from '../../venues/api';
import { boardsApi } from '../api';
import { BOARD_KIND_NAMES, BOARD_STATE_NAMES } from '../labels';

/** A board's history: registration and every change of state, who and when, with photos. */
export function BoardHistoryDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const detail = useApiQuery(['boards', 'detail', id], (s) => boardsApi.get(id!, s), undefined, { enabled: !!id });
  const d = detail.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={420}
      title={d ? `${d.name}（${BOARD_KIND_NAMES[d.kind]}）` : '宣传阵地'}
    >
      <ErrorAlert error={detail.error} />
      {d && (
        <>
          <Typography.Paragraph type="secondary">
            {d.unitName}
            {d.address ? ` · ${d.address}` : ''}
          </Typography.Paragraph>
          <Timeline
            items={[...d.history].reverse().map((e) => ({
              color: e.replaced ? 'green' : e.toState === 'good' ? 'blue' : 'orange',
              children: (
                <div data-testid="board-history-item">
                  <div>
                    {e.fromState === null
                      ? '登记'
                      : e.replaced
                        ? '更换'
                        : `${BOARD_STATE_NAMES[e.fromState]} → ${BOARD_STATE_NAMES[e.toState]}`}
                    {e.replaced && (
                      <Tag color="green" style={{ marginLeft: 6 }}>
                        计入更换数
                      </Tag>
                    )}
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.actorName} · {formatDateTime(e.at)}
                  </Typography.Text>
                  {e.note && <div>{e.note}</div>}
                  {e.photoId && (
                    <Image
                      src={photoUrls(e.photoId).thumb}
                      preview={{ src: photoUrls(e.photoId).full }}
                      width={64}
                      height={64}
                      style={{ objectFit: 'cover', borderRadius: 4, marginTop: 4 }}
                      alt="现场照片"
                    />
                  )}
                </div>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}
