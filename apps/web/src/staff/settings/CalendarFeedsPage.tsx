// Calendar feeds (clinic.calendarFeeds.*, ADR 0040): subscription URLs for Google, Apple or
// Outlook calendar, per practitioner or for the whole clinic; what each practitioner's
// appointments show there; revoking a URL. The URL is shown once, when it is made.
import { FEED_DETAIL_NAMES, FEED_DETAILS, mayUseWholeClinicFeed, type FeedDetail } from "@frontdesk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { EmptyNotice, ErrorNotice, SuccessNotice } from "../../ui/Notice";
import { Loading } from "../../ui/Loading";
import { useDateFormat } from "../../lib/useDateFormat";
import { useStaffSession } from "../StaffLayout";
import styles from "./settings.module.css";

const STAFF_LOCALE = "en-GB";
const WHOLE_CLINIC = "";

export function CalendarFeedsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { membership } = useStaffSession();
  const format = useDateFormat(STAFF_LOCALE, membership.timezone);
  const feeds = useQuery(trpc.clinic.calendarFeeds.list.queryOptions());
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.clinic.calendarFeeds.list.queryKey() });
  const [target, setTarget] = useState<string>(WHOLE_CLINIC);
  const create = useMutation(trpc.clinic.calendarFeeds.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.clinic.calendarFeeds.revoke.mutationOptions({ onSuccess: refresh }));
  const setDetail = useMutation(trpc.clinic.calendarFeeds.setDetail.mutationOptions({ onSuccess: refresh }));
  const isAdmin = mayUseWholeClinicFeed(membership.role);

  if (feeds.isPending) return <Loading label="Loading the calendar feeds…" />;
  if (feeds.isError) return <ErrorNotice title="The calendar feeds could not be loaded" message={describeFailure(feeds.error).message} onRetry={() => void feeds.refetch()} />;
  const { enabled, practitioners, feeds: list } = feeds.data;
  const failure = [create, revoke, setDetail].find((m) => m.isError)?.error;
  // A practitioner is offered no "Whole clinic": their first calendar is the one the list shows.
  const chosen = isAdmin || practitioners.some((p) => p.id === target) ? target : (practitioners[0]?.id ?? WHOLE_CLINIC);

  return (
    <section aria-labelledby="feeds-heading">
      <h2 id="feeds-heading">Calendar feeds</h2>
      <p>Subscribe to the calendar from Google, Apple or Outlook calendar with a private address. Anyone with the address sees what it shows: revoke it if it leaks.</p>
      {!enabled ? (
        <EmptyNotice title="Calendar feeds are not available for this clinic yet">
          <p>They are being opened clinic by clinic.</p>
        </EmptyNotice>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate(chosen === WHOLE_CLINIC ? {} : { practitionerId: chosen });
          }}
          aria-labelledby="new-feed-heading"
        >
          <h3 id="new-feed-heading">New feed</h3>
          <label>
            Calendar{" "}
            <select value={chosen} onChange={(e) => setTarget(e.target.value)}>
              {isAdmin ? <option value={WHOLE_CLINIC}>Whole clinic</option> : null}
              {practitioners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName}
                </option>
              ))}
            </select>
          </label>{" "}
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create feed"}
          </Button>
          {create.isSuccess ? (
            <SuccessNotice title="Feed created: copy its address now, it will not be shown again">
              <p>
                <code data-testid="new-feed-url" className={styles.secret}>{create.data.url}</code>
              </p>
            </SuccessNotice>
          ) : null}
        </form>
      )}
      {failure ? <ErrorNotice title="The change was not saved" message={describeFailure(failure).message} /> : null}

      <h3>What feeds show</h3>
      <ul className={styles.flagList}>
        {practitioners.map((p) => (
          <li key={p.id}>
            <label>
              {p.displayName}{" "}
              <select value={p.detail} disabled={setDetail.isPending} onChange={(e) => setDetail.mutate({ practitionerId: p.id, detail: e.target.value as FeedDetail })}>
                {FEED_DETAILS.map((detail) => (
                  <option key={detail} value={detail}>
                    {FEED_DETAIL_NAMES[detail]}
                  </option>
                ))}
              </select>
            </label>
          </li>
        ))}
      </ul>

      <h3>Feeds</h3>
      {list.length === 0 ? (
        <EmptyNotice title="No calendar feeds yet" />
      ) : (
        <div className={styles.tableWrap} tabIndex={0} role="region" aria-label="Calendar feeds of this clinic">
          <table className={styles.table}>
            <caption>Calendar feeds of this clinic</caption>
            <thead>
              <tr>
                <th scope="col">Calendar</th>
                <th scope="col">Address ends</th>
                <th scope="col">Created</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.map((feed) => (
                <tr key={feed.id}>
                  <th scope="row">{feed.label}</th>
                  <td>
                    <code>{feed.hint}</code>
                  </td>
                  <td>{format.dateTime(feed.createdAt)}</td>
                  <td>
                    {feed.revokedAt ? (
                      `Revoked ${format.dateTime(feed.revokedAt)}`
                    ) : (
                      <Button variant="secondary" disabled={revoke.isPending} onClick={() => revoke.mutate({ id: feed.id })} aria-label={`Revoke the feed of ${feed.label} ending ${feed.hint}`}>
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
