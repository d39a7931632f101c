import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { GeoJsonObject } from 'geojson';
import { useEffect, useRef } from 'react';
import type { GridFeature } from '../api';
import { asText } from '../../../lib/map-text';

export interface MapPoint {
  id: string;
  lng: number;
  lat: number;
  color: string;
  label?: string;
}

interface Props {
  boundary: GridFeature | null | undefined;
  points: MapPoint[];
  /** The phone's own position, drawn as a blue dot with its accuracy circle. */
  me?: { lng: number; lat: number; accuracy: number } | null;
  height?: number;
  onPointClick?(id: string): void;
  testId?: string;
}

/**
 * The grid's boundary and the cases in it, on a blank background (no map tiles: nothing leaves the
 * intranet, and it works offline).
 */
export function GridMap({ boundary, points, me, height = 200, onPointClick, testId = 'm-grid-map' }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.FeatureGroup | null>(null);
  const click = useRef(onPointClick);
  click.current = onPointClick;

  useEffect(() => {
    if (!el.current) return;
    const m = L.map(el.current, {
      zoomControl: false,
      attributionControl: false,
      zoomSnap: 0.25,
      center: [33.63, 114.65],
      zoom: 13,
    });
    L.control.zoom({ position: 'bottomright' }).addTo(m);
    map.current = m;
    layer.current = L.featureGroup().addTo(m);
    const ro = new ResizeObserver(() => m.invalidateSize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      (m as unknown as { _animatingZoom: boolean })._animatingZoom = false;
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    const g = layer.current;
    if (!m || !g) return;
    g.clearLayers();
    const bounds = L.latLngBounds([]);
    if (boundary) {
      const b = L.geoJSON(boundary as unknown as GeoJsonObject, {
        style: { color: '#1f5fbf', weight: 2, fillColor: '#5b8ff9', fillOpacity: 0.12 },
        interactive: false,
      }).addTo(g);
      bounds.extend(b.getBounds());
    }
    for (const p of points) {
      const mk = L.circleMarker([p.lat, p.lng], {
        radius: 8,
        color: '#fff',
        weight: 2,
        fillColor: p.color,
        fillOpacity: 1,
      }).addTo(g);
      if (p.label) mk.bindTooltip(asText(p.label), { direction: 'top' });
      mk.on('click', () => click.current?.(p.id));
      bounds.extend(mk.getLatLng());
    }
    if (me) {
      L.circle([me.lat, me.lng], {
        radius: Math.max(me.accuracy, 5),
        color: '#1677ff',
        weight: 1,
        fillOpacity: 0.12,
        interactive: false,
      }).addTo(g);
      const dot = L.circleMarker([me.lat, me.lng], {
        radius: 6,
        color: '#fff',
        weight: 2,
        fillColor: '#1677ff',
        fillOpacity: 1,
        interactive: false,
      }).addTo(g);
      bounds.extend(dot.getLatLng());
    }
    if (bounds.isValid()) m.fitBounds(bounds, { padding: [16, 16], maxZoom: 18, animate: false });
  }, [boundary, points, me]);

  return <div ref={el} className="cgm-map" style={{ height }} data-testid={testId} />;
}
