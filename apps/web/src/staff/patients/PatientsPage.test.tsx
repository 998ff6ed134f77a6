import { fireEvent, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { gate } from "../../test/gate";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { signedIn } from "../../test/staff-fixtures";
import { procedure } from "../../test/trpc";
import { calls, handle } from "../../test/handlers";
import { dupontItem, dupontRecord, listItem, searchAnswer } from "../../test/patient-fixtures";
import { SEARCH_DELAY_MS } from "./PatientsPage";
import type { PatientListItem } from "./types";

/** The clinic's patients, searched the way the server does (case- and accent-insensitive). */
function serveSearch(all: PatientListItem[]) {
  const searches = calls<"patients.search">();
  const fold = (text: string) => text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
  server.use(
    procedure("auth.me", () => signedIn("receptionist")),
    handle("patients.search", (input) => {
      searches.record(input);
      const matching = all.filter((p) => fold(p.fullName).includes(fold(input.query ?? "")));
      return searchAnswer(matching, input.page, input.pageSize);
    }),
  );
  return searches;
}

const rowNames = (list: HTMLElement) => within(list).getAllByRole("link").map((link) => link.textContent);

describe("the patient list", () => {
  it("searches once typing pauses, puts the query in the address and lists the matches", async () => {
    const searches = serveSearch([dupontItem, listItem(1, { fullName: "Marie Durand" }), listItem(2, { fullName: "Éloïse Dupré" })]);
    const { screen, user, router } = renderApp("/app/patients");
    expect(await screen.findByRole("status")).toHaveTextContent("3 patients");

    await user.type(screen.getByRole("searchbox", { name: "Search patients" }), "DUP");
    await expect.poll(() => router.state.location.search).toEqual({ q: "DUP" });
    expect(await screen.findByRole("status")).toHaveTextContent("2 patients match “DUP”");
    expect(rowNames(screen.getByRole("list", { name: "Patients" }))).toEqual(["Jean Dupont", "Éloïse Dupré"]);
    // One request for the empty list, one for the pause: not one per key.
    expect(searches.list.map((input) => input.query)).toEqual(["", "DUP"]);
  });

  it("opens with the search from the address and links each patient to their page", async () => {
    const searches = serveSearch([dupontItem, listItem(1, { fullName: "Marie Durand" })]);
    const { screen, user, router } = renderApp("/app/patients?q=durand");
    expect(await screen.findByRole("status")).toHaveTextContent("1 patient matches “durand”");
    expect(screen.getByRole("searchbox", { name: "Search patients" })).toHaveValue("durand");
    expect(searches.list[0]).toMatchObject({ query: "durand", page: 1 });

    await user.click(screen.getByRole("link", { name: "Marie Durand" }));
    expect(router.state.location.pathname).toBe(`/app/patients/${listItem(1).id}`);
  });

  it("pages through many patients, keeping the search", async () => {
    const many = Array.from({ length: 45 }, (_, i) => listItem(i + 1));
    const searches = serveSearch(many);
    const { screen, user, router } = renderApp("/app/patients?q=patient");
    expect(await screen.findByRole("status")).toHaveTextContent("45 patients match “patient” · page 1 of 3");
    const pages = screen.getByRole("navigation", { name: "Result pages" });
    expect(within(pages).queryByRole("link", { name: "Previous page" })).not.toBeInTheDocument();

    await user.click(within(pages).getByRole("link", { name: "Next page" }));
    expect(await screen.findByRole("status")).toHaveTextContent("page 2 of 3");
    expect(router.state.location.search).toEqual({ q: "patient", page: 2 });
    expect(rowNames(screen.getByRole("list", { name: "Patients" }))[0]).toBe("Patient 21");
    expect(searches.list.at(-1)).toMatchObject({ query: "patient", page: 2, pageSize: 20 });

    await user.click(screen.getByRole("link", { name: "Next page" }));
    expect(await screen.findByRole("status")).toHaveTextContent("page 3 of 3");
    expect(rowNames(screen.getByRole("list", { name: "Patients" }))).toEqual(["Patient 41", "Patient 42", "Patient 43", "Patient 44", "Patient 45"]);
    expect(screen.queryByRole("link", { name: "Next page" })).not.toBeInTheDocument();
  });

  it("starts again at the first page when the search changes", async () => {
    serveSearch(Array.from({ length: 45 }, (_, i) => listItem(i + 1)));
    const { screen, user, router } = renderApp("/app/patients?page=3");
    expect(await screen.findByRole("status")).toHaveTextContent("page 3 of 3");
    await user.type(screen.getByRole("searchbox", { name: "Search patients" }), "Patient 4");
    await expect.poll(() => router.state.location.search).toEqual({ q: "Patient 4" });
    expect(await screen.findByRole("status")).toHaveTextContent("6 patients match “Patient 4”");
  });

  it("ignores a page in the address that is not a page number", async () => {
    const searches = serveSearch([dupontItem]);
    const { screen } = renderApp("/app/patients?page=abc");
    expect(await screen.findByRole("status")).toHaveTextContent("1 patient");
    expect(searches.list).toEqual([{ query: "", page: 1, pageSize: 20 }]);
  });

  it("says so when nobody matches", async () => {
    serveSearch([dupontItem]);
    const { screen } = renderApp("/app/patients?q=zzz");
    expect(await screen.findByText("No patient matches this search")).toBeInTheDocument();
  });

  it("keeps a result clicked before typing pauses: the pending search does not take the receptionist back", async () => {
    serveSearch([dupontItem, listItem(1, { fullName: "Marie Durand" })]);
    // The record arrives only when the test lets it: the search's timer fires while the
    // patient's page is still loading.
    const record = gate();
    server.use(
      handle("patients.get", async () => {
        await record.opened;
        return dupontRecord();
      }),
    );
    const { screen, router } = renderApp("/app/patients");
    expect(await screen.findByRole("status")).toHaveTextContent("2 patients");
    // The race on a fake clock (the pause is a timer): the click lands 100 ms before the pause
    // ends, and the pause ends while the patient's page is loading, on any machine however busy.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      fireEvent.change(screen.getByRole("searchbox", { name: "Search patients" }), { target: { value: "du" } });
      await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS - 100);
      fireEvent.click(screen.getByRole("link", { name: "Jean Dupont" }));
      await vi.advanceTimersByTimeAsync(200);
      expect(screen.queryByRole("heading", { level: 1, name: "Jean Dupont" })).not.toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
    record.open();
    expect(await screen.findByRole("heading", { level: 1, name: "Jean Dupont" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/app/patients/${dupontItem.id}`);
  });
});
