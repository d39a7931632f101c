/**
 * The 地址/标志物 a report starts with: where the phone's position lies (its grid and community), for
 * the reporter to add the landmark to — 朱庄社区第1网格-1 → "朱庄社区第1网格-1 交通路 18 号门前".
 * The grid's name already says its community in the demo naming (北关社区第1网格-3); otherwise the
 * community comes first.
 */
export function placeText(gridName: string, communityName: string | null): string {
  if (!communityName || gridName.startsWith(communityName)) return gridName;
  return `${communityName}${gridName}`;
}
