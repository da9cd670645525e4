import { Tag } from "@digdir/designsystemet-react";
import type { Duty } from "../bindings/Duty";
import { useI18n } from "../i18n/context";
import { formatDate } from "../lib/dates";
import { dutyStatusLabel } from "../lib/labels";
import { dutyColor } from "./dutyModel";

/**
 * A duty's status as a small tag. The colour repeats what the text says;
 * `withKind` puts the duty's name (the profile's, from the core) first ("Fellesmøte: Forfalt").
 */
export function DutyTag({
  duty,
  withKind = false,
  testid = "duty-tag",
}: {
  duty: Pick<Duty, "kind" | "name" | "status" | "due">;
  withKind?: boolean;
  testid?: string;
}) {
  const { t } = useI18n();
  const status = dutyStatusLabel(t, duty.status);
  return (
    <Tag
      data-size="sm"
      data-color={dutyColor(duty.status)}
      data-testid={testid}
      data-kind={duty.kind}
      data-status={duty.status}
      title={withKind ? t("duty.tagTitle", { kind: duty.name, date: formatDate(duty.due) }) : undefined}
      className="duty-tag"
    >
      {withKind ? t("duty.tag", { kind: duty.name, status }) : status}
    </Tag>
  );
}
