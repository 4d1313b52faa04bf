import type { JakName } from '@/utils/knowledge/types';
import type { LabelItem } from '@/utils/panel/drug-card';

type Props = {
  /** Verified JAK-family targets. */
  jak: readonly JakName[];
  /** Verified other kinases (FLT3, ACVR1, TEC family…). */
  other: readonly LabelItem[];
  /** Targets the reference marks unverified: greyed and labelled, not facts. */
  unverified?: readonly LabelItem[];
};

/** The kinases a drug inhibits, as chips: JAKs first, then other kinases, then unverified ones. */
export function TargetChips({ jak, other, unverified = [] }: Props) {
  if (jak.length + other.length + unverified.length === 0) return null;
  return (
    <ul class="jl-chips" aria-label="Targets">
      {jak.map((name) => (
        <li key={name} class="jl-chip jl-chip-jak" data-jak={name}>
          {name}
        </li>
      ))}
      {other.map((item) => (
        <li key={item.value} class="jl-chip jl-chip-other">
          {item.value}
          {item.note && <small> ({item.note})</small>}
        </li>
      ))}
      {unverified.map((item) => (
        <li key={`u-${item.value}`} class="jl-chip jl-chip-unverified">
          {item.value} <small>(unverified)</small>
        </li>
      ))}
    </ul>
  );
}
