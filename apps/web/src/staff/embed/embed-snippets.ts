// The code a clinic pastes into its own website (ADR 0051): the booking page in a frame that
// takes its content's height, or a link that opens it in a dialog. Both need /embed.js, and the
// website's origin registered in the clinic's settings (clinic.embed).

export interface EmbedSnippets {
  bookingUrl: string;
  inline: string;
  button: string;
}

const escapeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const escapeText = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** `origin` is where Frontdesk is served (this page's origin); `buttonLabel` is the link's text. */
export function embedSnippets(origin: string, slug: string, buttonLabel: string): EmbedSnippets {
  const bookingUrl = `${origin}/book/${slug}`;
  const script = `<script src="${origin}/embed.js" async></script>`;
  return {
    bookingUrl,
    inline: `<div data-frontdesk-booking="${escapeAttribute(bookingUrl)}"></div>\n${script}`,
    button: `<a href="${escapeAttribute(bookingUrl)}" data-frontdesk-dialog>${escapeText(buttonLabel)}</a>\n${script}`,
  };
}
