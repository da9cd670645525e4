import type { ReactNode } from "react";
import { Button } from "@digdir/designsystemet-react";

/**
 * A small text button in a table row (edit, end, delete, waive…): `label`
 * names the row's thing for a screen reader ("Rediger Olav Haugen").
 */
export function RowButton({
  testid,
  label,
  onClick,
  danger = false,
  loading,
  disabled,
  children,
}: {
  testid: string;
  label: string;
  onClick: () => void;
  danger?: boolean;
  loading?: boolean;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Button
      variant="tertiary"
      data-size="sm"
      data-color={danger ? "danger" : "accent"}
      data-testid={testid}
      aria-label={label}
      loading={loading}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </Button>
  );
}
