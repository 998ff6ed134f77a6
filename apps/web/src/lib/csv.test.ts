import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("the CSV of staff downloads", () => {
  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    expect(csvCell("+33 6 12")).toBe("'+33 6 12");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("Ada Lovelace")).toBe("Ada Lovelace");
  });

  it("quotes commas, quotes and line breaks, and ends rows with CRLF", () => {
    expect(toCsv(["a", "b"], [["x, y", 'say "hi"'], ["line\nbreak", ""]])).toBe('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"line\nbreak",\r\n');
  });
});
