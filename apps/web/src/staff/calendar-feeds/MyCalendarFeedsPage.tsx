// The calendar feeds screen of the settings, as a screen of its own for the staff who have no
// settings (practitioners: their own feed). The API decides what each role may list and make.
import { useStaffText } from "../../i18n/staff/useStaffText";
import { CalendarFeedsPage } from "../settings/CalendarFeedsPage";

export function MyCalendarFeedsPage() {
  const { t } = useStaffText();
  return (
    <>
      <h1>{t("nav.calendarFeeds")}</h1>
      <CalendarFeedsPage />
    </>
  );
}
