// Working precision for compounded figures (products of growth factors, roots, powers): 24 significant digits is
// twelve more than the finest scale a derived figure is compared at (target-values.ts), and costs far less than the
// product-wide 40 in decimal.js's ln/exp. Inputs stay exact; only the compounding runs at this precision.
import { Decimal } from '../decimal.ts';

export const Derived = Decimal.clone({ precision: 24 });
