/** The product's name and version, stamped on the Checks tab and in _clusterix. */
export const PRODUCT = 'ClusteriX Reporting';
export const VERSION = '0.1.0';
