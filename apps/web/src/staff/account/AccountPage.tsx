// The member's own account: where they are signed in (and signing devices out), their password,
// two-step verification, and what happened to the account lately.
import { useStaffSession } from "../StaffLayout";
import { ActivitySection } from "./ActivitySection";
import { ChangePasswordForm } from "./ChangePasswordForm";
import { DevicesSection } from "./DevicesSection";
import { MfaSection } from "./MfaSection";
import styles from "./account.module.css";

export function AccountPage() {
  const { me } = useStaffSession();
  return (
    <div className={styles.page}>
      <div>
        <h1>Your account</h1>
        <p className={styles.breakable}>
          {me.user.name} · {me.user.email}
        </p>
      </div>
      <DevicesSection />
      <ChangePasswordForm />
      <MfaSection />
      <ActivitySection />
    </div>
  );
}
