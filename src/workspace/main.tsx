import { render } from "preact";
import { Workspace } from "./workspace.tsx";
import "./workspace.css";

const root = document.getElementById("app");
if (root) render(<Workspace />, root);
