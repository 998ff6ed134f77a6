import { describe, expect, it } from "vitest";
import { escapeHtml } from "./html";

describe("escapeHtml", () => {
  it("writes the characters that could end an element or a quoted attribute as entities", () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
  });

  it("escapes an ampersand once, so an entity already in the text is shown as typed", () => {
    expect(escapeHtml("&amp; &#39;")).toBe("&amp;amp; &amp;#39;");
  });

  it("leaves other text alone, accents and line breaks included", () => {
    expect(escapeHtml("Élodie — 10:00\nRue de l'Église")).toBe("Élodie — 10:00\nRue de l&#39;Église");
    expect(escapeHtml("")).toBe("");
  });
});
