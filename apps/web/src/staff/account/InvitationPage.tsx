// The page an invitation e-mail links to. Someone not signed in signs in (or creates an account)
// first and comes back here; then they accept, and land in that clinic's calendar.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { ErrorNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import type { Me } from "../types";
import { invitationRoute } from "./routes";
import styles from "./account.module.css";

export function InvitationPage() {
  const trpc = useTRPC();
  const { token } = invitationRoute.useParams();
  const me = useQuery(trpc.auth.me.queryOptions());
  return (
    <div className={styles.narrow}>
      <h1>Join your clinic on Frontdesk</h1>
      {me.isPending ? (
        <div aria-busy="true">
          <span className="visually-hidden">Loading…</span>
          <Skeleton height="6rem" />
        </div>
      ) : me.isError ? (
        <ErrorNotice title="We could not check who is signed in" message={describeFailure(me.error).message} onRetry={() => void me.refetch()} />
      ) : me.data ? (
        <AcceptInvitation token={token} me={me.data} />
      ) : (
        <SignInFirst token={token} />
      )}
    </div>
  );
}

function SignInFirst({ token }: { token: string }) {
  const back = { redirect: `/app/invite/${token}` };
  return (
    <>
      <p>You have been invited to join a clinic&apos;s staff. Sign in, or create an account, with the e-mail address the invitation was sent to.</p>
      <p>
        <Link to="/app/sign-in" search={back}>
          Sign in to accept
        </Link>
      </p>
      <p>
        New to Frontdesk?{" "}
        <Link to="/app/sign-up" search={back}>
          Create an account
        </Link>
      </p>
    </>
  );
}

function AcceptInvitation({ token, me }: { token: string; me: Me }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const accept = useMutation(
    trpc.clinic.staff.accept.mutationOptions({
      onSuccess: async () => {
        // The server made the invited clinic the active one: read who we are there afresh.
        queryClient.clear();
        await navigate({ to: "/app/calendar" });
      },
    }),
  );
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      // Stay on this page, which now offers signing in as the invited person: forget the old
      // account's answers and ask again who is signed in.
      onSuccess: () => queryClient.resetQueries(),
    }),
  );
  return (
    <>
      <p>
        You are signed in as <strong>{me.user.email}</strong>. Accepting adds you to the clinic&apos;s staff with the role the invitation gives.
      </p>
      {accept.isError ? (
        <p role="alert" className={styles.formError}>
          {describeInvitationFailure(accept.error)}
        </p>
      ) : null}
      <p>
        <Button onClick={() => accept.mutate({ token })} disabled={accept.isPending}>
          {accept.isPending ? "Accepting…" : "Accept invitation"}
        </Button>
      </p>
      <p>
        Invited at another address?{" "}
        <Button variant="link" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          Sign out and use that account
        </Button>
      </p>
    </>
  );
}

/** The server words its refusals for people (used, expired, another address); a bad link is ours to word. */
function describeInvitationFailure(error: unknown): string {
  const failure = describeFailure(error);
  if (failure.kind === "not-found" || failure.reason === "INVALID_INPUT") {
    return "This invitation link is not valid. Check that you opened the whole link from the e-mail, or ask for a new invitation.";
  }
  return failure.message;
}
