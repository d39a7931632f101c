import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { Feature } from 'geojson';
import { useEffect, useRef } from 'react';
import type { BoundaryFeature } from '../../org/api';

interface Props {
  /** Online tile template from the public settings; null draws on a blank background. */
  tileUrl: string | null;
  point: { lng: number; lat: number } | null;
  /** The case's grid, drawn dashed (absent when the account may not see it). */
  boundary: BoundaryFeature | null;
  height?: number;
}

/** The case's point inside its grid, on a blank background unless tiles are configured. */
export function CaseMap({ tileUrl, point, boundary, height = 380 }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);

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
    L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
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
    if (!map) return;
    const layers: L.Layer[] = [];
    if (tileUrl) layers.push(L.tileLayer(tileUrl, { maxZoom: 19 }));
    const bounds = L.latLngBounds([]);
    if (boundary) {
      const g = L.geoJSON(boundary as Feature, {
        style: { color: '#c0392b', weight: 2.5, dashArray: '6 4', fillColor: '#c0392b', fillOpacity: 0.06 },
        interactive: false,
      });
      layers.push(g);
      bounds.extend(g.getBounds());
    }
    if (point) {
      const ll = L.latLng(point.lat, point.lng);
      layers.push(
        L.circleMarker(ll, {
          radius: 8,
          color: '#fff',
          weight: 2,
          fillColor: '#f5222d',
          fillOpacity: 1,
          className: 'cg-case-marker',
        }),
      );
      bounds.extend(ll);
    }
    for (const l of layers) l.addTo(map);
    if (boundary && bounds.isValid()) map.fitBounds(bounds.pad(0.15), { maxZoom: 17, animate: false });
    else if (point) map.setView([point.lat, point.lng], 16, { animate: false });
    return () => {
      for (const l of layers) l.remove();
    };
  }, [tileUrl, point, boundary]);

  return (
    <div style={{ position: 'relative', height }}>
      <div ref={ref} className="cg-map" style={{ position: 'absolute', inset: 0 }} data-testid="case-map-canvas" />
      {!tileUrl && <div className="cg-map-note">未配置在线底图{boundary ? '，虚线为网格边界' : ''}</div>}
    </div>
  );
}
