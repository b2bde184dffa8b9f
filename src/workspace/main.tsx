import { render } from "preact";
import { t } from "../shared/i18n.ts";
import { startPage } from "../shared/i18n-browser.ts";
import { Workspace } from "./workspace.tsx";
import "./workspace.css";

const root = document.getElementById("app");
if (root)
  void startPage((c) => {
    document.title = t("ws_title");
    render(<Workspace key={c.code} />, root);
  });
