import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Navigate, useNavigate } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";
import { describeSignInFailure } from "../api/failure";
import { useTRPC } from "../api/trpc";
import { Button } from "../ui/Button";
import { TextField } from "../ui/Field";
import styles from "./staff.module.css";

export function SignInPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = useQuery(trpc.auth.me.queryOptions());
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async () => {
        // Whoever was known before (nobody, or another account) is stale now.
        queryClient.clear();
        await navigate({ to: "/app/calendar" });
      },
    }),
  );

  // Someone already signed in (a bookmark, the back button) goes straight to work.
  if (me.data) return <Navigate to="/app/calendar" replace />;

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
    </div>
  );
}
