/**
 * Text made safe to put between HTML tags or inside a quoted attribute: the five characters that
 * could end either are written as entities. The one escape for every page and message the
 * server writes by hand (messages' HTML part, the development outbox).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]!);
}

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
