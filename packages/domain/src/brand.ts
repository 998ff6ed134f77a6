// The clinic's brand on its booking page (ADR 0049): which accent colours stay readable, where a
// map of the address is, and which images a clinic may upload. Shared by the settings form, the
// API and the booking page, so the three never disagree.

/** WCAG 2.x AA for body text. */
export const MIN_CONTRAST = 4.5;

/**
 * The light theme's colours the accent meets (apps/web/src/ui/tokens.css): white text on accent
 * buttons, accent text and borders on the page, on cards and on the soft accent tint. The dark
 * theme keeps its own accent (one colour cannot pass against both), so only these count.
 */
export const ACCENT_COMPANIONS = [
  { name: "white", hex: "#ffffff" },
  { name: "the page background", hex: "#f6f7f9" },
  { name: "the highlighted background", hex: "#e3edfb" },
] as const;

const HEX = /^#[0-9a-f]{6}$/;

export const isHexColour = (value: string) => HEX.test(value.toLowerCase());

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The WCAG contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a.toLowerCase()), luminance(b.toLowerCase())].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const toHex = (n: number) => Math.round(n).toString(16).padStart(2, "0");

/** The same hue, darkened step by step until it passes against every companion (black always does). */
export function readableAccent(hex: string): string {
  const rgb = [1, 3, 5].map((o) => parseInt(hex.slice(o, o + 2), 16));
  for (let keep = 1; keep > 0; keep -= 0.02) {
    const candidate = `#${rgb.map((c) => toHex(c * keep)).join("")}`;
    if (worstContrast(candidate).ratio >= MIN_CONTRAST) return candidate;
  }
  return "#000000";
}

export interface AccentContrastProblem {
  /** The companion it fails against, and by how much. */
  against: string;
  ratio: number;
  /** A darker shade of the same colour that passes. */
  suggestion: string;
}

const worstContrast = (colour: string) =>
  ACCENT_COMPANIONS.map((c) => ({ against: c.name, ratio: contrastRatio(colour, c.hex) })).sort((a, b) => a.ratio - b.ratio)[0]!;

/** Null when the accent is readable with every companion; otherwise the worst case and a fix. */
export function accentContrastProblem(hex: string): AccentContrastProblem | null {
  const colour = hex.toLowerCase();
  const worst = worstContrast(colour);
  if (worst.ratio >= MIN_CONTRAST) return null;
  return { ...worst, ratio: Math.floor(worst.ratio * 10) / 10, suggestion: readableAccent(colour) };
}

/** The sentence a person reads when their accent is refused. */
export const accentContrastMessage = (problem: AccentContrastProblem) =>
  `This colour is hard to read: ${problem.ratio}:1 against ${problem.against}, and it needs ${MIN_CONTRAST}:1. Try a darker shade such as ${problem.suggestion}`;

/** OpenStreetMap's search for the address: no key, no tracking script, opens on any device. */
export function mapLinkFor(address: string | null): string | null {
  const query = address?.replace(/\s+/g, " ").trim();
  return query ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}` : null;
}

/** What an uploaded image may be: its type is read from its bytes; SVG is refused (it can carry script). */
export const IMAGE_TYPES = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" } as const;
export type ImageType = keyof typeof IMAGE_TYPES;

export const IMAGE_PURPOSES = ["logo", "practitioner"] as const;
export type ImagePurpose = (typeof IMAGE_PURPOSES)[number];

/** Size caps per purpose: a logo is small; a photo may be a phone's, resized. Sides in pixels. */
export const IMAGE_LIMITS: Record<ImagePurpose, { maxBytes: number; maxSide: number; minSide: number }> = {
  logo: { maxBytes: 512 * 1024, maxSide: 2048, minSide: 16 },
  practitioner: { maxBytes: 2 * 1024 * 1024, maxSide: 4096, minSide: 64 },
};

/** "512 kB", "2 MB": how a limit is said. */
export const formatByteLimit = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} kB`);

export const BRAND_TEXT_LIMITS = { description: 500, bio: 1000, serviceDescription: 500 } as const;
