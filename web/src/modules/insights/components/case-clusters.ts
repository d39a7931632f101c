import L from 'leaflet';
import Supercluster, { type ClusterProperties } from 'supercluster';
import type { CasePoint } from '../../../../../src/contracts/cases';

/** A point's colour: 超期 red, 临期 orange, others blue. */
export function pointColor(deadlineStatus: string): string {
  return deadlineStatus === 'overdue' ? '#f5222d' : deadlineStatus === 'near_overdue' ? '#fa8c16' : '#1677ff';
}

interface Props {
  id: string;
  deadline: string;
}

/**
 * Open cases as clustered points on a Leaflet map: a cluster shows its count and zooms in when
 * clicked; a point opens its case. Redrawn on every move; `dispose` removes the layer and the listener.
 */
export function clusterLayer(
  map: L.Map,
  points: readonly CasePoint[],
  onPoint: (id: string) => void,
): { dispose(): void } {
  const index = new Supercluster<Props, Props>({ radius: 50, maxZoom: 17 });
  index.load(
    points.map(([id, lng, lat, , deadline]) => ({
      type: 'Feature' as const,
      properties: { id, deadline },
      geometry: { type: 'Point' as const, coordinates: [lng, lat] },
    })),
  );
  const group = L.layerGroup().addTo(map);
  const draw = () => {
    group.clearLayers();
    const b = map.getBounds();
    const zoom = Math.round(map.getZoom());
    for (const f of index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom)) {
      const [lng, lat] = f.geometry.coordinates as [number, number];
      const p = f.properties as Partial<ClusterProperties> & Partial<Props>;
      if (p.cluster) {
        const n = p.point_count ?? 0;
        const size = n < 10 ? 28 : n < 100 ? 34 : n < 1000 ? 40 : 48;
        const icon = L.divIcon({
          html: `<div>${p.point_count_abbreviated}</div>`,
          className: 'cg-cluster',
          iconSize: [size, size],
        });
        L.marker([lat, lng], { icon, title: `${n} 件问题，点击放大` })
          .on('click', () => {
            const z = Math.min(index.getClusterExpansionZoom(p.cluster_id!), 18);
            map.setView([lat, lng], z);
          })
          .addTo(group);
      } else {
        L.circleMarker([lat, lng], {
          radius: 6,
          color: '#fff',
          weight: 1.5,
          fillColor: pointColor(p.deadline ?? ''),
          fillOpacity: 1,
        })
          .bindTooltip('点击查看问题')
          .on('click', (e: L.LeafletMouseEvent) => {
            L.DomEvent.stopPropagation(e);
            onPoint(p.id!);
          })
          .addTo(group);
      }
    }
  };
  draw();
  map.on('moveend', draw);
  return {
    dispose() {
      map.off('moveend', draw);
      group.remove();
    },
  };
}
