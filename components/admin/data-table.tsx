import type { ReactNode } from "react";
import { TableScroller, tableClass } from "@/components/admin/page-header";

export type Column<Row> = { header: string; cell: (row: Row) => ReactNode };

/** The admin's list: a scrollable table with one header row, or `empty` when there are no rows. */
export function DataTable<Row extends { id: number }>({
  label,
  rows,
  columns,
  empty,
}: {
  label: string;
  rows: Row[];
  columns: Column<Row>[];
  empty: string;
}) {
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <TableScroller label={label}>
      <table className={tableClass}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {columns.map((column) => (
                <td key={column.header}>{column.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
