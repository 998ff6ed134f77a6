// The mail the stack's server wrote (one .eml file per message, see apps/server/src/file-mailer.ts),
// and an authenticator app's arithmetic (RFC 6238), written here independently of the server's.
/* eslint-disable no-restricted-properties -- test tooling: the mail folder comes from the global setup */
import { createHmac } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "@playwright/test";

/** The body of the newest message to `to` whose subject matches, waiting up to 10 s for it. */
export async function mailTo(to: string, subject: RegExp): Promise<string> {
  const folder = process.env.FRONTDESK_E2E_MAIL_DIR;
  if (!folder) throw new Error("FRONTDESK_E2E_MAIL_DIR is not set: run through playwright.config.ts (global setup)");
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        const names = (await readdir(folder).catch(() => [] as string[])).filter((n) => n.endsWith(".eml")).sort().reverse();
        for (const name of names) {
          const eml = await readFile(path.join(folder, name), "utf8");
          const [head = "", ...body] = eml.split("\r\n\r\n");
          if (head.includes(`\r\nTo: ${to}\r\n`) && subject.test(/^Subject: (.*)$/m.exec(head)?.[1] ?? "")) {
            found = body.join("\r\n\r\n");
            return true;
          }
        }
        return false;
      },
      { timeout: 10_000, message: `a mail to ${to} matching ${String(subject)}` },
    )
    .toBe(true);
  return found!;
}

export const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)![1]!;

function base32Decode(text: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of text.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(char).toString(2).padStart(5, "0");
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The 6-digit TOTP (SHA-1, 30 s) for a base32 key at `at`, as an authenticator app computes it. */
export function totp(key: string, at = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac("sha1", base32Decode(key)).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, "0");
}
