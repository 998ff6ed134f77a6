import { describe, expect, it } from "vitest";
import { isPrivateAddress, targetProblem } from "./targets";

describe("webhook targets", () => {
  it.each(["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fd00::1", "fe80::1", "::ffff:10.0.0.1", "::ffff:a00:1", "[::1]"])(
    "counts %s as the server's own network",
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:5db8:d822"])("counts %s as public", (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );

  it("refuses loopback, private and local names unless private targets are allowed", () => {
    for (const url of ["http://localhost:8080/x", "http://127.0.0.1/x", "https://[::1]/x", "http://10.0.0.5/x", "http://printer.local/x", "http://169.254.169.254/latest"]) {
      expect(targetProblem(url, false)).toMatch(/own network/);
      expect(targetProblem(url, true)).toBeNull();
    }
    expect(targetProblem("https://hooks.example.com/in", false)).toBeNull();
  });

  it("refuses what is not http(s), whatever the setting", () => {
    for (const url of ["ftp://example.com/x", "file:///etc/passwd", "javascript:alert(1)", "not a url"]) {
      expect(targetProblem(url, true)).toMatch(/http/);
    }
  });
});
