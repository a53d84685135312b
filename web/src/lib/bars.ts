/** One row of a BarList: a label and one value per series, drawn over each other (the first,
 * e.g. visits in 365 days, is the widest), and an optional note after the figures. */
export interface Bar {
  label: string;
  values: number[];
  note?: string;
}
