import { CameraOutlined, FormOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';

/** The branch secretary's "五星"支部 work on the phone's home: 支部周报 and 上传佐证. */
export function StarsTile() {
  const me = useMe();
  if (!me.permissions.includes('star.report')) return null;
  return (
    <div className="cgm-stars-tiles" data-testid="m-stars-tile">
      <Link to="/m/weekly" className="cgm-card cgm-patrol-tile" data-testid="m-stars-weekly">
        <FormOutlined className="cgm-patrol-tile-icon" />
        <div className="cgm-patrol-tile-text">
          <b>支部周报</b>
          <span className="cgm-muted">本周推进情况，带照片</span>
        </div>
        <RightOutlined />
      </Link>
      <Link to="/m/evidence" className="cgm-card cgm-patrol-tile" data-testid="m-stars-evidence">
        <CameraOutlined className="cgm-patrol-tile-icon" />
        <div className="cgm-patrol-tile-text">
          <b>上传佐证</b>
          <span className="cgm-muted">选星和指标，拍照上传</span>
        </div>
        <RightOutlined />
      </Link>
    </div>
  );
}
