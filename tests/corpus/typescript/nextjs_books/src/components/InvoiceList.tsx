import { useEffect, useState } from "react";

// The browser talks to our own API routes, never to Fortnox directly.
export function InvoiceList() {
  const [rows, setRows] = useState<unknown[]>([]);
  useEffect(() => {
    fetch("/api/sync").then((r) => r.json()).then((d) => setRows(d.invoices));
    fetch("/customers?active=1").then((r) => r.json());  // fortnox: none own-route
  }, []);
  return <ul>{rows.map((_, i) => <li key={i}>Invoice {i} from Fortnox</li>)}</ul>;
}
