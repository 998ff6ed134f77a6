import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "../../api/trpc";

/**
 * Re-reads the visible range whenever the clinic's calendar changes (calendar.changes sends ids
 * only), and again when a dropped connection returns, since events may have been missed meanwhile.
 * Answers whether the feed is reconnecting.
 */
export function useLiveRefresh(): boolean {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reconnecting, setReconnecting] = useState(false);
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const refetch = () => void queryClient.invalidateQueries(trpc.calendar.range.pathFilter());
    const source = new EventSource("/trpc/calendar.changes", { withCredentials: true });
    let dropped = false;
    source.onmessage = refetch;
    source.onerror = () => {
      dropped = true;
      setReconnecting(true);
    };
    source.onopen = () => {
      if (!dropped) return;
      dropped = false;
      setReconnecting(false);
      refetch();
    };
    return () => source.close();
  }, [trpc, queryClient]);
  return reconnecting;
}
