/** ISO 6166: two letters, nine letters or digits, one check digit (Luhn over the letters as numbers 10-35). */
export const ISIN_SHAPE = /^[A-Z]{2}[A-Z0-9]{9}[0-9]$/;

export function isValidIsin(isin: string): boolean {
  if (!ISIN_SHAPE.test(isin)) return false;
  const digits = [...isin.slice(0, 11)].map((char) => parseInt(char, 36)).join("");
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Doubling starts at the rightmost digit of the body (the check digit comes after it).
    let value = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) value = value * 2 > 9 ? value * 2 - 9 : value * 2;
    sum += value;
  }
  return (10 - (sum % 10)) % 10 === Number(isin[11]);
}
