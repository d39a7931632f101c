import { App, Button, Card, Col, Result, Row, Skeleton, Space } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { usePublicSettings } from '../../../app/settings';
import { ApiError, errorText } from '../../../lib/api';
import { InstructionButton, useInstructionTimeline } from '../../instructions';
import { ActionModal } from '../components/ActionModal';
import { CaseTimeline } from '../components/CaseTimeline';
import { PhotoGallery } from '../components/PhotoGallery';
import '../cases.css';
import { useCaseDetail } from '../use-case-detail';
import { CaseHeaderCard, CaseInfoCard, CaseLocationCard } from '../components/CaseDetailSections';

export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const settings = usePublicSettings();
  const {
    c,
    error,
    loading,
    reload: load,
    replace: setC,
    boundary,
    unitNames,
    caseNumbers,
    buttons,
    canReconcile,
    reconcile,
    reconciling,
    setActing,
    acting,
  } = useCaseDetail(id);
  const instructions = useInstructionTimeline('case', id);

  if (error && !c) {
    const status = error instanceof ApiError ? error.status : 0;
    return (
      <Result
        status={status === 404 ? '404' : status === 403 ? '403' : 'error'}
        title={status === 404 ? '案卷不存在' : status === 403 ? '无权查看该案卷' : '案卷加载失败'}
        subTitle={errorText(error)}
        extra={
          <Space>
            <Button onClick={() => navigate('/cases')}>返回问题台账</Button>
            <Button type="primary" onClick={() => void load()}>
              重试
            </Button>
          </Space>
        }
        data-testid="case-detail-error"
      />
    );
  }

  if (!c) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="case-detail-page" data-case-id={c.id}>
      <CaseHeaderCard
        c={c}
        loading={loading}
        onReload={() => void load()}
        onBack={() => navigate(-1)}
        actions={buttons}
        onAction={setActing}
        canReconcile={canReconcile}
        reconciling={reconciling}
        onReconcile={() => void reconcile()}
        mergedIntoNumber={c.mergedInto ? caseNumbers[c.mergedInto] : undefined}
      />

      <Row gutter={16} align="top">
        <Col xs={24} xl={14}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <CaseInfoCard c={c} />
            <Card title={`现场照片（${c.photos.length}）`} size="small">
              <PhotoGallery photos={c.photos} emptyText="没有照片" data-testid="case-photos" />
            </Card>
            <Card title="办理过程" size="small" extra={<InstructionButton kind="case" id={c.id} size="small" />}>
              <CaseTimeline
                actions={c.actions}
                unitName={(x) => unitNames[x]}
                caseNumber={(x) => caseNumbers[x]}
                extra={instructions}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <CaseLocationCard c={c} boundary={boundary} tileUrl={settings.mapTileUrl} />
        </Col>
      </Row>

      <ActionModal
        type={acting}
        c={c}
        onClose={() => setActing(null)}
        onDone={(updated) => {
          setActing(null);
          setC(updated);
        }}
        onConflict={(msg) => {
          setActing(null);
          modal.warning({
            title: '案卷已被他人处理',
            content: `${msg.replace(/[。.]$/, '')}。页面已显示最新的案卷，请查看后再决定是否操作。`,
            okText: '知道了',
          });
          void load();
        }}
      />
    </Space>
  );
}
