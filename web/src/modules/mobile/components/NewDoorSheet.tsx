import { Button, Drawer, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, errorText } from '../../../lib/api';
import { populationApi } from '../../population/api';

/**
 * 新增门户: a door found while knocking that is not on the grid's list (a new flat, a shop turned home).
 * Registered at once on the grid worker's own grid (it needs the network: the visit that follows
 * names the new household's id), then the worker goes on to record the visit.
 */
export function NewDoorSheet({
  open,
  gridId,
  online,
  onClose,
  onCreated,
}: {
  open: boolean;
  gridId: string | undefined;
  online: boolean;
  onClose(): void;
  onCreated(householdId: string): void;
}) {
  const [address, setAddress] = useState('');
  const [buildingId, setBuildingId] = useState<string>();
  const [buildings, setBuildings] = useState<{ value: string; label: string }[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open || !gridId || !online) return;
    const ac = new AbortController();
    populationApi
      .buildings({ unitId: gridId }, ac.signal)
      .then((r) => setBuildings(r.items.map((b) => ({ value: b.id, label: b.name }))))
      .catch(() => setBuildings([]));
    return () => ac.abort();
  }, [open, gridId, online]);

  const save = async () => {
    if (!address.trim()) {
      setError('请填写门牌地址');
      return;
    }
    if (!gridId) return;
    setBusy(true);
    setError(undefined);
    try {
      const h = await populationApi.createHousehold({
        address: address.trim(),
        gridId,
        buildingId: buildingId ?? null,
      });
      setAddress('');
      setBuildingId(undefined);
      onCreated(h.id);
    } catch (e) {
      setError(e instanceof ApiError && e.errors[0] ? e.errors[0].message : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement="bottom"
      height="auto"
      title="新增门户"
      className="cgm-sheet"
      data-testid="m-newdoor-sheet"
    >
      <div className="cgm-verify">
        {!online && <div className="cgm-field-error">离线时不能新增门户，请联网后再试；已有门户的走访可离线记录。</div>}
        <div className="cgm-label">
          门牌地址 <span className="cgm-req">*</span>
        </div>
        <Input
          value={address}
          maxLength={200}
          placeholder="如 德化街12号院3号楼2单元301"
          onChange={(e) => setAddress(e.target.value)}
          status={error ? 'error' : undefined}
          data-testid="m-newdoor-address"
        />
        {error && <div className="cgm-field-error">{error}</div>}
        <div className="cgm-label">所在楼栋</div>
        <Select
          allowClear
          value={buildingId}
          onChange={setBuildingId}
          style={{ width: '100%' }}
          placeholder={buildings.length ? '不在楼栋内可不选' : '本网格尚未登记楼栋'}
          options={buildings}
          data-testid="m-newdoor-building"
        />
        <Button
          type="primary"
          block
          size="large"
          loading={busy}
          disabled={!online || !gridId}
          onClick={() => void save()}
          className="cgm-block"
          data-testid="m-newdoor-save"
        >
          登记并走访
        </Button>
      </div>
    </Drawer>
  );
}
