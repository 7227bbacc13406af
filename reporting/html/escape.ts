// Text into HTML (and inline SVG): the five characters that could break out of text or an attribute.
const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string) => text.replace(/[<>&"']/g, (c) => ENTITIES[c]!);
