// Terraform computes with 512-bit floats and prints them as decimals: 0.1 + 0.2 is 0.3, 1e21
// is 1000000000000000000000 and -0 is "-0". The engine computes with doubles; these helpers keep
// a number only when its double stands exactly for Terraform's decimal, so that its value and
// its text are Terraform's, and say null otherwise (the caller's value is then unknown).

/** digits / 10^scale */
interface Decimal {
  digits: bigint;
  scale: number;
}

/** How many significant digits a double's shortest text holds exactly (doubles hold 15 for sure). */
const EXACT_DIGITS = 15;

/** The decimal a double's shortest text writes (JavaScript's String(n), which reads back as n). */
function decimalOf(n: number): Decimal {
  const [, sign, whole, fraction = '', exponent = '0'] = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n))!;
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return scale < 0 ? { digits: digits * 10n ** BigInt(-scale), scale: 0 } : { digits, scale };
}

/** Both decimals' digits at one scale. */
function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.digits * 10n ** BigInt(scale - a.scale), b.digits * 10n ** BigInt(scale - b.scale), scale];
}

function text(d: Decimal): string {
  const negative = d.digits < 0n;
  const abs = (negative ? -d.digits : d.digits).toString().padStart(d.scale + 1, '0');
  const point = abs.length - d.scale;
  const fraction = abs.slice(point).replace(/0+$/, '');
  return `${negative ? '-' : ''}${abs.slice(0, point)}${fraction ? `.${fraction}` : ''}`;
}

function significantDigits(d: Decimal): number {
  return (d.digits < 0n ? -d.digits : d.digits).toString().replace(/0+$/, '').length;
}

/** The double of an exact decimal when it reads back as that decimal; null when it does not. */
function numberOf(d: Decimal): number | null {
  if (significantDigits(d) > EXACT_DIGITS) return null;
  const n = Number(text(d));
  const [x, y] = aligned(decimalOf(n), d);
  return x === y ? n : null;
}

/**
 * `a op b` as Terraform computes it, for + - * / and % of integers; null when the engine's
 * doubles cannot give it exactly (0.1 + 0.2, 1 / 3, 5.5 % 2 stay null).
 */
export function exactArithmetic(op: '+' | '-' | '*' | '/' | '%', a: number, b: number): number | null {
  if (op !== '/' && op !== '%' && Number.isSafeInteger(a) && Number.isSafeInteger(b)) {
    const r = op === '+' ? a + b : op === '-' ? a - b : a * b;
    if (Number.isSafeInteger(r)) return r;
  }
  if (op === '%') return Number.isSafeInteger(a) && Number.isSafeInteger(b) ? a % b : null;
  if (op === '/') {
    // the quotient is exact when it times b is a, decimal by decimal
    const q = a / b;
    if (!Number.isFinite(q)) return null;
    const dq = decimalOf(q);
    const [x, y] = aligned({ digits: dq.digits * decimalOf(b).digits, scale: dq.scale + decimalOf(b).scale }, decimalOf(a));
    return x === y && significantDigits(dq) <= EXACT_DIGITS ? q : null;
  }
  if (op === '*') {
    const [da, db] = [decimalOf(a), decimalOf(b)];
    return numberOf({ digits: da.digits * db.digits, scale: da.scale + db.scale });
  }
  const [x, y, scale] = aligned(decimalOf(a), decimalOf(b));
  return numberOf({ digits: op === '+' ? x + y : x - y, scale });
}

/** A number as Terraform writes it as a string (1e21 in full, -0 as "-0"); null past the digits a double holds. */
export function numberText(n: number): string | null {
  if (Object.is(n, -0)) return '-0';
  if (!Number.isFinite(n)) return null;
  const d = decimalOf(n);
  return significantDigits(d) > EXACT_DIGITS ? null : text(d);
}
