// A refused drop explains itself next to the block (issue 17): the server's reason is announced
// (role=alert) in the block's own column, just below it, and the block is back in its place.
import { fireEvent, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ids } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { appointment, calendarDay, signedIn } from "../../test/staff-fixtures";
import { procedure, TrpcErrorAnswer } from "../../test/trpc";
import { answer, calls } from "./test-fixtures";

function clinicRefusingMoves(refusal: TrpcErrorAnswer) {
  const moves = calls<"appointments.reschedule">();
  server.use(
    procedure("auth.me", () => signedIn()),
    procedure("calendar.range", () => calendarDay([appointment()])),
    answer("appointments.reschedule", (input) => {
      moves.record(input);
      return refusal;
    }),
  );
  return moves;
}

/** Drags Jean Dupont's 09:00 block (Dr Martin) onto `time` in `column`. */
async function dragBlock(screen: ReturnType<typeof renderApp>["screen"], column: string, time: string) {
  const block = within(await screen.findByRole("article", { name: "09:00 Jean Dupont" })).getByRole("button");
  const cell = (name: string, at: string) => within(screen.getByRole("region", { name })).getByTitle(`Book ${at}`);
  let under = cell("Dr Claire Martin", "09:00");
  document.elementsFromPoint = vi.fn(() => [block, under]);
  fireEvent.pointerDown(block, { pointerId: 1, button: 0, clientX: 100, clientY: 100 });
  under = cell(column, time);
  fireEvent.pointerMove(block, { pointerId: 1, clientX: 300, clientY: 300 });
  fireEvent.pointerUp(block, { pointerId: 1, clientX: 300, clientY: 300 });
}

describe("a refused drop", () => {
  it("says why next to the block, which is back in its place, and goes away when dismissed", async () => {
    const moves = clinicRefusingMoves(new TrpcErrorAnswer("CONFLICT", "That time was just taken", { reason: "SLOT_TAKEN" }));
    const { screen, user } = renderApp("/app/calendar?date=2026-03-03");
    await dragBlock(screen, "Dr Yasmine Haddad", "10:45");

    const martin = screen.getByRole("region", { name: "Dr Claire Martin" });
    const alert = await within(martin).findByRole("alert");
    expect(alert).toHaveTextContent("The change was not saved: That time was just taken. The calendar shows the appointment as it was.");
    // Anchored: in the block's column, starting on the row where the block ends.
    const block = within(martin).getByRole("article", { name: "09:00 Jean Dupont" });
    expect(alert.style.gridRowStart).toBe(block.style.gridRowEnd);
    // Only there: not repeated at the top of the page, nor in the other column.
    expect(screen.getAllByRole("alert")).toHaveLength(1);
    expect(within(screen.getByRole("region", { name: "Dr Yasmine Haddad" })).queryByRole("article")).toBeNull();
    expect(moves.inputs).toEqual([{ id: ids.appointment, version: 1, start: "2026-03-03T09:45:00.000Z", practitionerId: ids.haddad }]);

    await user.click(within(alert).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("explains a state that cannot move, in the server's words", async () => {
    clinicRefusingMoves(new TrpcErrorAnswer("BAD_REQUEST", "A completed appointment cannot be moved", { reason: "INVALID_TRANSITION" }));
    const { screen } = renderApp("/app/calendar?date=2026-03-03");
    await dragBlock(screen, "Dr Claire Martin", "11:00");
    const martin = screen.getByRole("region", { name: "Dr Claire Martin" });
    expect(await within(martin).findByRole("alert")).toHaveTextContent("A completed appointment cannot be moved");
    expect(within(martin).getByRole("article", { name: "09:00 Jean Dupont" })).toBeInTheDocument();
  });
});
