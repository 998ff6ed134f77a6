import { describe, expect, it } from "vitest";
import { createFeedToken, parseFeedToken } from "./calendar-feeds";

const clinicId = "0b8f1c2e-1111-4000-8000-000000000001";
const feedId = "0b8f1c2e-2222-4000-8000-000000000002";
const otherFeed = "0b8f1c2e-2222-4000-8000-000000000003";

describe("calendar feed tokens", () => {
  it("carry the clinic and feed, and only their own secret matches the stored hash", () => {
    const { token, secretHash, hint } = createFeedToken(clinicId, feedId, "pepper");
    expect(token).toMatch(new RegExp(`^${clinicId}_${feedId}_[a-z2-7]{32}$`));
    expect(token.split("_")[2]!.startsWith(hint)).toBe(true);
    const parsed = parseFeedToken(token, "pepper")!;
    expect(parsed).toMatchObject({ clinicId, feedId });
    expect(parsed.matches(secretHash)).toBe(true);
    // Another pepper, another feed's hash, or the secret moved to another feed: no match.
    expect(parseFeedToken(token, "other")!.matches(secretHash)).toBe(false);
    expect(parsed.matches(createFeedToken(clinicId, feedId, "pepper").secretHash)).toBe(false);
    expect(parseFeedToken(token.replace(feedId, otherFeed), "pepper")!.matches(secretHash)).toBe(false);
  });

  it.each(["", "x", `${clinicId}_${feedId}`, `${clinicId}_${feedId}_${"A".repeat(32)}`, `${clinicId}_${feedId}_${"a".repeat(33)}`, `../${clinicId}_${feedId}_${"a".repeat(32)}`])(
    "refuse %j",
    (token) => {
      expect(parseFeedToken(token, "pepper")).toBeNull();
    },
  );
});
