import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { Feature, FeatureCollection } from 'geojson';
import { useEffect, useRef } from 'react';
import type { BoundaryCollection, BoundaryFeature } from '../api';
import { asText } from '../../../lib/map-text';

export interface UnitMapProps {
  /** Online tile template from the public settings; null draws boundaries on a blank background. */
  tileUrl: string | null;
  /** The selected unit's own boundary. */
  focus: BoundaryFeature | null;
  /** The boundaries of the selected unit's children (clickable). */
  childBoundaries: BoundaryCollection | null;
  /** Neighbours drawn faintly around a unit that has no children to show (clickable). */
  context?: BoundaryCollection | null;
  /** A grid found by 定位, drawn on top. */
  highlight: BoundaryFeature | null;
  /** A located point, WGS-84. */
  marker: { lng: number; lat: number } | null;
  /** When true, a click on the map picks a point instead of selecting a unit. */
  picking: boolean;
  onChildClick(id: string): void;
  onPick(point: { lng: number; lat: number }): void;
  height?: number | string;
  /** Drawn over the map's top-right corner (outside Leaflet, so it gets its own clicks). */
  overlay?: React.ReactNode;
  /** The fill of each child by its properties (default: a palette in turn), e.g. parcels by kind. */
  childColor?(properties: Record<string, unknown>): string;
  /** Points drawn over the shapes (e.g. the cases on a village's farmland), clickable. */
  points?: readonly { id: string; lng: number; lat: number; color: string; label?: string }[];
  onPointClick?(id: string): void;
  /**
   * Lines drawn over the units, WGS-84 (patrol tracks): a feature's `properties.far` lists [lng, lat]
   * points drawn as red dots, its `properties.label` is its tooltip; fitted when there is no unit to fit.
   */
  lines?: FeatureCollection | null;
}

const palette = [
  '#5b8ff9',
  '#5ad8a6',
  '#f6bd16',
  '#e8684a',
  '#6dc8ec',
  '#9270ca',
  '#ff9d4d',
  '#269a99',
  '#ff99c3',
  '#5d7092',
];

/** Darker than the units' fills, so a track stands out over any of them. */
const trackColors = ['#d4380d', '#531dab', '#08979c', '#c41d7f', '#d48806', '#1d39c4'];

/** Keeps fitted shapes clear of the overlay panel in the top-right corner. */
function fitPadding(overlay: boolean): L.FitBoundsOptions {
  return { paddingTopLeft: [24, 24], paddingBottomRight: [overlay ? 340 : 24, 24] };
}

const DEFAULT_CENTER: L.LatLngExpression = [33.63, 114.65];

export function UnitMap(props: UnitMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layers = useRef<{
    tiles?: L.TileLayer;
    focus?: L.GeoJSON;
    children?: L.GeoJSON;
    context?: L.GeoJSON;
    highlight?: L.GeoJSON;
    marker?: L.CircleMarker;
    points?: L.FeatureGroup;
    lines?: L.FeatureGroup;
  }>({});
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const map = L.map(el, {
      center: DEFAULT_CENTER,
      zoom: 11,
      zoomControl: true,
      attributionControl: false,
      preferCanvas: false,
      zoomSnap: 0.25,
    });
    L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
    map.on('click', (e: L.LeafletMouseEvent) => {
      if (latest.current.picking) latest.current.onPick({ lng: e.latlng.lng, lat: e.latlng.lat });
    });
    mapRef.current = map;
    const ro = new ResizeObserver(() => map.invalidateSize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      // Leaflet finishes a zoom animation from a 250 ms timer that outlives remove() and then
      // throws on the detached panes; marking the animation done makes that timer a no-op.
      (map as unknown as { _animatingZoom: boolean })._animatingZoom = false;
      map.remove();
      mapRef.current = null;
      layers.current = {};
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    layers.current.tiles?.remove();
    layers.current.tiles = undefined;
    if (props.tileUrl) {
      layers.current.tiles = L.tileLayer(props.tileUrl, { maxZoom: 19 }).addTo(map);
      layers.current.tiles.bringToBack();
    }
  }, [props.tileUrl]);

  // The selected unit and its children: redraw and fit.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    layers.current.focus?.remove();
    layers.current.children?.remove();
    layers.current.context?.remove();
    layers.current.focus = undefined;
    layers.current.children = undefined;
    layers.current.context = undefined;

    if (props.context?.features.length) {
      layers.current.context = L.geoJSON(props.context as FeatureCollection, {
        style: { color: '#8c9bb0', weight: 1, fillColor: '#c9d2de', fillOpacity: 0.25 },
        onEachFeature: (feature, layer) => {
          const p = (feature.properties ?? {}) as { id?: string; name?: string };
          if (p.name) layer.bindTooltip(asText(p.name), { sticky: true });
          layer.on('click', (e: L.LeafletMouseEvent) => {
            L.DomEvent.stopPropagation(e);
            if (latest.current.picking) latest.current.onPick({ lng: e.latlng.lng, lat: e.latlng.lat });
            else if (p.id) latest.current.onChildClick(p.id);
          });
        },
      }).addTo(map);
    }

    const bounds = L.latLngBounds([]);
    let padRatio = 0;
    const features = props.childBoundaries?.features ?? [];
    if (features.length) {
      const permanentLabels = features.length <= 40;
      let i = 0;
      const children = L.geoJSON(props.childBoundaries as FeatureCollection, {
        style: (feature) => {
          const color = latest.current.childColor
            ? latest.current.childColor((feature?.properties ?? {}) as Record<string, unknown>)
            : palette[i++ % palette.length];
          return { color: '#1f4e99', weight: 1.2, fillColor: color, fillOpacity: 0.28 };
        },
        onEachFeature: (feature, layer) => {
          const p = (feature.properties ?? {}) as { id?: string; name?: string };
          if (p.name) {
            // 街道办事处 → 街道: the long official suffix crowds neighbouring labels.
            layer.bindTooltip(
              asText(permanentLabels ? p.name.replace(/办事处$/, '') : p.name),
              permanentLabels ? { permanent: true, direction: 'center', className: 'cg-unit-label' } : { sticky: true },
            );
          }
          layer.on({
            mouseover: (e) => (e.target as L.Path).setStyle({ weight: 3, fillOpacity: 0.45 }),
            mouseout: (e) => (e.target as L.Path).setStyle({ weight: 1.2, fillOpacity: 0.28 }),
            click: (e: L.LeafletMouseEvent) => {
              L.DomEvent.stopPropagation(e);
              if (latest.current.picking) latest.current.onPick({ lng: e.latlng.lng, lat: e.latlng.lat });
              else if (p.id) latest.current.onChildClick(p.id);
            },
          });
        },
      }).addTo(map);
      layers.current.children = children;
      bounds.extend(children.getBounds());
    }
    if (props.focus) {
      const focus = L.geoJSON(props.focus as Feature, {
        style: {
          color: '#c0392b',
          weight: 2.5,
          dashArray: '6 4',
          fill: features.length === 0,
          fillColor: '#c0392b',
          fillOpacity: 0.08,
        },
        interactive: false,
      }).addTo(map);
      layers.current.focus = focus;
      bounds.extend(focus.getBounds());
      if (!features.length && layers.current.context) padRatio = 0.6;
    }
    layers.current.highlight?.bringToFront();
    layers.current.marker?.bringToFront();
    if (bounds.isValid())
      map.fitBounds(bounds.pad(padRatio), {
        ...fitPadding(latest.current.overlay != null),
        maxZoom: 17,
        animate: false,
      });
  }, [props.focus, props.childBoundaries, props.context]);

  // The grid found by 定位 and the point.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    layers.current.highlight?.remove();
    layers.current.marker?.remove();
    layers.current.highlight = undefined;
    layers.current.marker = undefined;
    const bounds = L.latLngBounds([]);
    if (props.highlight) {
      const hl = L.geoJSON(props.highlight as Feature, {
        style: { color: '#fa541c', weight: 3, fillColor: '#fa8c16', fillOpacity: 0.35 },
        interactive: false,
      }).addTo(map);
      layers.current.highlight = hl;
      bounds.extend(hl.getBounds());
    }
    if (props.marker) {
      const ll = L.latLng(props.marker.lat, props.marker.lng);
      layers.current.marker = L.circleMarker(ll, {
        radius: 7,
        color: '#ffffff',
        weight: 2,
        fillColor: '#f5222d',
        fillOpacity: 1,
        interactive: false,
        className: 'cg-locate-marker',
      }).addTo(map);
      bounds.extend(ll);
    }
    if (bounds.isValid()) {
      const view = map.getBounds();
      if (!view.contains(bounds))
        map.fitBounds(bounds.pad(0.6), { ...fitPadding(latest.current.overlay != null), maxZoom: 16, animate: false });
    }
  }, [props.highlight, props.marker]);

  // Points over the shapes; they do not move the view (the shapes set it).
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    layers.current.points?.remove();
    layers.current.points = undefined;
    if (!props.points?.length) return;
    const group = L.featureGroup();
    for (const p of props.points) {
      const m = L.circleMarker([p.lat, p.lng], {
        radius: 7,
        color: '#ffffff',
        weight: 2,
        fillColor: p.color,
        fillOpacity: 1,
      });
      if (p.label) m.bindTooltip(asText(p.label));
      m.on('click', (e: L.LeafletMouseEvent) => {
        L.DomEvent.stopPropagation(e);
        latest.current.onPointClick?.(p.id);
      });
      group.addLayer(m);
    }
    layers.current.points = group.addTo(map);
    // With no shapes to set the view (a list of boards), fit the points.
    if (!layers.current.children && !layers.current.focus)
      map.fitBounds(group.getBounds().pad(0.3), { ...fitPadding(false), maxZoom: 16, animate: false });
  }, [props.points]);
  // Tracks over the units.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    layers.current.lines?.remove();
    layers.current.lines = undefined;
    if (!props.lines?.features.length) return;
    const group = L.featureGroup();
    props.lines.features.forEach((f, i) => {
      const p = (f.properties ?? {}) as { label?: string; far?: [number, number][] };
      const line = L.geoJSON(f, { style: { color: trackColors[i % trackColors.length], weight: 3, opacity: 0.9 } });
      if (p.label) line.bindTooltip(asText(p.label), { sticky: true });
      group.addLayer(line);
      for (const [lng, lat] of p.far ?? [])
        group.addLayer(
          L.circleMarker([lat, lng], {
            radius: 5,
            color: '#fff',
            weight: 1,
            fillColor: '#f5222d',
            fillOpacity: 1,
          }).bindTooltip('偏离巡查区域'),
        );
    });
    group.addTo(map);
    layers.current.lines = group;
    if (!props.focus && !props.childBoundaries?.features.length && group.getBounds().isValid())
      map.fitBounds(group.getBounds().pad(0.2), { maxZoom: 17, animate: false });
  }, [props.lines, props.focus, props.childBoundaries]);

  return (
    <div style={{ position: 'relative', height: props.height ?? 520 }}>
      <div
        ref={containerRef}
        data-testid="unit-map"
        className={props.picking ? 'cg-map cg-map-picking' : 'cg-map'}
        style={{ position: 'absolute', inset: 0 }}
      />
      {!props.tileUrl && <div className="cg-map-note">未配置在线底图，仅显示边界</div>}
      {props.overlay && <div className="cg-map-overlay">{props.overlay}</div>}
    </div>
  );
}
