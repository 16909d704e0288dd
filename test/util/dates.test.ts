import { addMonths, endAfterMonths, fromSerial, parseDateText, toSerial } from '../../src/util/dates';
import { formatEur, numberToCents, applyRateDown } from '../../src/util/money';
import { normalizeLabel } from '../../src/util/labels';
import { a1, parseA1, quoteSheet } from '../../src/util/a1';

describe('calendar dates', () => {
  it('converts Excel serials both ways, across the fictitious 1900-02-29', () => {
    expect(fromSerial(43556)).toBe('2019-04-01');
    expect(toSerial(fromSerial(43556)!)).toBe(43556);
    expect(fromSerial(59)).toBe('1900-02-28');
    expect(fromSerial(61)).toBe('1900-03-01');
    expect(fromSerial(60)).toBeNull();
    expect(fromSerial(43556.99)).toBe('2019-04-01');
    expect(fromSerial(2958465)).toBe('9999-12-31');
    expect(fromSerial(2958466)).toBeNull();
  });
  it('reads ISO and day-first text', () => {
    expect(parseDateText('2019-04-01')).toBe('2019-04-01');
    expect(parseDateText('01/04/2019')).toBe('2019-04-01');
    expect(parseDateText('01.04.2019')).toBe('2019-04-01');
    expect(parseDateText('31.02.2019')).toBeNull();
  });
  it('ends a period the day before start + months', () => {
    expect(endAfterMonths(parseDateText('2019-04-01')!, 24)).toBe('2021-03-31');
    expect(addMonths(parseDateText('2019-01-31')!, 1)).toBe('2019-02-28');
  });
});

describe('money, labels, addresses', () => {
  it('formats and rounds cents exactly', () => {
    expect(formatEur(numberToCents(2126574).cents)).toBe('2,126,574.00');
    expect(numberToCents(22040 * 0.15).twoDecimals).toBe(true);
    expect(numberToCents(1.005001).twoDecimals).toBe(false);
    expect(applyRateDown(numberToCents(178550.01).cents, 8500)).toBe(15176750);
  });
  it('normalizes labels', () => {
    expect(normalizeLabel('Approved budget (EUR)')).toBe(normalizeLabel('approved   budget eur'));
    expect(normalizeLabel('IDM Südtirol – Alto Adige')).toBe('idmsudtirolaltoadige');
  });
  it('handles A1 and sheet quoting', () => {
    expect(a1(11, 9)).toBe('J12');
    expect(parseA1('AB3')).toEqual({ row: 2, col: 27 });
    expect(quoteSheet('Project')).toBe('Project');
    expect(quoteSheet("Budget O'Neil")).toBe("'Budget O''Neil'");
    expect(quoteSheet('AB1')).toBe("'AB1'");
  });
});
