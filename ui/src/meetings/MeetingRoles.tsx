import { useState } from "react";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { OptionalSelect, personOptions } from "../components/OptionalSelect";
import type { MeetingRoles as Roles } from "../bindings/MeetingRoles";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { TextField } from "../components/fields";
import { useMeeting } from "./context";

const OTHER = "__other";

/** Who chaired the meeting and who took the minutes: chosen from the members present, or a person named. */
export function MeetingRoles() {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail, actOrAlert, locked } = useMeeting();
  const m = detail.meeting;
  const present = detail.attendance.filter((r) => r.status === "present");
  const [other, setOther] = useState(m.minuteTakerId === null && m.minuteTakerName !== "");
  const [name, setName] = useState(m.minuteTakerName);
  const save = (roles: Roles) => void actOrAlert(() => backend.setMeetingRoles(m.id, roles), t("confirm.rolesSaved"));
  const current: Roles = { chairId: m.chairId, minuteTakerId: m.minuteTakerId, minuteTakerName: m.minuteTakerName };
  if (locked) {
    return (
      <dl className="guests" data-testid="meeting-roles">
        <div>
          <dt>{t("roles.chair")}</dt>
          <dd data-testid="meeting-chair-name">{detail.chair ?? <span className="muted">{t("roles.none")}</span>}</dd>
        </div>
        <div>
          <dt>{t("roles.minuteTaker")}</dt>
          <dd data-testid="minute-taker-name-view">{detail.minuteTaker ?? <span className="muted">{t("roles.none")}</span>}</dd>
        </div>
      </dl>
    );
  }
  return (
    <div className="meeting-roles" data-testid="meeting-roles">
      <Heading level={3} data-size="2xs">
        {t("roles.title")}
      </Heading>
      {present.length === 0 ? (
        <Paragraph className="muted" data-size="sm">
          {t("roles.presentFirst")}
        </Paragraph>
      ) : null}
      <div className="meeting-roles__fields">
        <label className="meeting-roles__field">
          <span>{t("roles.chair")}</span>
          <OptionalSelect
            id="meeting-chair"
            data-size="sm"
            none={t("roles.choose")}
            options={personOptions(present)}
            value={m.chairId ?? ""}
            onPick={(chairId) => save({ ...current, chairId })}
          />
        </label>
        <label className="meeting-roles__field">
          <span>{t("roles.minuteTaker")}</span>
          <OptionalSelect
            id="minute-taker"
            data-size="sm"
            none={t("roles.choose")}
            options={[...personOptions(present), { value: OTHER, label: t("roles.other") }]}
            value={other ? OTHER : (m.minuteTakerId ?? "")}
            onPick={(v) => {
              if (v === OTHER) {
                setOther(true);
                return;
              }
              setOther(false);
              save({ ...current, minuteTakerId: v, minuteTakerName: "" });
            }}
          />
        </label>
      </div>
      {other ? (
        <form
          className="meeting-roles__other"
          onSubmit={(e) => {
            e.preventDefault();
            save({ ...current, minuteTakerId: null, minuteTakerName: name });
          }}
        >
          <TextField id="minute-taker-name" label={t("roles.otherName")} value={name} onChange={setName} />
          <Button type="submit" variant="secondary" data-size="sm" data-testid="save-minute-taker">
            {t("roles.saveOther")}
          </Button>
        </form>
      ) : null}
    </div>
  );
}

/** Who chaired an item (or a decision) while the meeting's chair had left for it. */
export function ActingChair({ chairId, left, onChange, testId }: { chairId: string | null; left: string[]; onChange: (id: string | null) => void; testId: string }) {
  const { t } = useI18n();
  const { detail, locked } = useMeeting();
  const chairLeft = detail.meeting.chairId !== null && left.includes(detail.meeting.chairId);
  if (!chairLeft && chairId === null) return null;
  const candidates = detail.attendance.filter((r) => r.status === "present" && !left.includes(r.membershipId));
  return (
    <label className="meeting-roles__field acting-chair">
      <span>{t("roles.actingChair")}</span>
      <OptionalSelect
        data-size="sm"
        data-testid={testId}
        none={t("roles.choose")}
        options={personOptions(candidates)}
        value={chairId ?? ""}
        disabled={locked}
        onPick={onChange}
      />
    </label>
  );
}
