import type { ReactNode } from "react";
import { Button } from "@digdir/designsystemet-react";

/** The button in a section's head that adds one more to its list ("+ Nytt møte"). */
export function AddButton({ testid, onClick, children }: { testid: string; onClick: () => void; children: ReactNode }) {
  return (
    <Button data-size="sm" variant="secondary" data-testid={testid} onClick={onClick}>
      + {children}
    </Button>
  );
}
