/**
 * Leaflet writes a string tooltip or popup as HTML. Names typed by people (units, grids, categories,
 * places) go in as a text node instead, so `<img onerror=…>` in a name shows as those characters.
 */
export function asText(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

/** For a tooltip built as HTML around figures: the names in it escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
