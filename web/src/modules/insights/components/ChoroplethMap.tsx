import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { FeatureCollection } from 'geojson';
import { useEffect, useMemo, useRef } from 'react';
import type { CasePoint } from '../../../../../src/contracts/cases';
import type { AreaFigure, MeasureInfo } from '../api';
import { formatFigure, formatParts } from '../format';
import { useChoropleth } from '../hooks/use-choropleth';
import { clusterLayer } from './case-clusters';
import { choroplethScale } from './choropleth-scale';
import { escapeHtml } from '../../../lib/map-text';

export interface MapArea {
  id: string;
  name: string;
  kind: string;
}

export interface ChoroplethMapProps {
  /** The unit whose areas are drawn; undefined: the caller's own unit (then give `boundaryUnitId`). */
  unit: string | undefined;
  /** The caller's unit id, used for the shapes when `unit` is undefined. */
  ownUnitId: string;
  level: 'children' | 'grids';
  /** A measure code (GET /insights/measures). */
  measure: string | undefined;
  period: { from: string; to: string };
  theme: 'light' | 'dark';
  onAreaClick?(area: MapArea): void;
  /** Online tiles (public settings); null draws the shipped boundaries on a plain background. */
  tileUrl?: string | null;
  /** Open cases drawn as clustered points over the areas. */
  points?: readonly CasePoint[];
  onPointClick?(id: string): void;
  height?: number | string;
  refreshKey?: number;
}

const tooltipOf = (m: MeasureInfo, a: AreaFigure, total: number) => {
  const parts = m.kind === 'rate' ? formatParts(a) : null;
  const value = a.value === null ? '无数据' : formatFigure(m, a.value);
  const rank = a.rank === null ? '' : `<br/>第 ${a.rank} 名 / 共 ${total} 个`;
  return `<b>${escapeHtml(a.unit.name)}</b><br/>${escapeHtml(m.label)}：${value}${parts ? `（${parts}）` : ''}${rank}`;
};

/** A class's bounds as read: counts in whole numbers, rates as percentages. */
function legendLabel(m: MeasureInfo, from: number, to: number): string {
  const r = (v: number) => (m.kind === 'count' ? Math.round(v) : v);
  return r(from) === r(to)
    ? formatFigure(m, r(from))
    : `${formatFigure(m, r(from), false)} – ${formatFigure(m, r(to))}`;
}

/** Areas coloured by a measure on the shipped boundaries, with a legend, hover figures and drill-down. */
export function ChoroplethMap(props: ChoroplethMapProps) {
  const ref = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const { boundaries, figures } = useChoropleth({
    unitId: props.unit,
    boundaryUnitId: props.unit ?? props.ownUnitId,
    level: props.level,
    measure: props.measure,
    from: props.period.from,
    to: props.period.to,
    refreshKey: props.refreshKey,
  });
  const data = figures.data;
  const scale = useMemo(
    () =>
      data
        ? choroplethScale(
            data.areas.map((a) => a.value),
            data.measure.better,
            { theme: props.theme },
          )
        : null,
    [data, props.theme],
  );

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const map = L.map(el, {
      zoomControl: true,
      attributionControl: false,
      zoomSnap: 0.25,
      center: [33.63, 114.65],
      zoom: 11,
    });
    L.control.scale({ imperial: false, position: 'bottomright' }).addTo(map);
    mapRef.current = map;
    const ro = new ResizeObserver(() => map.invalidateSize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      (map as unknown as { _animatingZoom: boolean })._animatingZoom = false;
      map.remove();
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !props.tileUrl) return;
    const tiles = L.tileLayer(props.tileUrl, { maxZoom: 19 }).addTo(map);
    tiles.bringToBack();
    return () => void tiles.remove();
  }, [props.tileUrl]);

  // The shapes: fitted when they change (a drill-down), restyled when the figures change.
  const shapes = boundaries.data;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !shapes?.features.length) return;
    const layer = L.geoJSON(shapes as FeatureCollection, {
      style: { color: props.theme === 'dark' ? '#5b8ff9' : '#1f4e99', weight: 1, fillOpacity: 0.75 },
    }).addTo(map);
    map.fitBounds(layer.getBounds(), { padding: [16, 16], animate: false });
    (map as unknown as { cgAreas?: L.GeoJSON }).cgAreas = layer;
    return () => {
      layer.remove();
    };
  }, [shapes, props.theme]);

  useEffect(() => {
    const layer = (mapRef.current as unknown as { cgAreas?: L.GeoJSON } | null)?.cgAreas;
    if (!layer || !data || !scale) return;
    const byId = new Map(data.areas.map((a) => [a.unit.id, a]));
    const ranked = data.areas.filter((a) => a.rank !== null).length;
    layer.eachLayer((l) => {
      const path = l as L.Path & { feature?: { properties: { id: string; name: string; kind: string } } };
      const p = path.feature?.properties;
      if (!p) return;
      const a = byId.get(p.id);
      path.setStyle({ fillColor: scale.colorOf(a?.value ?? null) });
      const tip = a ? tooltipOf(data.measure, a, ranked) : `<b>${escapeHtml(p.name)}</b><br/>无数据`;
      // Bound once per shape, then only its text changes: Leaflet's bindTooltip adds a focus listener to
      // the area's element that unbindTooltip leaves behind (the wall, refreshed each second, piled them up).
      if (path.getTooltip()) return void path.setTooltipContent(tip);
      path.bindTooltip(tip, { sticky: true });
      path.on({
        mouseover: () => path.setStyle({ weight: 3 }),
        mouseout: () => path.setStyle({ weight: 1 }),
        click: () => latest.current.onAreaClick?.({ id: p.id, name: p.name, kind: p.kind }),
      });
    });
  }, [data, scale, shapes]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !props.points?.length) return;
    const layer = clusterLayer(map, props.points, (id) => latest.current.onPointClick?.(id));
    return () => layer.dispose();
  }, [props.points]);

  const m = data?.measure;
  return (
    <div className={`cg-choropleth ${props.theme}`} style={{ position: 'relative', height: props.height ?? 560 }}>
      <div
        ref={ref}
        className="cg-map"
        data-testid="choropleth-map"
        style={{ position: 'absolute', inset: 0, background: props.theme === 'dark' ? '#0b1a2e' : '#f5f7fa' }}
      />
      {m && scale && (
        <div className={`cg-choropleth-legend ${props.theme}`} data-testid="choropleth-legend">
          <div style={{ fontWeight: 600 }}>{m.label}</div>
          {scale.classes.map((c) => (
            <div key={`${c.from}-${c.to}`}>
              <i style={{ background: c.color }} />
              {legendLabel(m, c.from, c.to)}
            </div>
          ))}
          {(m.kind === 'rate' || scale.classes.length === 0) && (
            <div>
              <i style={{ background: scale.colorOf(null) }} />
              无数据
            </div>
          )}
        </div>
      )}
      {!props.tileUrl && props.theme === 'light' && <div className="cg-map-note">未配置在线底图，仅显示边界</div>}
    </div>
  );
}
