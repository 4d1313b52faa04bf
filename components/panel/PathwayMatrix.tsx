import type { MatrixRow } from '@/utils/panel/pathways';
import { JAK_ORDER } from '@/utils/panel/drug-card';

type Props = {
  rows: readonly MatrixRow[];
};

/** Inhibitors found × JAK1 / JAK2 / JAK3 / TYK2: which kinase each one blocks. */
export function PathwayMatrix({ rows }: Props) {
  if (rows.length === 0) return null;
  return (
    <table class="jl-matrix">
      <caption>JAKs each inhibitor blocks (verified targets)</caption>
      <thead>
        <tr>
          <th scope="col">Inhibitor</th>
          {JAK_ORDER.map((jak) => (
            <th key={jak} scope="col">
              {jak}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.drugId}>
            <th scope="row">{row.name}</th>
            {row.cells.map((cell) => (
              <td key={cell.jak} data-on={cell.inhibited ? 'true' : 'false'}>
                <span aria-hidden="true">{cell.inhibited ? '●' : '·'}</span>
                <span class="jl-sr">{cell.inhibited ? 'inhibits' : 'no'}</span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
