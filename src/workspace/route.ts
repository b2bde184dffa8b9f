/** The workspace's views, kept in the location hash so the back button and links work. */
export type Route =
  | { view: "list" }
  | { view: "case"; id: string }
  | { view: "seller"; key: string }
  | { view: "report"; id: string }
  | { view: "seller-report"; key: string };

export function parseRoute(hash: string): Route {
  const [view, ...rest] = hash.replace(/^#\/?/, "").split("/");
  const arg = decodeURIComponent(rest.join("/"));
  if (!arg) return { view: "list" };
  if (view === "case") return { view: "case", id: arg };
  if (view === "report") return { view: "report", id: arg };
  if (view === "seller") return { view: "seller", key: arg };
  if (view === "seller-report") return { view: "seller-report", key: arg };
  return { view: "list" };
}

export function href(route: Route): string {
  switch (route.view) {
    case "list":
      return "#";
    case "case":
    case "report":
      return `#${route.view}/${encodeURIComponent(route.id)}`;
    case "seller":
    case "seller-report":
      return `#${route.view}/${encodeURIComponent(route.key)}`;
  }
}
