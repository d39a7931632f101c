/** 2026-12-07 14:05 in Asia/Shanghai (the district's time, whatever the browser's zone), as every page shows a time. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16);
}
