import { Field } from '../ui/field';
import { type PromotionDraft, WEEKDAYS } from './promotion-draft';

interface Props {
  readonly draft: PromotionDraft;
  readonly errors: ReadonlyMap<string, string>;
  readonly set: (patch: Partial<PromotionDraft>) => void;
  /** The store's zone, used when the promotion names none (P5). */
  readonly timeZone: string;
}

const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** Schedule (P5): start and end as wall times in the store's (or the promotion's) zone, plus a weekly window. */
export function ScheduleEditor({ draft, errors, set, timeZone }: Props) {
  const toggleDay = (day: string) =>
    set({ recurringWeekdays: draft.recurringWeekdays.includes(day) ? draft.recurringWeekdays.filter((d) => d !== day) : [...draft.recurringWeekdays, day] });
  return (
    <section>
      <h2>When</h2>
      <div className="row">
        <Field label="Starts" path="schedule.start" errors={errors}>
          <input type="datetime-local" name="schedule.start" value={draft.scheduleStart} onChange={(e) => set({ scheduleStart: e.target.value })} />
        </Field>
        <Field label="Ends" path="schedule.end" errors={errors}>
          <input type="datetime-local" name="schedule.end" value={draft.scheduleEnd} onChange={(e) => set({ scheduleEnd: e.target.value })} />
        </Field>
        <Field label="Time zone" path="schedule.timeZone" errors={errors}>
          <input name="schedule.timeZone" list="time-zones" value={draft.scheduleTimeZone} placeholder={`store: ${timeZone}`} onChange={(e) => set({ scheduleTimeZone: e.target.value })} />
        </Field>
        <datalist id="time-zones">{ZONES.map((zone) => <option key={zone} value={zone} />)}</datalist>
      </div>
      <Field label="Only in a weekly window" path="schedule.recurring" errors={errors}>
        <input type="checkbox" checked={draft.recurring} onChange={(e) => set({ recurring: e.target.checked })} />
      </Field>
      {draft.recurring ? (
        <div className="row">
          <Field label="Days" path="schedule.recurring.weekdays" errors={errors}>
            <span className="weekdays">
              {WEEKDAYS.map((day) => (
                <label key={day}><input type="checkbox" checked={draft.recurringWeekdays.includes(day)} onChange={() => toggleDay(day)} />{day}</label>
              ))}
            </span>
          </Field>
          <Field label="From" path="schedule.recurring.from" errors={errors}><input type="time" value={draft.recurringFrom} onChange={(e) => set({ recurringFrom: e.target.value })} /></Field>
          <Field label="To" path="schedule.recurring.to" errors={errors}><input type="time" value={draft.recurringTo} onChange={(e) => set({ recurringTo: e.target.value })} /></Field>
          <Field label="Every N weeks" path="schedule.recurring.everyNWeeks" errors={errors}><input value={draft.recurringEveryNWeeks} onChange={(e) => set({ recurringEveryNWeeks: e.target.value })} /></Field>
        </div>
      ) : null}
    </section>
  );
}
