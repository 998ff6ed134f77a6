// "Signed in on these devices": every live session of the account, this one marked. Signing a
// device out ends its session on the server; signing this one out is signing out.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import type { RouterOutputs } from "@frontdesk/api";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useDateFormat } from "../../lib/useDateFormat";
import { Button } from "../../ui/Button";
import { ErrorNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import { useStaffSession } from "../StaffLayout";
import { describeDevice } from "./device";
import styles from "./account.module.css";

type Device = RouterOutputs["auth"]["sessions"]["list"][number];

const STAFF_LOCALE = "en-GB";

export function DevicesSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { membership } = useStaffSession();
  const format = useDateFormat(STAFF_LOCALE, membership.timezone);
  const devices = useQuery(trpc.auth.sessions.list.queryOptions());
  const [signedOut, setSignedOut] = useState<string | null>(null);
  const revoke = useMutation(
    trpc.auth.sessions.revoke.mutationOptions({
      onSuccess: async (_answer, { sessionId }) => {
        const device = devices.data?.find((d) => d.id === sessionId);
        if (device?.current) {
          // The server has ended this session and blanked its cookie: nothing cached is ours any more.
          queryClient.clear();
          await navigate({ to: "/app/sign-in" });
          return;
        }
        setSignedOut(device ? describeDevice(device.userAgent) : "The device");
        await queryClient.invalidateQueries(trpc.auth.sessions.list.queryFilter());
      },
    }),
  );

  return (
    <section aria-labelledby="devices-heading">
      <h2 id="devices-heading">Signed in on these devices</h2>
      <p>If you do not recognise a device, sign it out and change your password.</p>
      {signedOut ? <p role="status">{signedOut} is signed out.</p> : null}
      {revoke.isError ? (
        <p role="alert" className={styles.formError}>
          {describeFailure(revoke.error).message}
        </p>
      ) : null}
      {devices.isPending ? (
        <div aria-busy="true">
          <span className="visually-hidden">Loading your devices…</span>
          <Skeleton height="6rem" />
        </div>
      ) : devices.isError ? (
        <ErrorNotice title="Your devices could not be loaded" message={describeFailure(devices.error).message} onRetry={() => void devices.refetch()} />
      ) : (
        <ul className={styles.devices} aria-label="Devices">
          {[...devices.data]
            .sort((a, b) => Number(b.current) - Number(a.current))
            .map((device) => (
              <DeviceRow
                key={device.id}
                device={device}
                lastSeen={format.dateTime(device.lastSeenAt)}
                busy={revoke.isPending && revoke.variables.sessionId === device.id}
                onSignOut={() => revoke.mutate({ sessionId: device.id })}
              />
            ))}
        </ul>
      )}
    </section>
  );
}

function DeviceRow({ device, lastSeen, busy, onSignOut }: { device: Device; lastSeen: string; busy: boolean; onSignOut: () => void }) {
  const name = describeDevice(device.userAgent);
  return (
    <li className={styles.device}>
      <div>
        <span className={styles.deviceName}>{name}</span>
        {device.current ? <span className={styles.current}>This device</span> : null}
        <span className={styles.deviceMeta}>
          Last active {lastSeen}
          {device.ip ? ` · ${device.ip}` : ""}
        </span>
      </div>
      <Button variant="secondary" onClick={onSignOut} disabled={busy} aria-label={device.current ? "Sign out on this device" : `Sign out ${name}, last active ${lastSeen}`}>
        {busy ? "Signing out…" : "Sign out"}
      </Button>
    </li>
  );
}
