import { Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { CategoryStatus } from "../bindings/CategoryStatus";
import type { Membership } from "../bindings/Membership";
import { useI18n } from "../i18n/context";
import { categoryLabel } from "../lib/labels";
import { MemberTable, type MemberActions } from "./MemberTable";

/** One category of the seat plan against who sits in it now. */
export function SeatCategorySection({
  status,
  members,
  actions,
}: {
  status: CategoryStatus;
  members: Membership[];
  actions: MemberActions;
}) {
  const { t } = useI18n();
  const c = status.category;
  const label = categoryLabel(t, c);
  const headingId = `category-${c}-title`;
  return (
    <section
      className="category"
      aria-labelledby={headingId}
      data-testid={`category-${c}`}
      data-planned={status.planned}
      data-filled={status.filled}
      data-vacant={status.vacant}
      data-over={status.over}
    >
      <div className="category__head">
        <Heading level={3} data-size="2xs" id={headingId}>
          {label}
        </Heading>
        <Tag data-color={status.vacant > 0 ? "warning" : status.over > 0 ? "danger" : "success"} data-size="sm">
          {t("council.category.count", { filled: status.filled, planned: status.planned })}
        </Tag>
        {status.over > 0 ? (
          <Tag data-color="danger" data-size="sm" data-testid="overfilled">
            {t("council.category.over", { over: status.over })}
          </Tag>
        ) : null}
      </div>
      {members.length === 0 && status.vacant === 0 ? (
        <Paragraph className="muted" data-size="sm">
          {t("council.category.none")}
        </Paragraph>
      ) : (
        <MemberTable
          members={members}
          caption={label}
          vacant={{ count: Math.max(0, status.vacant), category: c }}
          actions={actions}
        />
      )}
    </section>
  );
}
