import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";
import { describeSignInFailure } from "../api/failure";
import { useTRPC } from "../api/trpc";
import { Button } from "../ui/Button";
import { TextField } from "../ui/Field";
import { GoToPath } from "./account/GoToPath";
import { safeReturnPath } from "./account/return-to";
import { signInRoute } from "./account/routes";
import styles from "./staff.module.css";

export function SignInPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = useQuery(trpc.auth.me.queryOptions());
  // Where the visitor was going before being asked to sign in; validated as a staff path by the route.
  const { redirect } = signInRoute.useSearch();
  // Checked again here: whatever the router hands over, only a staff path of ours is followed.
  const destination = safeReturnPath(redirect) ?? "/app/calendar";
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async () => {
        // Whoever was known before (nobody, or another account) is stale now.
        queryClient.clear();
        await navigate({ href: destination, replace: true });
      },
    }),
  );

  // Someone already signed in (a bookmark, the back button) goes straight to work.
  if (me.data) return <GoToPath href={destination} />;

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  }

  return (
    <div className={styles.signIn}>
      <h1>Sign in to Frontdesk</h1>
      <form onSubmit={submit} noValidate>
        <TextField label="E-mail address" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {signIn.isError ? (
          <p role="alert" className={styles.formError}>
            {describeSignInFailure(signIn.error)}
          </p>
        ) : null}
        <Button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      <p>
        New to Frontdesk?{" "}
        <Link to="/app/sign-up" search={redirect ? { redirect } : {}}>
          Create an account
        </Link>
      </p>
    </div>
  );
}
