/** ISIN check digits (ISO 6166: letters as numbers, then Luhn), for the illustrative product ISINs. */

export function isinCheckDigit(body11: string): number {
  const digits = body11.toUpperCase().split("").map((char) => (/[0-9]/.test(char) ? char : String(char.charCodeAt(0) - 55))).join("");
  let sum = 0;
  // Luhn from the right, where the (absent) check digit would be position 0: double the even positions.
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidIsin(isin: string): boolean {
  return /^[A-Z]{2}[A-Z0-9]{9}[0-9]$/.test(isin) && isinCheckDigit(isin.slice(0, 11)) === Number(isin[11]);
}

/** An ISIN from a prefix and a running number, padded to 11 characters, with its check digit. */
export function synthesizeIsin(prefix: string, serial: number): string {
  const body = `${prefix}${String(serial).padStart(11 - prefix.length, "0")}`;
  if (body.length !== 11) throw new RangeError(`ISIN prefix '${prefix}' leaves no room for serial ${serial}.`);
  return `${body}${isinCheckDigit(body)}`;
}
