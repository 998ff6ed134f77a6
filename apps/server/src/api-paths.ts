// The paths the API answers, on Node and in the edge worker alike; everything else is the web
// app's files (index.html for client routes). Calendar feeds and images are the API's too: a
// calendar app or an <img> must get the feed, the image or their 404, never the web app's page.
const API_PREFIXES = ["/trpc/", "/api/", "/ical/", "/media/"];

export const isApiPath = (pathname: string) => API_PREFIXES.some((prefix) => pathname.startsWith(prefix)) || pathname === "/healthz" || pathname === "/readyz";
