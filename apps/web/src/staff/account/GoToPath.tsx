import { useNavigate } from "@tanstack/react-router";
import { useEffect } from "react";

/**
 * Replaces the current page with an app path that may carry a query (a return path such as
 * "/app/patients?q=dupont"), which the router's typed <Navigate to> cannot take.
 */
export function GoToPath({ href }: { href: string }) {
  const navigate = useNavigate();
  useEffect(() => {
    void navigate({ href, replace: true });
  }, [href, navigate]);
  return null;
}
