import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./styles";
import { App } from "./App";
import { tauriBackend } from "./api";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App backend={tauriBackend} />
  </StrictMode>,
);
