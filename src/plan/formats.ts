/** Number formats and the units line of our tabs. */
export const EUR_FORMAT = '#,##0.00';
export const PERCENT_FORMAT = '0.0%';
export const COUNT_FORMAT = '0';
export const DATE_FORMAT = 'yyyy-mm-dd';
