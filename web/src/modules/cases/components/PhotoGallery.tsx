import { PictureOutlined } from '@ant-design/icons';
import { Empty, Image, Space, Typography } from 'antd';
import type { CasePhoto } from '../api';
import { photoRoleLabel } from '../labels';

interface Props {
  photos: CasePhoto[];
  size?: number;
  /** Show "整改前/整改后" under each photo. */
  captions?: boolean;
  emptyText?: string;
  'data-testid'?: string;
}

/** Thumbnails; a click opens the full image, with the others a swipe away. */
export function PhotoGallery({ photos, size = 96, captions = true, emptyText, ...rest }: Props) {
  if (!photos.length) {
    return emptyText === undefined ? null : (
      <Empty
        image={<PictureOutlined style={{ fontSize: 36, color: '#c9d2de' }} />}
        styles={{ image: { height: 40 } }}
        description={emptyText}
      />
    );
  }
  return (
    <Image.PreviewGroup>
      <Space wrap size={8} data-testid={rest['data-testid']}>
        {photos.map((p, i) => (
          <div key={`${p.fileId}-${i}`} className="cg-case-photo" style={{ width: size }} data-testid="case-photo">
            <Image
              src={p.thumbnailUrl}
              preview={{ src: p.url }}
              width={size}
              height={size}
              style={{ objectFit: 'cover', borderRadius: 4 }}
              fallback="data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='96' height='96'><rect width='96' height='96' fill='%23f0f2f5'/><text x='48' y='54' font-size='12' text-anchor='middle' fill='%23999'>无法加载</text></svg>"
            />
            {captions && p.role && p.role !== 'evidence' && (
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', textAlign: 'center' }}>
                {photoRoleLabel[p.role]}
              </Typography.Text>
            )}
          </div>
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
